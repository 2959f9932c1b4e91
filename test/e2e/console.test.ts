// The real renderer in a real browser against web mode and real groups of both protocols. The same
// specs run against the Electron app where its binary exists, and skip with a reason where not.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron as electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import { repoRoot } from '../../sandbox/paths';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import type { GroupDetail } from '../../shared/kafka/groups';
import { memberReconciliation } from '../../shared/kafka/reconciliation';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually } from '../support/bridge-harness';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { deleteTestArtifacts } from '../support/kafka-cli';
import { settledGroupsSpec } from '../support/fixtures';
import { launchChromium, shoot } from '../support/browser';


const id = uniqueSuffix();
const k848 = `e2e-k848-${id}`;
const classic = `e2e-classic-${id}`;
const quiet = `e2e-nocommit-${id}`;

let clients: RunningClients;
let server: ConsoleServer;

beforeAll(async () => {
  clients = await runClients(settledGroupsSpec({ k848, classic, noCommit: quiet }), { brokers: testBrokers });
  server = await startConsoleServer(testBrokers);
  await eventually('the KIP-848 group to settle', async () => {
    const g = await server.value<GroupDetail>('groups.describe', { groupId: k848 });
    return g.state === 'Stable' && g.members.length === 3 && g.members.every((m) => !memberReconciliation(m, g.groupEpoch).reconciling);
  }, 90_000);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await clients?.stop();
  await deleteTestArtifacts([k848, classic, quiet], [k848, classic, quiet]);
});


function consoleSpecs(target: string, open: () => Promise<Page>) {
  let page: Page;
  beforeAll(async () => { page = await open(); }, 60_000);

  it(`${target}: lists the KIP-848 group with its type, state and member count`, async () => {
    await page.getByRole('link', { name: 'Consumer groups' }).click();
    await page.getByLabel('Filter groups').fill(`e2e- ${id}`);
    const row = page.locator(`[data-testid=group-row][data-group-id="${k848}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getByTestId('type-badge').textContent()).toBe('Consumer (KIP-848)');
    await expect.poll(() => row.getByTestId('state-badge').textContent(), { timeout: 20_000 }).toBe('Stable');
    await expect.poll(() => row.getByTestId('members').textContent()).toBe('3');
    const classicRow = page.locator(`[data-testid=group-row][data-group-id="${classic}"]`);
    expect(await classicRow.getByTestId('type-badge').textContent()).toBe('Classic');
    // Never committed: "no offset", not a lag of zero.
    expect(await page.locator(`[data-testid=group-row][data-group-id="${quiet}"]`).getByTestId('lag').textContent()).toBe('no offset');
    await page.getByLabel('Filter groups').fill('');
    await page.getByLabel('Filter groups').fill('e2e-');
    await shoot(page, 'groups');
  });

  it(`${target}: opens the group and shows epochs, reconciled members and partition lag`, async () => {
    await page.getByLabel('Filter groups').fill(k848);
    await page.locator(`[data-testid=group-row][data-group-id="${k848}"]`).click();
    await page.getByTestId('group-title').filter({ hasText: k848 }).waitFor();
    const detail = await server.value<GroupDetail>('groups.describe', { groupId: k848 });
    await expect.poll(() => page.getByTestId('group-epoch').textContent()).toBe(String(detail.groupEpoch));
    expect(await page.getByTestId('assignment-epoch').textContent()).toBe(String(detail.assignmentEpoch));
    expect(await page.getByTestId('assignor').textContent()).toBe('uniform');
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(3);
    expect(await page.getByTestId('member-reconciliation').allTextContents()).toEqual(['reconciled', 'reconciled', 'reconciled']);
    await expect.poll(() => page.getByTestId('offset-row').count()).toBe(6);
    const lags = (await page.getByTestId('partition-lag').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(lags.reduce((a, b) => a + b, 0)).toBe(detail.offsets.reduce((a, o) => a + (o.lag ?? 0), 0));
    await shoot(page, 'group');
  });

  it(`${target}: updates lag live, pushed from main, when records arrive`, async () => {
    const before = Number((await page.getByTestId('total-lag').textContent())!.replace(/,/g, ''));
    const producer = await runClients(`produceOnce topic=${k848} count=120`, { brokers: testBrokers });
    await producer.stop();
    await expect.poll(async () => Number((await page.getByTestId('total-lag').textContent())!.replace(/,/g, '')), { timeout: 20_000 }).toBe(before + 120);
  });

  it(`${target}: shows a classic group with its assignment strategy and no KIP-848 epochs`, async () => {
    await page.goto(`${page.url().split('#')[0]}#/groups/${classic}`);
    await expect.poll(() => page.getByTestId('protocol').textContent(), { timeout: 20_000 }).toBe('range');
    expect(await page.getByTestId('group-epoch').count()).toBe(0);
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(2);
  });

  it(`${target}: adds a production profile, switches to it, and makes it stand out`, async () => {
    await page.getByRole('link', { name: 'Connections' }).click();
    await page.getByRole('button', { name: 'Add profile' }).click();
    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Name', { exact: true }).fill('Payments production');
    await form.getByLabel('Bootstrap brokers').fill('127.0.0.1:1');
    await form.getByLabel(/Production/).check();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => form.getByTestId('test-result').textContent(), { timeout: 30_000 }).toMatch(/Could not connect/);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('profile-card').filter({ hasText: 'Payments production' }).getByRole('button', { name: 'Use' }).click();
    await page.getByTestId('production-label').first().waitFor();
    await page.getByRole('link', { name: 'Consumer groups' }).click();
    await page.getByRole('alert').filter({ hasText: 'No broker answered at 127.0.0.1:1' }).waitFor({ timeout: 30_000 });
    await shoot(page, 'production-unreachable');
    await page.getByTestId('profile-select').selectOption('environment');
    await page.locator(`[data-testid=group-row]`).first().waitFor({ timeout: 30_000 });
    // The profile list and the groups list arrive as two pushes, in either order.
    await expect.poll(() => page.getByTestId('production-label').count(), { timeout: 10_000 }).toBe(0);
  });
}

describe('web mode in Chromium', () => {
  let browser: Browser;
  afterAll(async () => { await browser?.close(); });
  consoleSpecs('web', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    await page.goto(`${server.url}/#token=${server.token}`);
    return page;
  });
});

const binary = electronBinary();
if (!binary) console.warn('Skipping the Electron e2e run: the Electron binary is not installed on this machine (it could not be downloaded).');
describe.skipIf(!binary)('desktop app (Electron)', () => {
  let app: ElectronApplication;
  afterAll(async () => { await app?.close(); });
  consoleSpecs('electron', async () => {
    app = await electron.launch({
      executablePath: binary!,
      args: [path.join(repoRoot, 'out/main/index.js')],
      env: { ...process.env, SLUICE_KAFKA_BROKERS: testBrokers, SLUICE_DATA_DIR: fs.mkdtempSync(path.join(server.dataDir, 'electron-')) } as Record<string, string>,
    });
    return app.firstWindow();
  });
});
