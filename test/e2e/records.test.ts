// The records browser in Chromium against web mode, the real broker and the real registry: open a
// topic's records, seek by timestamp, filter, open a decoded record (custNm masked: the example
// dictionary classifies 고객 명 as personal) and reveal it with a reason, produce a record and see it
// arrive in a live tail; from a stalled partition on a group's Health tab to the record it is
// stuck on, and skip it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runClients } from '../../sandbox/sandbox-clients';
import type { GroupHealth } from '../../shared/kafka/monitoring';
import type { GroupDetail } from '../../shared/kafka/groups';
import { auditActions } from '../support/audit';
import { testBrokers, testRegistryUrl, uniqueSuffix } from '../support/brokers';
import { eventually } from '../support/bridge-harness';
import { launchChromium, shoot } from '../support/browser';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { deleteTestArtifacts } from '../support/kafka-cli';
import { createTopic, deleteSubjects, produceEncoded } from '../support/records-encoder';

const id = uniqueSuffix();
const topic = `e2e-records-${id}`;
const stuckTopic = `e2e-records-stuck-${id}`;
const group = `e2e-records-stuck-${id}`;
const subject = `${topic}-value`;
/** Record times a few hours back: older ones would fall to the topic's retention (7 days) while the test runs. */
const base = Math.floor(Date.now() / 60_000) * 60_000 - 3 * 3_600_000;

let server: ConsoleServer;
let browser: Browser;
let page: Page;

const schema = JSON.stringify({ type: 'record', name: 'Payment', namespace: `e2e${id}`, fields: [
  { name: 'payId', type: 'string' }, { name: 'payAmt', type: 'long' }, { name: 'custNm', type: 'string' },
] });

