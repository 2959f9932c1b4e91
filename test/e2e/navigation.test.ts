// Getting around the real console in Chromium (web mode, the sandbox's broker and registry): the
// sidebar by its links, collapsed and restored across a reload, the Alt shortcuts, and the command
// palette from Ctrl+K to a consumer group's page. A production profile keeps its striped bar and
// PRODUCTION label beside the sidebar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runClients } from '../../sandbox/sandbox-clients';
import type { GroupSummary } from '../../shared/kafka/groups';
import { testBrokers, testRegistryUrl, uniqueSuffix } from '../support/brokers';
import { eventually } from '../support/bridge-harness';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { deleteTestArtifacts } from '../support/kafka-cli';
import { launchChromium, shoot } from '../support/browser';

const id = uniqueSuffix();
const topic = `e2e-nav-${id}`;
const groupId = `e2e-nav-orders-${id}`;
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await (await runClients(`topic name=${topic} partitions=2\nproduceOnce topic=${topic} count=20`, { brokers: testBrokers })).stop();
  const done = await runClients(`group id=${groupId} protocol=consumer topic=${topic} members=1 stopAfter=20 maxPollRecords=10 closeAfter=true`, { brokers: testBrokers });
  server = await startConsoleServer(testBrokers, { SLUICE_REGISTRY_URL: testRegistryUrl });
  await eventually('the group to have committed and left', async () => {
    const { groups } = await server.value<{ groups: GroupSummary[] }>('groups.list');
    return groups.find((g) => g.groupId === groupId)?.state === 'Empty';
  }, 90_000);
  await done.stop();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  await page.goto(`${server.url}/#token=${server.token}`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await deleteTestArtifacts([groupId], [topic]);
});

const sidebar = () => page.getByRole('navigation', { name: 'Main' });
const currentPage = () => sidebar().locator('a[aria-current=page]').textContent();

describe('the sidebar', () => {
  it('opens pages by their links and marks the current one, a detail page under its list', async () => {
    await sidebar().getByRole('link', { name: 'Replication', exact: true }).click();
    await page.getByRole('heading', { name: 'Replication', level: 1 }).waitFor();
    expect(await currentPage()).toBe('Replication');
    await sidebar().getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('cluster-id').waitFor({ timeout: 20_000 });
    expect(page.url()).toMatch(/#\/cluster$/);
    await page.goto(`${server.url}/#/groups/${encodeURIComponent(groupId)}`);
    await page.getByTestId('group-title').filter({ hasText: groupId }).waitFor();
    expect(await currentPage()).toBe('Consumer groups');
    await page.mouse.move(900, 700);
    await shoot(page, 'sidebar');
  });

  it('lists the pages by job', async () => {
    const sections = await sidebar().locator('.nav-section').evaluateAll((els) => els.map((el) => el.getAttribute('data-section')));
    expect(sections).toEqual(['operate', 'pipelines', 'govern', 'incidents', 'connections']);
    const operate = await sidebar().getByRole('list', { name: 'Operate' }).getByRole('link').allTextContents();
    expect(operate.slice(0, 2)).toEqual(['Overview', 'Consumer groups']);
  });

  it('collapses to icons, its links still found by name, and stays collapsed after a reload', async () => {
    await page.getByRole('button', { name: 'Collapse sidebar' }).click();
    const width = () => page.getByTestId('sidebar').evaluate((el) => el.getBoundingClientRect().width);
    await expect.poll(width).toBeLessThan(80);
    await sidebar().getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    expect(await page.getByTestId('sidebar').getAttribute('data-collapsed')).toBe('true');
    expect(await currentPage()).toBe('Audit log');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'sidebar-collapsed-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Expand sidebar' }).click();
    await expect.poll(width).toBeGreaterThan(150);
  });

  it('keeps the Alt+<letter> shortcuts', async () => {
    await page.keyboard.press('Alt+r');
    await page.getByRole('heading', { name: 'Replication', level: 1 }).waitFor();
    await page.keyboard.press('Alt+g');
    await page.getByLabel('Filter groups').waitFor();
    expect(await currentPage()).toBe('Consumer groups');
  });
});

describe('the command palette', () => {
  it('opens with Ctrl+K, finds a group by part of its id, and Enter opens the group', async () => {
    await sidebar().getByRole('link', { name: 'Overview' }).click();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    // Part of the id, from its middle.
    await page.keyboard.type(`orders-${id}`);
    const option = palette.getByRole('option').filter({ hasText: groupId });
    await option.waitFor({ timeout: 20_000 });
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.emulateMedia({ colorScheme: 'light' });
    await shoot(page, 'palette');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'palette-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Enter');
    await page.getByTestId('group-title').filter({ hasText: groupId }).waitFor();
    expect(page.url()).toContain(`#/groups/${encodeURIComponent(groupId)}`);
    expect(await palette.count()).toBe(0);
  });

  it('moves with the arrow keys between kinds, opens a page, and Escape closes without moving', async () => {
    await page.getByTestId('palette-button').click();
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await page.keyboard.type('ledg');
    await palette.getByRole('option', { name: /^Ledger/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ledger', level: 1 }).waitFor();
    expect(await currentPage()).toBe('Ledger');
    await page.keyboard.press('Control+k');
    await palette.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await palette.count()).toBe(0);
    expect(page.url()).toMatch(/#\/ledger$/);
    // For the README: several kinds at once.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('pay');
    await palette.getByRole('option').first().waitFor();
    await page.mouse.move(100, 700);
    await shoot(page, 'palette-kinds');
    await page.keyboard.press('Escape');
  });
});

describe('a production profile', () => {
  it('keeps its striped bar and PRODUCTION label beside the sidebar and over the palette', async () => {
    const prod = await server.value<{ id: string }>('profiles.save', { settings: {
      name: 'Payments prod', bootstrapBrokers: [testBrokers], color: '#dc2626', production: true,
      tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' },
    } });
    await server.value('profiles.activate', { id: prod.id });
    await page.getByTestId('production-label').waitFor({ timeout: 15_000 });
    const bar = await page.locator('.env-bar').evaluate((el) => ({ image: getComputedStyle(el).backgroundImage, height: el.getBoundingClientRect().height }));
    expect(bar.image).toContain('repeating-linear-gradient');
    expect(bar.height).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: 'Collapse sidebar' }).click();
    expect(await page.getByTestId('production-label').isVisible()).toBe(true);
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('orders');
    await shoot(page, 'palette-production');
    expect(await page.getByTestId('production-label').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Expand sidebar' }).click();
  });
});
