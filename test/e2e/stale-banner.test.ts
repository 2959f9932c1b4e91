// The stale-data banner in a real browser, against a broker of this test's own that it freezes
// (SIGSTOP) and thaws: the groups list and the group page must say how old their data is while the
// broker hangs, and stop saying it once it answers again.
import { Admin } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GroupList } from '../../shared/kafka/groups';
import { eventually } from '../support/bridge-harness';
import { launchChromium } from '../support/browser';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { PrivateBroker } from '../support/private-broker';

const groups = ['stale-a', 'stale-b', 'stale-c'];

let broker: PrivateBroker;
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  broker = await PrivateBroker.create();
  await broker.start();
  const admin = new Admin({ clientId: 'stale-setup', bootstrapBrokers: [broker.bootstrap], retries: 5 });
  try {
    await admin.createTopics({ topics: ['stale'], partitions: 2, replicas: 1 });
    for (const groupId of groups) await admin.alterConsumerGroupOffsets({ groupId, topics: [{ name: 'stale', partitionOffsets: [{ partition: 0, offset: 0n }, { partition: 1, offset: 0n }] }] });
  } finally {
    await admin.close();
  }
  server = await startConsoleServer(broker.bootstrap);
  await eventually('a complete groups list', async () => (await server.value<GroupList>('groups.list')).freshness?.status === 'current', 60_000, 500);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  await page.goto(`${server.url}/#token=${server.token}`);
}, 240_000);

afterAll(async () => {
  broker?.thaw();
  await browser?.close();
  await server?.stop();
  await broker?.stop();
});

describe('a hung broker in the browser', () => {
  it('shows the age of the data on the groups list and the group page while the broker hangs, and clears when it answers', async () => {
    await page.getByRole('link', { name: 'Consumer groups', exact: true }).click();
    await page.locator('[data-testid=group-row][data-group-id="stale-a"]').click({ timeout: 30_000 });
    await page.getByTestId('member-count').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Consumer groups', exact: true }).click();
    await page.locator('[data-testid=group-row][data-group-id="stale-a"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('data-age-banner').count()).toBe(0);

    broker.freeze();
    try {
      const banner = page.getByTestId('data-age-banner');
      await banner.waitFor({ timeout: 40_000 });
      expect(await banner.textContent()).toMatch(/Showing data from .+ ago\. The cluster is not answering/);
      // The age counts up while nothing new arrives.
      const first = await page.getByTestId('data-age').textContent();
      await expect.poll(() => page.getByTestId('data-age').textContent(), { timeout: 5_000 }).not.toBe(first);
      // The rows are still there: old data, labelled, is better than none.
      expect(await page.locator('[data-testid=group-row]').count()).toBe(groups.length);

      await page.locator('[data-testid=group-row][data-group-id="stale-a"]').click();
      await page.getByTestId('group-title').filter({ hasText: 'stale-a' }).waitFor();
      await page.getByTestId('data-age-banner').waitFor({ timeout: 40_000 });
    } finally {
      broker.thaw();
    }
    await page.getByTestId('data-age-banner').waitFor({ state: 'detached', timeout: 90_000 });
    await page.getByRole('link', { name: 'Consumer groups', exact: true }).click();
    await page.locator('[data-testid=group-row][data-group-id="stale-a"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('data-age-banner').waitFor({ state: 'detached', timeout: 90_000 });
  }, 300_000);
});
