// Replication and the ledger in the real console: a fault injected into the reference services
// appears as a mismatch, one click reconciles it (a double click applies once), and the audit log
// records it; bulk reconcile shows progress; the ledger page shows a payment's lifecycle with a
// duplicate publication; an unreachable service gives a clear message. The same specs run against
// Electron where its binary exists.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron as electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { repoRoot } from '../../sandbox/paths';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { auditActions } from '../support/audit';
import type { MismatchDetail } from '../../shared/replication/verification';
import { testBrokers } from '../support/brokers';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { startTestServices, type TestServices } from '../support/reference-services';
import { launchChromium, shoot } from '../support/browser';
import { refusedPort } from '../support/refused-port';


let services: TestServices;
let server: ConsoleServer;
let serviceEnv: Record<string, string>;

beforeAll(async () => {
  services = await startTestServices('pglite', { verifyDelayMs: 1000 });
  serviceEnv = {
    SLUICE_VERIFICATION_URL: services.verificationUrl, SLUICE_VERIFICATION_TOKEN: services.verificationToken,
    SLUICE_LEDGER_URL: services.ledgerUrl, SLUICE_LEDGER_TOKEN: services.ledgerToken,
  };
  server = await startConsoleServer(testBrokers, serviceEnv);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await services?.stop();
}, 60_000);

const auditRecords = (dataDir: string) => auditActions(dataDir);

function replicationSpecs(target: string, open: () => Promise<{ page: Page; dataDir: string }>) {
  let page: Page;
  let dataDir: string;
  beforeAll(async () => { ({ page, dataDir } = await open()); }, 120_000);

  it(`${target}: an injected fault appears as a mismatch and one click reconciles it, once, with an audit record`, async () => {
    const [fault] = await services.inject('alter-target-column');
    const paymentId = fault!.key.payment_id!;
    await page.getByRole('link', { name: 'Replication', exact: true }).click();
    await page.getByTestId('pipeline').waitFor();
    expect(await page.getByTestId('replicator-group').textContent()).toBe(services.pipeline.replicatorGroupId);
    const row = page.locator(`[data-testid=mismatch-row][data-key="${paymentId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('status-badge').textContent()).toBe('divergent');
    await shoot(page, 'replication');
    await row.click();
    await page.getByTestId('rows').waitFor();
    expect(await page.getByTestId('differing-column').getAttribute('data-column')).toBe('amount_minor');
    expect(await page.getByTestId('event').textContent()).toContain(services.pipeline.topic);
    await page.getByTestId('reconcile').click();
    await page.getByTestId('reconcile-preview').waitFor();
    expect(await page.getByTestId('reconcile-sql').textContent()).toMatch(/^UPDATE payments SET amount_minor = '\d+'/);
    await shoot(page, 'mismatch');
    await page.getByTestId('reconcile-apply').dblclick();
    await page.getByTestId('reconcile-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('reconcile-status').textContent()).toBe('resolved');
    const mismatchId = page.url().split('/').pop()!;
    const detail = await server.value<MismatchDetail>('replication.mismatch', { id: mismatchId });
    expect(detail.mismatch.status).toBe('resolved');
    expect(detail.history.filter((h) => h.action === 'reconciled')).toHaveLength(1);
    const records = auditRecords(dataDir).filter((r) => r.action === 'replication.reconcile' && (r.target as { mismatchId: string }).mismatchId === mismatchId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ result: 'applied', after: { verified: true, status: 'resolved' } });
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('replication.reconcile').first().waitFor();
  });

  it(`${target}: reconciles a filtered set in bulk with progress`, async () => {
    const faults = await services.inject('drop-target-row', { count: 5 });
    const keys = faults.map((f) => f.key.payment_id!);
    await page.getByRole('link', { name: 'Replication', exact: true }).click();
    await page.getByLabel('Kind').selectOption('missing');
    for (const key of keys) await page.locator(`[data-testid=mismatch-row][data-key="${key}"]`).waitFor({ timeout: 30_000 });
    await page.getByTestId('bulk-reconcile').click();
    await page.getByTestId('bulk-apply').dblclick();
    await expect.poll(() => page.getByTestId('bulk-state').textContent(), { timeout: 60_000 }).toBe('done');
    expect(await page.getByTestId('bulk-counts').textContent()).toMatch(/(\d+) of \1 \(100 %\)/);
    await page.getByLabel('Kind').selectOption('');
    const jobs = auditRecords(dataDir).filter((r) => r.action === 'replication.reconcileMany');
    expect(jobs).toHaveLength(1);
  });

  it(`${target}: the ledger page shows a payment's lifecycle, a duplicate publication and outbox health`, async () => {
    const [fault] = await services.inject('duplicate-event');
    const paymentId = fault!.key.idempotency_key!.split(':')[1]!;
    await page.getByRole('link', { name: 'Ledger', exact: true }).click();
    await page.getByLabel('Payment id').fill(paymentId);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByTestId('lifecycle').waitFor();
    expect(await page.getByTestId('payment-payment_id').textContent()).toBe(paymentId);
    await expect.poll(() => page.getByTestId('outbox-event').filter({ hasText: 'published 2×' }).count()).toBe(1);
    expect(Number(await page.getByTestId('duplicate-count').textContent())).toBeGreaterThanOrEqual(1);
    await shoot(page, 'ledger');
  });
}

describe('web mode in Chromium', () => {
  let browser: Browser;
  afterAll(async () => { await browser?.close(); });
  replicationSpecs('web', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${server.url}/#token=${server.token}`);
    return { page, dataDir: server.dataDir };
  });

  it('says clearly when the verification API cannot be reached', async () => {
    const port = await refusedPort();
    const broken = await startConsoleServer(testBrokers, { SLUICE_VERIFICATION_URL: `http://127.0.0.1:${port}`, SLUICE_VERIFICATION_TOKEN: 'x' });
    const page = await browser.newPage();
    try {
      await page.goto(`${broken.url}/#token=${broken.token}`);
      await page.goto(`${broken.url}/#/replication`);
      await page.getByRole('alert').filter({ hasText: /verification API is unreachable at http:\/\/127\.0\.0\.1:\d+: connection refused \(is it running\?\)/ }).waitFor({ timeout: 30_000 });
      await page.goto(`${broken.url}/#/ledger`);
      await page.getByRole('alert').filter({ hasText: /No ledger API is configured: set SLUICE_LEDGER_URL/ }).waitFor({ timeout: 30_000 });
    } finally {
      await page.close();
      await broken.stop();
    }
  });
});

const binary = electronBinary();
describe.skipIf(!binary)('desktop app (Electron)', () => {
  let app: ElectronApplication;
  afterAll(async () => { await app?.close(); });
  replicationSpecs('electron', async () => {
    const dataDir = fs.mkdtempSync(path.join(server.dataDir, 'electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [path.join(repoRoot, 'out/main/index.js')],
      env: { ...process.env, ...serviceEnv, SLUICE_KAFKA_BROKERS: testBrokers, SLUICE_DATA_DIR: dataDir } as Record<string, string>,
    });
    return { page: await app.firstWindow(), dataDir };
  });
});
