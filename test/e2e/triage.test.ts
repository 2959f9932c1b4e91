// A triage session in the real console (Chromium, web mode, the real broker): start a session,
// watch a churning group, capture its history chart, write a note, reload mid-session and find it
// intact, grant production write access, reset offsets on the production profile, end, export —
// and the postmortem, its chart and the MADR draft are on disk.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import type { GroupSummary } from '../../shared/kafka/groups';
import { parseAdr } from '../../shared/workspace/adr';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually } from '../support/bridge-harness';
import { launchChromium, shoot } from '../support/browser';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { deleteTestArtifacts } from '../support/kafka-cli';

const id = uniqueSuffix();
const topic = `e2e-triage-${id}`;
const churning = `e2e-triage-churn-${id}`;
const idle = `e2e-triage-idle-${id}`;
let server: ConsoleServer;
let clients: RunningClients;
let browser: Browser;
let page: Page;
let productionId: string;

const listed = async (groupId: string) => (await server.value<{ groups: GroupSummary[] }>('groups.list')).groups.find((g) => g.groupId === groupId);
const timelineTitles = () => page.getByTestId('timeline-title').allTextContents();

beforeAll(async () => {
  await (await runClients(`topic name=${topic} partitions=2\nproduceOnce topic=${topic} count=60`, { brokers: testBrokers })).stop();
  const done = await runClients(`group id=${idle} protocol=consumer topic=${topic} members=1 stopAfter=40 maxPollRecords=10 closeAfter=true`, { brokers: testBrokers });
  server = await startConsoleServer(testBrokers);
  await eventually('the idle group to be empty with offsets', async () => (await listed(idle))?.state === 'Empty', 90_000);
  await done.stop();
  // A group whose members join and leave every few seconds, reading a topic that keeps getting records.
  clients = await runClients(`produce topic=${topic} rate=5\ngroup id=${churning} protocol=consumer topic=${topic} members=1 churn=1-3 churnEveryMs=3000 maxPollRecords=5`, { brokers: testBrokers });
  productionId = (await server.value<{ id: string }>('profiles.save', { settings: {
    name: 'Payments prod', bootstrapBrokers: [testBrokers], color: '#dc2626', production: true,
    tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' },
  } })).id;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/#token=${server.token}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await clients?.stop();
  await server?.stop();
  await deleteTestArtifacts([idle, churning], [topic]);
});