beforeAll(async () => {
  await createTopic(topic, 2);
  await produceEncoded({
    topic, subject, schemaType: 'AVRO', schema,
    values: Array.from({ length: 40 }, (_, i) => ({ payId: `pay-${i}`, payAmt: i * 100, custNm: `Customer ${i}` })),
    keys: Array.from({ length: 40 }, (_, i) => `pay-${i}`), timestamps: Array.from({ length: 40 }, (_, i) => base + i * 60_000),
  });
  await createTopic(stuckTopic, 1);
  await produceEncoded({ topic: stuckTopic, subject: `${stuckTopic}-value`, schemaType: 'AVRO', schema, values: Array.from({ length: 6 }, (_, i) => ({ payId: `stuck-${i}`, payAmt: i, custNm: 'x' })) });
  // The group reads three records, commits and leaves: offset 3 is where it is stuck.
  const clients = await runClients(`group id=${group} protocol=consumer topic=${stuckTopic} members=1 stopAfter=3 maxPollRecords=3 closeAfter=true`, { brokers: testBrokers });
  server = await startConsoleServer(testBrokers, { SLUICE_REGISTRY_URL: testRegistryUrl });
  await eventually('the group to be empty at offset 3', async () => {
    const detail = await server.value<GroupDetail>('groups.describe', { groupId: group }).catch(() => null);
    return detail?.members.length === 0 && detail.offsets[0]?.committedOffset === 3;
  }, 90_000);
  await clients.stop();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(`${server.url}/#token=${server.token}`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await deleteSubjects([subject, `${stuckTopic}-value`]);
  await deleteTestArtifacts([group], [topic, stuckTopic]);
});

describe('records browser', () => {
  it('opens a topic, seeks by timestamp, filters in main, and shows a decoded record with its schema', async () => {
    await page.goto(`${server.url}/#/records/${topic}`);
    await page.getByTestId('records-topic').filter({ hasText: topic }).waitFor();
    // The page starts with the newest records.
    await expect.poll(() => page.getByTestId('record-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByLabel('Start', { exact: true }).selectOption('timestamp');
    await page.getByLabel('Start at').fill(new Date(base + 30 * 60_000).toISOString());
    await page.getByLabel('Filter', { exact: true }).fill('record.value.payAmt >= 3500');
    await page.getByTestId('start-read').click();
    await expect.poll(() => page.getByTestId('scan-state').textContent(), { timeout: 20_000 }).toBe('done');
    // From minute 30: payAmt 3000…3900, of which 3500…3900 match.
    await expect.poll(() => page.getByTestId('scan-counts').textContent()).toMatch(/10 scanned · 5 matched/);
    expect(await page.getByTestId('record-row').count()).toBe(5);
    await page.getByTestId('record-row').first().click();
    const detail = page.getByTestId('record-detail');
    await expect.poll(() => detail.getByTestId('value-schema').textContent()).toContain(`${subject} v1`);
    expect(await detail.getByTestId('detail-value').textContent()).toMatch(/"payAmt": 3[5-9]00/);
    await shoot(page, 'records-browser');
  });

  it('refuses a broken filter with the reason before reading', async () => {
    await page.getByLabel('Filter', { exact: true }).fill('record.value.payAmt >=');
    await page.getByTestId('start-read').click();
    await expect.poll(() => page.getByTestId('read-error').textContent()).toMatch(/not valid CEL/);
  });

  it('masks a classified field, and reveals it with a reason that is audited', async () => {
    await page.getByLabel('Filter', { exact: true }).fill('record.value.payId == "pay-7"');
    await page.getByLabel('Start', { exact: true }).selectOption('beginning');
    await page.getByTestId('start-read').click();
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(1);
    await page.getByTestId('record-row').first().click();
    const detail = page.getByTestId('record-detail');
    await expect.poll(() => detail.getByTestId('masked-fields').textContent()).toContain('custNm');
    expect(await detail.getByTestId('detail-value').textContent()).not.toContain('Customer 7');
    await detail.getByTestId('reveal').click();
    await detail.getByLabel('Reason to reveal').fill('Incident 7: the customer called');
    await detail.getByTestId('reveal-confirm').click();
    await detail.getByTestId('revealed').waitFor();
    expect(await detail.getByTestId('detail-value').textContent()).toContain('Customer 7');
    expect(auditActions(server.dataDir).filter((a) => a.action === 'records.reveal').at(-1)).toMatchObject({ result: 'applied', after: { reason: 'Incident 7: the customer called' } });
  });

  it('asks for a reason before a filter reads a classified field, then filters on its real value, audited', async () => {
    await page.getByLabel('Filter', { exact: true }).fill('record.value.custNm == "Customer 7"');
    await page.getByTestId('start-read').click();
    await expect.poll(() => page.getByTestId('read-error').textContent()).toMatch(/custNm \(personal\)/);
    await page.getByLabel('Reason to filter unmasked').fill('Incident 7: which payment is the caller’s');
    await shoot(page, 'records-filter-reason');
    await page.getByTestId('start-read').click();
    // The refused read's error goes, and the rows are this read's own, once it has finished.
    await expect.poll(() => page.getByTestId('read-error').count()).toBe(0);
    await expect.poll(() => page.getByTestId('scan-state').textContent()).toBe('done');
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(1);
    expect(await page.getByTestId('record-value').first().textContent()).toContain('[masked: personal]');
    await expect.poll(() => auditActions(server.dataDir).filter((a) => a.action === 'records.read').at(-1)).toMatchObject({ result: 'applied', after: { reason: 'Incident 7: which payment is the caller’s', fields: ['custNm (personal)'] } });
    await page.getByLabel('Reason to filter unmasked').fill('');
  });

  it('produces a schema-encoded record and sees it arrive in a live tail', async () => {
    await page.getByLabel('Filter', { exact: true }).fill('');
    await page.getByLabel('Start', { exact: true }).selectOption('end');
    await page.getByLabel('Live tail').check();
    await page.getByTestId('start-read').click();
    await expect.poll(() => page.getByTestId('scan-state').textContent()).toBe('live');
    await page.getByTestId('produce').click();
    const dialog = page.getByRole('dialog', { name: 'Produce a record' });
    await dialog.getByLabel('Key', { exact: true }).fill('pay-e2e');
    await dialog.getByLabel('Value', { exact: true }).fill(JSON.stringify({ payId: 'pay-e2e', payAmt: 777, custNm: 'Produced In E2E' }));
    await dialog.getByTestId('produce-preview').click();
    await expect.poll(() => dialog.getByTestId('produce-schema').textContent()).toContain(`${subject} v1`);
    expect(await dialog.getByTestId('cli-command').textContent()).toContain(`kafka-avro-console-producer --bootstrap-server ${testBrokers} --topic ${topic}`);
    await dialog.getByTestId('apply').click();
    await dialog.getByTestId('produced').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('record-value').allTextContents(), { timeout: 20_000 }).toContainEqual(expect.stringContaining('"payId":"pay-e2e"'));
    expect(auditActions(server.dataDir).filter((a) => a.action === 'records.produce').at(-1)).toMatchObject({ result: 'applied' });
    await page.getByTestId('stop-read').click();
  });

  it('goes from a stalled partition to the record it is stuck on, and skips it', async () => {
    await eventually('the stuck partition to be STALL or STOP', async () => {
      const health = await server.value<GroupHealth>('groups.health', { groupId: group });
      return health.partitions.some((p) => p.status === 'STALL' || p.status === 'STOP');
    }, 120_000, 2_000);
    await page.goto(`${server.url}/#/groups/${group}`);
    await page.getByRole('tab', { name: /health/i }).click();
    const stuck = page.getByTestId('stuck-record');
    await expect.poll(() => stuck.getByTestId('stuck-record-value').textContent(), { timeout: 20_000 }).toContain('"payId": "stuck-3"');
    await shoot(page, 'records-stuck-partition');
    await stuck.getByTestId('skip-record').click();
    const dialog = page.getByRole('dialog', { name: 'Reset offsets' });
    await dialog.getByTestId('preview').click();
    await expect.poll(() => dialog.getByTestId('new-offset').allTextContents()).toEqual(['4']);
    expect(await dialog.getByTestId('reset-totals').textContent()).toMatch(/1 partitions: 0 records replayed, 1 skipped/);
    await dialog.getByTestId('apply').click();
    await dialog.getByTestId('reset-applied').waitFor();
    const after = await server.value<GroupDetail>('groups.describe', { groupId: group });
    expect(after.offsets[0]?.committedOffset).toBe(4);
  });
});
