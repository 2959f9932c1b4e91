// Files the console must not open as usual, in the real console: a decision over 2 MB is listed
// but shown as its size, not rendered (a 4.9 MB one took 92 s to render and froze the tab); a
// file that is not UTF-8 opens read-only with its diagnostic, so no save can replace its bytes.
// The same specs run against Electron where its binary exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron as electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { repoRoot } from '../../sandbox/paths';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { testBrokers } from '../support/brokers';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { launchChromium, shoot } from '../support/browser';

const decision = (title: string, extra = '') => `---\nstatus: accepted\ndate: 2025-06-11\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* a\n\n## Decision Outcome\n\na\n${extra}`;
const HUGE = 'decisions/0002-huge.md';
const LATIN1 = 'decisions/0003-latin-1.md';
const latin1Bytes = Buffer.concat([Buffer.from(decision('Prices')), Buffer.from('\nA coffee costs '), Buffer.from([0xa3]), Buffer.from('3.\n')]);

let server: ConsoleServer;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-e2e-files-'));
  fs.mkdirSync(path.join(root, 'decisions'));
  fs.writeFileSync(path.join(root, 'decisions/0001-small.md'), decision('Small'));
  fs.writeFileSync(path.join(root, HUGE), decision('Huge', 'filler line of an enormous decision record\n'.repeat(64_000)));
  fs.writeFileSync(path.join(root, LATIN1), latin1Bytes);
  server = await startConsoleServer(testBrokers, { SLUICE_WORKSPACE: root });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const openFile = (page: Page, file: string) => page.evaluate((f) => { window.location.hash = `#/workspace/file/${encodeURIComponent(f)}`; }, file);

function fileSpecs(target: string, open: () => Promise<Page>) {
  let page: Page;
  beforeAll(async () => { page = await open(); }, 120_000);

  it(`${target}: lists a decision over 2 MB and shows its size instead of its text`, async () => {
    await page.getByRole('link', { name: 'Workspace', exact: true }).click();
    await page.locator(`[data-testid=workspace-file][data-path="${HUGE}"]`).waitFor();
    await openFile(page, HUGE);
    const unreadable = page.getByTestId('file-unreadable');
    await unreadable.waitFor();
    expect(await unreadable.textContent()).toMatch(/too large to show here.*2\.\d MB, more than the 2 MB Sluice reads/);
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    await page.getByRole('link', { name: 'Decisions', exact: true }).click();
    await page.locator('[data-testid=adr-card][data-number="1"]').waitFor();
    expect(await page.locator('[data-testid=adr-card][data-number="2"]').count()).toBe(0);
  });

  it(`${target}: opens a file that is not UTF-8 read-only, with its diagnostic, and nothing can save it`, async () => {
    await openFile(page, LATIN1);
    await page.getByTestId('read-only-notice').filter({ hasText: 'not valid UTF-8' }).waitFor();
    await page.locator('.monaco-editor .view-lines').waitFor();
    expect(await page.getByTestId('save-file').count()).toBe(0);
    await page.locator('[data-testid=problem][data-code=not-utf8]').first().waitFor();
    // Typing changes nothing: the editor is read-only.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.type('typed');
    await page.keyboard.press('Control+S');
    await shoot(page, 'workspace-read-only');
    expect(fs.readFileSync(path.join(root, LATIN1)).equals(latin1Bytes)).toBe(true);
    expect(await page.locator('.monaco-editor .view-lines').filter({ hasText: 'typed' }).count()).toBe(0);
  });
}

describe('web mode in Chromium', () => {
  let browser: Browser;
  afterAll(async () => { await browser?.close(); });
  fileSpecs('web', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/#token=${server.token}`);
    return page;
  });
});

const binary = electronBinary();
describe.skipIf(!binary)('desktop app (Electron)', () => {
  let app: ElectronApplication;
  afterAll(async () => { await app?.close(); });
  fileSpecs('electron', async () => {
    const dataDir = fs.mkdtempSync(path.join(server.dataDir, 'electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [path.join(repoRoot, 'out/main/index.js')],
      env: { ...process.env, SLUICE_KAFKA_BROKERS: testBrokers, SLUICE_DATA_DIR: dataDir, SLUICE_WORKSPACE: root } as Record<string, string>,
    });
    return app.firstWindow();
  });
});
