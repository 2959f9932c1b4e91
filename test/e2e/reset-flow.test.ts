// The offset-reset flow in the real console: preview first, refusal on an active group with the
// reason, apply on an empty group, the change visible on the group page, and the audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runClients, type RunningClients } from '../../sandbox/sandbox-clients';
import type { GroupDetail, GroupSummary } from '../../shared/kafka/groups';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { eventually } from '../support/bridge-harness';
import { auditActions } from '../support/audit';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { deleteTestArtifacts } from '../support/kafka-cli';
import { launchChromium } from '../support/browser';

const id = uniqueSuffix();
const topic = `e2e-reset-${id}`;
const idle = `e2e-reset-idle-${id}`;
const active = `e2e-reset-active-${id}`;
let server: ConsoleServer;
let clients: RunningClients;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await (await runClients(`topic name=${topic} partitions=2\nproduceOnce topic=${topic} count=60`, { brokers: testBrokers })).stop();
  const done = await runClients(`group id=${idle} protocol=consumer topic=${topic} members=1 stopAfter=40 maxPollRecords=10 closeAfter=true`, { brokers: testBrokers });
  server = await startConsoleServer(testBrokers);
  await eventually('the idle group to be empty with offsets', async () => {
    const { groups } = await server.value<{ groups: GroupSummary[] }>('groups.list');
    return groups.find((g) => g.groupId === idle)?.state === 'Empty';
  }, 90_000);
  await done.stop();
  clients = await runClients(`group id=${active} protocol=consumer topic=${topic} members=1 stopAfter=5 maxPollRecords=5`, { brokers: testBrokers });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/#token=${server.token}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await clients?.stop();
  await server?.stop();
  await deleteTestArtifacts([idle, active], [topic]);
});

async function openReset(groupId: string) {
  await page.goto(`${server.url}/#/groups/${groupId}`);
  await page.getByTestId('group-title').filter({ hasText: groupId }).waitFor();
  await page.getByTestId('reset-offsets').click();
  return page.getByRole('dialog', { name: 'Reset offsets' });
}

describe('reset offsets in the console', () => {
  it('previews an active group and refuses to apply, saying why and what to do', async () => {
    await eventually('the active group to have its member', async () => (await server.value<GroupDetail>('groups.describe', { groupId: active })).members.length === 1);
    const dialog = await openReset(active);
    await dialog.getByTestId('preview').click();
    await dialog.getByTestId('reset-preview').waitFor();
    await expect.poll(() => dialog.getByTestId('blocked-reason').textContent()).toMatch(/1 active member.*stop its consumers/);
    expect(await dialog.getByTestId('apply').isDisabled()).toBe(true);
    expect(await dialog.getByTestId('cli-command').textContent()).toContain(`--group ${active} --reset-offsets --to-earliest --all-topics --execute`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('previews, applies once, shows the new offsets, and writes the audit record', async () => {
    const before = await server.value<GroupDetail>('groups.describe', { groupId: idle });
    const dialog = await openReset(idle);
    await dialog.getByLabel('Reset kind').selectOption('shiftBy');
    await dialog.getByLabel('Reset value').fill('-10');
    await dialog.getByTestId('preview').click();
    await expect.poll(() => dialog.getByTestId('reset-row').count()).toBe(2);
    expect(await dialog.getByTestId('reset-totals').textContent()).toMatch(/2 partitions: 20 records replayed, 0 skipped/);
    const apply = dialog.getByTestId('apply');
    // A double click applies once: the second click finds the button disabled or the preview stale.
    await apply.dblclick();
    await dialog.getByTestId('reset-applied').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const after = await server.value<GroupDetail>('groups.describe', { groupId: idle });
    for (const o of after.offsets) {
      const was = before.offsets.find((b) => b.partition === o.partition)!;
      expect(o.committedOffset).toBe(was.committedOffset! - 10);
    }
    await page.getByRole('link', { name: 'Audit log' }).click();
    const row = page.getByTestId('audit-row').first();
    await expect.poll(() => row.textContent()).toContain('groups.resetOffsets');
    expect(await row.textContent()).toContain(idle);
    const records = auditActions(server.dataDir);
    expect(records.filter((r) => r.action === 'groups.resetOffsets' && r.result === 'applied')).toHaveLength(1);
  });
});
