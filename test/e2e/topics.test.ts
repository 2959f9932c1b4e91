// Topics in the real console (Chromium against web mode and the real broker): open a topic from the
// list, see its partitions, configs and the groups reading it, follow the links to the group and
// back, and preview + apply a config change whose audit record then shows on the Audit page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runClients } from '../../sandbox/sandbox-clients';
import type { GroupSummary } from '../../shared/kafka/groups';
import type { TopicDetail } from '../../shared/topics/topics';
import { auditActions } from '../support/audit';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually } from '../support/bridge-harness';
import { launchChromium } from '../support/browser';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { deleteTestArtifacts } from '../support/kafka-cli';
import { kafkaTool, parseConfigsDescribe } from '../support/kafka-tools';

const id = uniqueSuffix();
const topic = `e2e-topic-${id}`;
const group = `e2e-topic-reader-${id}`;
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await (await runClients(`topic name=${topic} partitions=3\nproduceOnce topic=${topic} count=90\ngroup id=${group} protocol=consumer topic=${topic} members=1 stopAfter=30 maxPollRecords=10 closeAfter=true`, { brokers: testBrokers })).stop();
  server = await startConsoleServer(testBrokers);
  await eventually('the group to commit and leave', async () => (await server.value<{ groups: GroupSummary[] }>('groups.list')).groups.find((g) => g.groupId === group)?.state === 'Empty', 90_000);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  await page.goto(`${server.url}/#token=${server.token}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await deleteTestArtifacts([group], [topic]);
});

describe('topics in the console', () => {
  it('opens a topic from the list and shows its partitions, configs and the groups reading it', async () => {
    const detail = await server.value<TopicDetail>('topics.describe', { topic });
    await page.goto(`${server.url}/#/topics`);
    await page.getByLabel('Filter topics').fill(topic);
    const row = page.getByTestId('topic-row').filter({ hasText: topic });
    await row.waitFor();
    expect(await row.getByTestId('partitions').textContent()).toBe('3');
    await expect.poll(() => row.getByTestId('groups-reading').textContent(), { timeout: 30_000 }).toBe('1');
    await row.click();

    await page.getByTestId('topic-title').filter({ hasText: topic }).waitFor();
    await expect.poll(() => page.getByTestId('partition-row').count()).toBe(3);
    const highs = await page.getByTestId('high-watermark').allTextContents();
    expect(highs).toEqual(detail.partitions.map((p) => String(p.highWatermark)));
    expect(await page.getByTestId('records').textContent()).toBe('90');

    await page.getByTestId('tab-configs').click();
    const retention = page.getByTestId('config-row').filter({ has: page.locator('td', { hasText: /^retention\.ms$/ }) });
    await retention.waitFor();
    expect(await retention.getByTestId('config-source').textContent()).toBe('default');

    await page.getByTestId('tab-readers').click();
    const reader = page.getByTestId('reader-row').filter({ hasText: group });
    await reader.waitFor();
    // The group committed and left: its lag on this topic is settled, and what the page shows is main's answer.
    const lag = detail.readers.find((r) => r.groupId === group)?.lag;
    expect(lag).toBeGreaterThan(0);
    expect(await reader.getByTestId('reader-lag').textContent()).toBe(String(lag));
    // Links both ways: to the group, and from the group's partitions back to the topic.
    await reader.getByTestId('reader-link').click();
    await page.getByTestId('group-title').filter({ hasText: group }).waitFor();
    await page.getByTestId('offset-topic-link').first().click();
    await page.getByTestId('topic-title').filter({ hasText: topic }).waitFor();
  });

  it('previews a config change with its diff and command, applies it, and the audit log shows it', async () => {
    await page.goto(`${server.url}/#/topics/${topic}/configs`);
    await page.getByTestId('change-configs').click();
    const dialog = page.getByRole('dialog', { name: 'Change configs' });
    await dialog.getByTestId('config-name').fill('retention.ms');
    await dialog.getByTestId('config-new-value').fill('7200000');
    await dialog.getByTestId('preview-configs').click();
    const diff = dialog.getByTestId('diff-row');
    await diff.waitFor();
    expect(await diff.textContent()).toMatch(/retention\.ms604800000\s*default7200000/);
    expect(await dialog.getByTestId('cli-command').textContent()).toBe(`kafka-configs.sh --bootstrap-server ${testBrokers} --entity-type topics --entity-name ${topic} --alter --add-config retention.ms=7200000`);
    // The preview changed nothing (Kafka's default retention.ms is printed with no synonyms).
    const cli = async () => parseConfigsDescribe(await kafkaTool('configs', '--describe', '--all', '--entity-type', 'topics', '--entity-name', topic)).find((c) => c.name === 'retention.ms');
    expect(await cli()).toMatchObject({ value: '604800000', source: null });

    await dialog.getByTestId('apply').click();
    await dialog.getByTestId('configs-applied').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const value = page.getByTestId('config-row').filter({ has: page.locator('td', { hasText: /^retention\.ms$/ }) }).getByTestId('config-value');
    await expect.poll(() => value.textContent(), { timeout: 15_000 }).toBe('7200000');
    expect(await cli()).toMatchObject({ value: '7200000', source: 'DYNAMIC_TOPIC_CONFIG' });

    await page.goto(`${server.url}/#/audit`);
    const row = page.getByTestId('audit-row').first();
    await expect.poll(() => row.textContent()).toContain('topics.alterConfigs');
    expect(await row.textContent()).toContain(topic);
    expect(await row.getByTestId('audit-result').textContent()).toBe('applied');
    expect(auditActions(server.dataDir).filter((a) => a.action === 'topics.alterConfigs')).toEqual([
      expect.objectContaining({ result: 'applied', before: { 'retention.ms': '604800000' }, after: { 'retention.ms': '7200000' } }),
    ]);
  });
});