describe('a triage session in the console', () => {
  it('starts a session, watches the churning group and records its changes by itself', async () => {
    await page.getByTestId('session-start').click();
    await page.getByLabel('Title').fill('Inventory sync keeps rebalancing');
    await page.getByLabel('Severity').selectOption('SEV2');
    await page.getByTestId('start-submit').click();
    await page.getByTestId('session-title').filter({ hasText: 'Inventory sync keeps rebalancing' }).waitFor();
    await expect.poll(() => page.getByTestId('session-running').textContent()).toMatch(/SEV2 · Inventory sync keeps rebalancing \d+:\d\d/);

    await page.getByTestId('watch-id').fill(churning);
    await page.getByLabel('Lag threshold (records)').fill('1000000');
    await page.getByTestId('watch-submit').click();
    await page.getByTestId('watch-item').filter({ hasText: churning }).waitFor();
    await expect.poll(async () => (await timelineTitles()).some((t) => t.startsWith(`${churning}: member`) || t.includes(`${churning}: group epoch`)), { timeout: 60_000, interval: 1_000 }).toBe(true);
    await shoot(page, 'triage-session');
  });

  it('captures the group’s history chart as a PNG and writes a note', async () => {
    await page.goto(`${server.url}/#/groups/${churning}`);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('[data-testid=lag-chart] canvas').waitFor({ timeout: 60_000 });
    await page.getByTestId('capture-button').click();
    await expect.poll(() => page.getByTestId('capture-done').textContent()).toBe('Captured, with the chart');

    await page.getByTestId('session-running').click();
    await page.getByTestId('note-text').fill('Members leave **every few seconds**; the group never settles.');
    await page.getByTestId('note-submit').click();
    await page.getByTestId('timeline-item').filter({ hasText: 'never settles' }).waitFor();
    await page.getByTestId('capture-image').first().waitFor();
  });

  it('finds the session intact after a reload', async () => {
    const before = await timelineTitles();
    await page.reload();
    await page.getByTestId('session-title').filter({ hasText: 'Inventory sync keeps rebalancing' }).waitFor();
    await page.getByTestId('timeline-item').filter({ hasText: 'never settles' }).waitFor();
    const after = await timelineTitles();
    for (const title of before) expect(after).toContain(title);
    await page.getByTestId('capture-image').first().waitFor();
  });

  it('grants production write access for a time box, then resets offsets on the production profile', async () => {
    await page.getByTestId('profile-select').selectOption(productionId);
    await page.getByTestId('read-only').waitFor();
    await page.getByTestId('grant-write').click();
    await page.getByLabel('Minutes').selectOption('15');
    await page.getByLabel('Reason').fill('replay the idle group from the start');
    await page.getByTestId('grant-submit').click();
    await expect.poll(() => page.getByTestId('write-countdown').textContent()).toMatch(/writable · 1[45]:\d\d left/);

    await eventually('the production session to list the idle group', async () => (await listed(idle))?.state === 'Empty', 60_000);
    await page.goto(`${server.url}/#/groups/${idle}`);
    await page.getByTestId('group-title').filter({ hasText: idle }).waitFor();
    await page.getByTestId('reset-offsets').click();
    const dialog = page.getByRole('dialog', { name: 'Reset offsets' });
    await dialog.getByTestId('preview').click();
    await dialog.getByTestId('reset-preview').waitFor();
    await dialog.getByLabel('Type the profile name to confirm').fill('Payments prod');
    await dialog.getByTestId('apply').click();
    await dialog.getByTestId('reset-applied').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('ends the session and exports the postmortem and a decision draft to disk', async () => {
    await page.getByTestId('session-running').click();
    await page.getByTestId('timeline-item').filter({ hasText: `groups.resetOffsets on group ${idle}` }).waitFor();
    await page.getByTestId('end-session').click();
    await page.getByLabel('Summary', { exact: true }).fill('The inventory sync group churned; the idle group was replayed from the start.');
    await page.getByLabel('Findings', { exact: true }).fill('Members restart every few seconds');
    await page.getByLabel('Follow-ups', { exact: true }).fill('Find why the members restart');
    await page.getByTestId('end-submit').click();
    await page.getByTestId('session-start').waitFor();

    await page.getByTestId('session-row').first().getByRole('link').click();
    await page.getByTestId('export-session').click();
    await page.getByTestId('export-result').waitFor({ timeout: 30_000 });
    const folder = (await page.getByTestId('export-folder').textContent())!;
    const adrPath = (await page.getByTestId('export-adr').textContent())!;
    await shoot(page, 'triage-export');

    const markdown = fs.readFileSync(path.join(folder, 'postmortem.md'), 'utf8');
    expect(markdown).toContain('# Postmortem: Inventory sync keeps rebalancing');
    expect(markdown).toContain('The inventory sync group churned');
    expect(markdown).toMatch(new RegExp(`\\| \`${churning}\` \\| [\\d,]+ at `));
    expect(markdown).toContain(`--group ${idle} --reset-offsets --to-earliest`);
    expect(markdown).toContain('Production write access was granted 1 time');
    expect(markdown).toContain('- [ ] Find why the members restart');
    const chart = /!\[[^\]]*\]\((charts\/[^)]+\.png)\)/.exec(markdown)![1]!;
    expect(fs.readFileSync(path.join(folder, chart)).subarray(1, 4).toString()).toBe('PNG');
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'session.json'), 'utf8')).entries.length).toBeGreaterThan(5);

    const adrText = fs.readFileSync(path.join(server.dataDir, 'example-workspace', adrPath), 'utf8');
    const { adr } = parseAdr(adrPath, adrText);
    expect(adr).toMatchObject({ statusKind: 'proposed', links: { groups: expect.arrayContaining([churning, idle]) } });
    expect(adrText).toMatch(/triage session `[a-z0-9-]+`/);
  });
});
