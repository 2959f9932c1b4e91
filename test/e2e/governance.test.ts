// The data architect's flow in the real console against the real registry: the example workspace
// opens on the first run; an ADR is edited in the Monaco editor and a term in the dictionary form
// (both land on disk, comments kept); a draft schema shows a lint finding, its one-click fix, a
// compatibility test and registration (a double click registers once, with an audit record); a
// draft survives a reload; and a file edited on disk while open is never overwritten. The same
// specs run against Electron where its binary exists.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron as electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { repoRoot } from '../../sandbox/paths';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { auditActions } from '../support/audit';
import { testBrokers, testRegistryUrl, uniqueSuffix } from '../support/brokers';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { launchChromium, shoot } from '../support/browser';
import { postgresUrl } from '../support/reference-services';
import pg from 'pg';

let server: ConsoleServer;
const createdSubjects: string[] = [];
const registry = (p: string, init?: RequestInit) => fetch(`${testRegistryUrl}/${p}`, { ...init, headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' } });

beforeAll(async () => {
  server = await startConsoleServer(testBrokers, { SLUICE_REGISTRY_URL: testRegistryUrl });
}, 120_000);

afterAll(async () => {
  for (const subject of createdSubjects) {
    await registry(`subjects/${encodeURIComponent(subject)}`, { method: 'DELETE' }).catch(() => undefined);
    await registry(`subjects/${encodeURIComponent(subject)}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
  }
  await server?.stop();
}, 60_000);

/**
 * Replaces the editor's text, or appends at the end, the way a paste does: typed text would go
 * through auto-indent and auto-closing brackets and not arrive as written.
 */
async function typeInEditor(page: Page, text: string, mode: 'replace' | 'append') {
  const editor = page.locator('.monaco-editor').first();
  await editor.locator('.view-lines').click();
  await page.keyboard.press(mode === 'replace' ? 'Control+A' : 'Control+End');
  await paste(page, text);
}

/** Pastes into the focused editor, as Ctrl+V would. */
const paste = (page: Page, text: string) => page.evaluate((pasted) => {
  const data = new DataTransfer();
  data.setData('text/plain', pasted);
  document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}, text);

/** Scrolls the editor to its end, where Monaco renders the last lines (it renders only what is in view). */
async function editorEnd(page: Page) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
}

function governanceSpecs(target: string, open: () => Promise<{ page: Page; dataDir: string }>) {
  let page: Page;
  let dataDir: string;
  let workspaceRoot: string;
  const audit = () => auditActions(dataDir);
  beforeAll(async () => {
    ({ page, dataDir } = await open());
    workspaceRoot = path.join(dataDir, 'example-workspace');
  }, 120_000);

  it(`${target}: opens the example workspace, saves an edited ADR to disk, and supersedes it`, async () => {
    await page.getByRole('link', { name: 'Workspace', exact: true }).click();
    expect(await page.getByTestId('workspace-root').textContent()).toBe(workspaceRoot);
    const file = 'decisions/0008-verify-replication-two-minutes-behind.md';
    await page.locator(`[data-testid=workspace-file][data-path="${file}"]`).click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await typeInEditor(page, '\nReviewed by the platform team on 2026-12-02.\n', 'append');
    await page.getByTestId('draft-status').filter({ hasText: /draft kept/ }).waitFor();
    await shoot(page, 'workspace-editor');
    await page.getByTestId('save-file').click();
    await page.getByTestId('draft-status').filter({ hasText: 'Saved.' }).waitFor();
    expect(fs.readFileSync(path.join(workspaceRoot, file), 'utf8')).toMatch(/Reviewed by the platform team on 2026-12-02\.\n+$/);
    await page.getByRole('link', { name: 'Decisions', exact: true }).click();
    await page.locator('[data-testid=adr-card][data-number="8"]').click();
    await page.getByTestId('markdown-preview').filter({ hasText: 'Reviewed by the platform team' }).waitFor();
    // Supersede it: the new record comes from the template with the next number, and both link.
    await page.getByTestId('supersede').click();
    await page.getByLabel('Title (what was decided)').fill('Verify replication one minute behind');
    await page.getByTestId('create-decision').click();
    await page.getByTestId('workspace-root').waitFor();
    const created = path.join(workspaceRoot, 'decisions/0009-verify-replication-one-minute-behind.md');
    await expect.poll(() => fs.existsSync(created)).toBe(true);
    expect(fs.readFileSync(created, 'utf8')).toMatch(/^---\nstatus: proposed\n[\s\S]*supersedes: ADR-0008\n---\n\n# Verify replication one minute behind\n/);
    expect(fs.readFileSync(path.join(workspaceRoot, 'decisions/0008-verify-replication-two-minutes-behind.md'), 'utf8')).toContain('status: superseded by ADR-0009');
    await page.evaluate(() => { window.location.hash = '#/decisions/8'; });
    await page.getByTestId('superseded-by').filter({ hasText: 'ADR-0009 Verify replication one minute behind' }).waitFor();
    await page.getByRole('link', { name: 'Decisions', exact: true }).click();
    await page.locator('[data-testid=adr-card][data-number="9"]').waitFor();
    await shoot(page, 'decisions');
    await page.locator('[data-testid=adr-card][data-number="5"]').click();
    await page.getByTestId('markdown-preview').waitFor();
    await shoot(page, 'decision');
  });

  it(`${target}: edits a term in the dictionary form and keeps the file's comments`, async () => {
    await page.getByRole('link', { name: 'Dictionary', exact: true }).click();
    await page.getByRole('tab', { name: /terms/ }).click();
    await page.getByLabel('Filter the dictionary').fill('PAY_AMT');
    await page.locator('[data-testid=dictionary-row][data-name="결제 금액"]').click();
    await page.getByLabel('Description').fill('What the customer pays, in minor currency units.');
    await page.getByLabel('Words, in order').fill('결제 상태');
    await page.getByTestId('entry-findings').filter({ hasText: 'A term ends in a classifier word' }).waitFor();
    expect(await page.getByTestId('save-entry').isDisabled()).toBe(true);
    await page.getByLabel('Words, in order').fill('결제 금액');
    await shoot(page, 'dictionary');
    await page.getByTestId('save-entry').click();
    await page.getByTestId('save-entry').waitFor({ state: 'detached' });
    const yaml = fs.readFileSync(path.join(workspaceRoot, 'dictionary/terms.yaml'), 'utf8');
    expect(yaml.startsWith('# Standard terms')).toBe(true);
    expect(yaml).toContain('  - name: 결제 금액\n    words: [결제, 금액]\n    concept: pay:paymentAmount\n    description: What the customer pays, in minor currency units.\n');
  });

  it(`${target}: edits a class and adds a typed relation in the ontology, and the Turtle follows`, async () => {
    const ttl = path.join(workspaceRoot, 'ontology/payments.ttl');
    await page.evaluate(() => { window.location.hash = `#/ontology/${encodeURIComponent('https://data.acme-pay.example/ontology#Settlement')}`; });
    await page.getByTestId('ontology-node').waitFor();
    await page.getByTestId('edit-class').click();
    await page.getByLabel('Definition').fill('What a merchant is paid for a settlement period, net of fees and VAT.');
    await page.getByTestId('save-class').click();
    await page.getByTestId('ontology-node').filter({ hasText: 'net of fees and VAT' }).waitFor();
    await page.getByTestId('add-relation').click();
    await page.getByLabel('Property name').fill('pay:paysOutTo');
    await page.getByLabel('Relation label').fill('pays out to');
    await page.getByLabel('Range').selectOption('pay:Merchant');
    await page.getByTestId('save-relation').click();
    await page.getByTestId('node-relations').filter({ hasText: 'pays out to' }).waitFor();
    const turtle = fs.readFileSync(ttl, 'utf8');
    expect(turtle).toContain('skos:definition "What a merchant is paid for a settlement period, net of fees and VAT."@en');
    expect(turtle).toMatch(/pay:paysOutTo a owl:ObjectProperty ;\n {4}rdfs:label "pays out to"@en ;\n {4}rdfs:domain pay:Settlement ;\n {4}rdfs:range pay:Merchant \./);
    expect(turtle).toContain('# --- Relations between things');
    await shoot(page, 'ontology');
  });

  it(`${target}: finds a non-standard name in a draft, fixes it in one click, tests compatibility and registers once`, async () => {
    const subject = `e2e-${uniqueSuffix()}.payment-events-value`;
    createdSubjects.push(subject);
    const v1 = { type: 'record', name: 'PaymentEvent', namespace: 'com.acmepay.e2e', fields: [{ name: 'payId', type: 'string' }, { name: 'mrchId', type: 'string' }] };
    expect((await registry(`subjects/${encodeURIComponent(subject)}/versions`, { method: 'POST', body: JSON.stringify({ schema: JSON.stringify(v1) }) })).ok).toBe(true);
    await registry(`config/${encodeURIComponent(subject)}`, { method: 'PUT', body: JSON.stringify({ compatibility: 'BACKWARD' }) });
    await page.evaluate((s) => { window.location.hash = `#/schemas/${encodeURIComponent(s)}/draft`; }, subject);
    await page.locator('.monaco-editor .view-lines').waitFor();
    const draft = { ...v1, fields: [...v1.fields, { name: 'paymentAmount', type: 'long', default: 0 }] };
    await typeInEditor(page, JSON.stringify(draft, null, 2), 'replace');
    const finding = page.locator('[data-testid=lint-finding][data-field=paymentAmount]');
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/PAYMENT is written PAY in standard names/);
    await shoot(page, 'schema-draft');
    await finding.getByTestId('apply-fix').click();
    await finding.waitFor({ state: 'detached' });
    await page.getByTestId('lint-status').filter({ hasText: '3/3 standard names · 0 errors' }).waitFor();
    await page.getByTestId('test-compatibility').click();
    expect(await page.getByTestId('compatibility-verdict').textContent()).toBe('Compatible (BACKWARD) with version 1.');
    expect(await page.getByTestId('changes').textContent()).toContain('PaymentEvent.payAmt');
    await page.getByTestId('register').click();
    await page.getByTestId('check-result').last().waitFor();
    await page.getByTestId('confirm-register').dblclick();
    await page.getByTestId('registered').waitFor();
    expect(await page.getByTestId('registered').textContent()).toContain('version 2');
    const versions = (await (await registry(`subjects/${encodeURIComponent(subject)}/versions`)).json()) as number[];
    expect(versions).toEqual([1, 2]);
    const latest = (await (await registry(`subjects/${encodeURIComponent(subject)}/versions/2`)).json()) as { schema: string };
    expect(JSON.parse(latest.schema).fields.map((f: { name: string }) => f.name)).toEqual(['payId', 'mrchId', 'payAmt']);
    const records = audit().filter((r) => r.action === 'registry.register' && (r.target as { subject: string }).subject === subject);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ result: 'applied', after: { version: 2, lintErrors: 0 } });
    await page.getByRole('tab', { name: 'diff' }).click();
    await page.getByTestId('version-changes').filter({ hasText: 'PaymentEvent.payAmt' }).waitFor();
    await page.getByTestId('code-diff').locator('.editor.modified .view-lines').filter({ hasText: '"payAmt"' }).waitFor();
    await shoot(page, 'schema-diff');
  });

  it(`${target}: checks the column names of a real PostgreSQL table from the governance page`, async () => {
    const client = new pg.Client({ connectionString: `${postgresUrl}/test` });
    await client.connect();
    const schema = `e2e_${uniqueSuffix()}`;
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`CREATE TABLE ${schema}.outb (OUTB_ID VARCHAR(36) NOT NULL, IDMP_KEY VARCHAR(200), created_at TIMESTAMP)`);
      await page.getByRole('link', { name: 'Governance', exact: true }).click();
      await page.getByLabel('Database URL').fill(`${postgresUrl}/test`);
      await page.getByLabel('Schema').fill(schema);
      await page.getByTestId('lint-database').click();
      await page.getByTestId('database-summary').filter({ hasText: '1 table, 3 columns: 2 standard' }).waitFor();
      expect(await page.locator('[data-testid=database-column][data-column=created_at]').textContent()).toMatch(/unknown/);
      await shoot(page, 'governance');
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  it(`${target}: keeps an unsaved edit through a reload, and never overwrites a file edited on disk`, async () => {
    const file = 'decisions/0007-standard-terms-for-every-field.md';
    const onDisk = path.join(workspaceRoot, file);
    await page.evaluate((f) => { window.location.hash = `#/workspace/file/${encodeURIComponent(f)}`; }, file);
    await page.locator('.monaco-editor .view-lines').waitFor();
    await typeInEditor(page, '\nMy unsaved note.\n', 'append');
    await page.getByTestId('draft-status').filter({ hasText: /draft kept/ }).waitFor();
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    await editorEnd(page);
    await page.locator('.monaco-editor .view-lines').filter({ hasText: 'My unsaved note.' }).waitFor();
    fs.appendFileSync(onDisk, '\nAdded in another editor.\n');
    await page.getByTestId('conflict-banner').waitFor();
    expect(await page.getByTestId('save-file').isDisabled()).toBe(true);
    expect(fs.readFileSync(onDisk, 'utf8')).toMatch(/Added in another editor\.\n$/);
    await shoot(page, 'workspace-conflict');
    await page.getByTestId('compare-merge').click();
    await page.getByTestId('merge-view').waitFor();
    // Merge: take the line added on disk into the merged result (the right side), then save it.
    // The editor's own lines, not the view zone of deleted lines Monaco adds when it shows the diff inline.
    await page.getByTestId('code-diff').locator('.editor.modified .view-lines:not(.line-delete)').click();
    await page.keyboard.press('Control+End');
    await paste(page, 'Added in another editor.\n');
    await page.getByTestId('save-merged').click();
    await page.getByTestId('merge-view').waitFor({ state: 'detached' });
    const merged = fs.readFileSync(onDisk, 'utf8');
    expect(merged).toContain('My unsaved note.');
    expect(merged).toMatch(/Added in another editor\.\n$/);
    // Unchanged here, changed on disk: the new text simply appears.
    fs.appendFileSync(onDisk, 'Second edit elsewhere.\n');
    await page.getByTestId('draft-status').filter({ hasText: 'Reloaded: the file changed on disk.' }).waitFor();
    await editorEnd(page);
    await page.locator('.monaco-editor .view-lines').filter({ hasText: 'Second edit elsewhere.' }).waitFor();
  });
}

describe('web mode in Chromium', () => {
  let browser: Browser;
  afterAll(async () => { await browser?.close(); });
  governanceSpecs('web', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/#token=${server.token}`);
    return { page, dataDir: server.dataDir };
  });
});

const binary = electronBinary();
describe.skipIf(!binary)('desktop app (Electron)', () => {
  let app: ElectronApplication;
  afterAll(async () => { await app?.close(); });
  governanceSpecs('electron', async () => {
    const dataDir = fs.mkdtempSync(path.join(server.dataDir, 'electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [path.join(repoRoot, 'out/main/index.js')],
      env: { ...process.env, SLUICE_KAFKA_BROKERS: testBrokers, SLUICE_REGISTRY_URL: testRegistryUrl, SLUICE_DATA_DIR: dataDir } as Record<string, string>,
    });
    return { page: await app.firstWindow(), dataDir };
  });
});
