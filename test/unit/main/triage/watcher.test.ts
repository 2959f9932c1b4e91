// The watcher against sources that answer as the cluster monitor and the verification API would:
// changes recorded once, histories read within their budget, a failing source told once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Watcher, type WatchSources } from '../../../../main/triage/watcher';
import type { GroupSummary } from '../../../../shared/kafka/groups';
import type { GroupEventView, GroupHistory } from '../../../../shared/kafka/monitoring';
import { buildTimeline } from '../../../../shared/triage/timeline';
import { triageFixture, type TriageFixture } from '../../../support/triage';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

let dir: string;
let fx: TriageFixture;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-watcher-'));
  fx = triageFixture(dir);
});
afterEach(() => {
  fx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function fakeCluster(groupCount: number) {
  const groups = new Map<string, GroupSummary>(Array.from({ length: groupCount }, (_, i) => [`g${i}`, { groupId: `g${i}`, type: 'consumer', state: 'Stable', members: 2, coordinator: null, totalLag: 0, health: 'OK', lagSeconds: 0 }]));
  const events = new Map<string, GroupEventView[]>();
  let failing = false;
  const historyCalls: string[] = [];
  const sources: WatchSources = {
    groupSummaries: async () => { if (failing) throw new Error('No broker answered'); return [...groups.values()]; },
    groupHistory: async (id) => { historyCalls.push(id); return { events: events.get(id) ?? [] } as GroupHistory; },
    topics: async () => [],
    pipelines: async () => [],
    divergentMismatches: async () => [],
    mismatch: async () => { throw new Error('none'); },
  };
  return { groups, events, sources, historyCalls, fail: (on: boolean) => { failing = on; } };
}

const titles = () => buildTimeline(fx.triage.active()!.entries, { kinds: ['change'] }).items.map((i) => i.entry.title);

describe('Watcher', () => {
  it('records a member leaving and the state change from the history, once, and nothing when not watching', async () => {
    const cluster = fakeCluster(3);
    const watcher = new Watcher(fx.triage, cluster.sources);
    expect(await watcher.look()).toBe(0);
    fx.triage.start({ title: 'Churn', severity: 'SEV3' });
    fx.triage.watch({ kind: 'group', id: 'g1' }, true, { lag: 100, lagSeconds: null });
    fx.clock.now += 1_000;
    await watcher.look();
    const t = fx.clock.now + 500;
    cluster.events.set('g1', [{ at: t, kind: 'leave', memberId: 'm1', clientId: 'consumer-1' }, { at: t, kind: 'state', from: 'Stable', to: 'Reconciling' }]);
    cluster.groups.set('g1', { ...cluster.groups.get('g1')!, state: 'Reconciling', members: 1, totalLag: 500 });
    fx.clock.now += 5_000;
    await watcher.look();
    await watcher.look();
    expect(titles()).toEqual(['g1: member left (consumer-1)', 'g1: Stable → Reconciling', 'g1: lag above 100 records (500)']);
    const left = buildTimeline(fx.triage.active()!.entries, { kinds: ['change'] }).items[0]!.entry;
    expect(left).toMatchObject({ actor: 'Sluice', link: '#/groups/g1', at: new Date(t).toISOString() });
  });

  it('tells a failing source once when it starts failing and once when it answers again', async () => {
    const cluster = fakeCluster(1);
    const watcher = new Watcher(fx.triage, cluster.sources);
    fx.triage.start({ title: 'Outage', severity: 'SEV1' });
    fx.triage.watch({ kind: 'group', id: 'g0' }, true, null);
    cluster.fail(true);
    await watcher.look();
    await watcher.look();
    cluster.fail(false);
    await watcher.look();
    expect(titles()).toEqual(['Could not read the consumer groups: No broker answered', 'Reading the consumer groups again']);
  });

  it('reads the histories of groups whose look moved, within a budget, and a few others in turn', async () => {
    const cluster = fakeCluster(200);
    const watcher = new Watcher(fx.triage, cluster.sources, { historyPerLook: 10, inTurnPerLook: 2 });
    fx.triage.start({ title: 'Many', severity: 'SEV3' });
    for (let i = 0; i < 200; i++) fx.triage.watch({ kind: 'group', id: `g${i}` }, true, null);
    await watcher.look();
    cluster.historyCalls.length = 0;
    await watcher.look();
    // The first look read the first ten (every look moved from nothing) and g10, g11 in turn.
    expect(cluster.historyCalls).toEqual(['g2', 'g3']);
    cluster.historyCalls.length = 0;
    cluster.groups.set('g150', { ...cluster.groups.get('g150')!, members: 1 });
    for (let i = 0; i < 20; i++) cluster.groups.set(`g${i + 100}`, { ...cluster.groups.get(`g${i + 100}`)!, state: 'Reconciling' });
    await watcher.look();
    expect(cluster.historyCalls).toHaveLength(12);
    expect(cluster.historyCalls.slice(10)).toEqual(['g4', 'g5']);
    expect(cluster.historyCalls.slice(0, 10).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `g${100 + i}`).sort());
  });
});
