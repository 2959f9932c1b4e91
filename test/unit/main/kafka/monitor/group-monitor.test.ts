import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupMonitor } from '../../../../../main/kafka/monitor/group-monitor';
import { loadHistory } from '../../../../../main/kafka/monitor/history-file';
import type { KafkaPort, ListedGroup } from '../../../../../main/kafka/kafka-port';
import { fakeKafka } from '../../../../support/fake-kafka';

vi.mock('../../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

const monitors: GroupMonitor[] = [];
afterEach(async () => { await Promise.all(monitors.splice(0).map((m) => m.close())); });

/** A log end that grows by `growth` per sweep on both partitions, and fixed commits per group. */
function growingKafka(growth: number, commits: Record<string, number[]> = { k848: [40], old: [50, 70] }): KafkaPort {
  let sweeps = 0;
  return fakeKafka({
    listOffsets: vi.fn(async () => {
      sweeps++;
      return new Map([['t\u00000', 100 + sweeps * growth], ['t\u00001', 100 + sweeps * growth]]);
    }),
    committedOffsets: vi.fn(async (ids: string[]) => new Map(ids.map((id) => [id, (commits[id] ?? []).map((offset, partition) => ({ topic: 't', partition, offset }))]))),
  });
}

async function sweeps(monitor: GroupMonitor, count: number) {
  let seen = 0;
  await new Promise<void>((resolve) => monitor.onChange(() => { if (monitor.lastSweep && ++seen >= count) resolve(); }));
}

/** The list once the first sweep is complete: before that, summaries() answers the rows streamed so far. */
async function sweptList(monitor: GroupMonitor) {
  if (!monitor.lastSweep) await sweeps(monitor, 1);
  return monitor.summaries();
}

describe('GroupMonitor', () => {
  it('routes by type: ConsumerGroupDescribe for KIP-848 groups, DescribeGroups for classic ones, no OffsetFetch for share groups', async () => {
    const kafka = fakeKafka();
    const monitor = new GroupMonitor(kafka, { intervalMs: 60_000 });
    monitors.push(monitor);
    const list = await sweptList(monitor);
    expect(kafka.describeConsumerGroups).toHaveBeenCalledWith(['k848'], expect.any(Map));
    expect(kafka.describeClassicGroups).toHaveBeenCalledWith(['old'], expect.any(Map));
    expect(kafka.describeShareGroups).toHaveBeenCalledWith(['queue'], expect.any(Map));
    expect(kafka.committedOffsets).toHaveBeenCalledWith(['k848', 'old'], expect.any(Map));
    expect(list.map((g) => [g.groupId, g.type, g.state, g.members])).toEqual([
      ['k848', 'consumer', 'Reconciling', 1], ['old', 'classic', 'Stable', 1], ['queue', 'share', 'Stable', 1],
    ]);
    expect(list.find((g) => g.groupId === 'queue')!.totalLag).toBeNull();
  });

  it('finds coordinators once per sweep and reuses them for every batch', async () => {
    const kafka = fakeKafka();
    const monitor = new GroupMonitor(kafka, { intervalMs: 60_000 });
    monitors.push(monitor);
    await sweptList(monitor);
    expect(kafka.findCoordinators).toHaveBeenCalledTimes(1);
  });

  it('raises WARN for a group whose lag keeps growing while it commits, with the rule in words', async () => {
    let offset = 40;
    const kafka = growingKafka(20);
    (kafka.committedOffsets as ReturnType<typeof vi.fn>).mockImplementation(async (ids: string[]) =>
      new Map(ids.map((id) => [id, id === 'k848' ? [{ topic: 't', partition: 0, offset: (offset += 5) }] : []])));
    const monitor = new GroupMonitor(kafka, { intervalMs: 5 });
    monitors.push(monitor);
    await sweeps(monitor, 4);
    const health = await monitor.health('k848', false);
    expect(health.status).toBe('WARN');
    expect(health.partitions[0]!.rule).toMatch(/falling behind/);
    expect((await monitor.summaries()).find((g) => g.groupId === 'k848')!.health).toBe('WARN');
  });

  it('computes lag in seconds and says "not catching up" when production outpaces consumption', async () => {
    const monitor = new GroupMonitor(growingKafka(10), { intervalMs: 5 });
    monitors.push(monitor);
    await sweeps(monitor, 4);
    const health = await monitor.health('old', false);
    expect(health.drain.catchingUp).toBe(false);
    expect(health.partitions[0]!.lagSeconds.interpolated).not.toBeNull();
  });

  it('records state transitions and member joins and leaves for the rebalance timeline', async () => {
    let members = [{ memberId: 'a', clientId: 'c-a' }];
    let state = 'Stable';
    let epoch = 3;
    const kafka = fakeKafka({
      describeConsumerGroups: vi.fn(async (ids: string[]) => new Map(ids.filter((id) => id === 'k848').map((id) => [id, {
        groupId: id, state, groupEpoch: epoch, assignmentEpoch: epoch, assignor: 'uniform',
        members: members.map((m) => ({ ...m, instanceId: null, rack: null, memberEpoch: epoch, clientHost: '/h', subscribedTopicNames: ['t'], subscribedTopicRegex: null, assignment: [], targetAssignment: [] })),
      }]))),
    });
    const monitor = new GroupMonitor(kafka, { intervalMs: 5 });
    monitors.push(monitor);
    await sweeps(monitor, 1);
    members = [{ memberId: 'b', clientId: 'c-b' }];
    state = 'Reconciling';
    epoch = 4;
    await sweeps(monitor, 2);
    const history = await monitor.history('k848', 30_000);
    const kinds = history.events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['join', 'leave', 'state', 'group-epoch']));
    expect(history.events.find((e) => e.kind === 'state')).toMatchObject({ from: 'Stable', to: 'Reconciling' });
    expect(history.timeInStateMs.Stable).toBeGreaterThanOrEqual(0);
  });

  it('keeps its history across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-history-'));
    const first = new GroupMonitor(growingKafka(10), { intervalMs: 5, historyDir: dir });
    await sweeps(first, 3);
    const before = await first.history('old', 30_000);
    await first.close();
    expect(fs.readdirSync(dir)).toEqual(['c.json']);
    const second = new GroupMonitor(fakeKafka(), { intervalMs: 60_000, historyDir: dir });
    monitors.push(second);
    const after = await second.history('old', 30_000);
    expect(after.lag.length).toBeGreaterThanOrEqual(before.lag.length);
    expect(after.lag[0]).toEqual(before.lag[0]);
  });

  it('keeps every group and its history through sweeps that list none (a restarting broker), marked missing', async () => {
    let empty = false;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-history-'));
    const kafka = growingKafka(10);
    const all = await kafka.listGroups();
    kafka.listGroups = async () => (empty ? [] : all);
    const monitor = new GroupMonitor(kafka, { intervalMs: 5, historyDir: dir, presence: { graceMs: 60_000, graceSweeps: 3, retentionMs: 3_600_000 } });
    monitors.push(monitor);
    await sweeps(monitor, 3);
    const before = await monitor.history('old', 30_000);
    empty = true;
    await sweeps(monitor, 4);
    const list = await monitor.groupList();
    expect(list.groups.map((g) => g.groupId)).toEqual(['k848', 'old', 'queue']);
    expect(list.groups.every((g) => typeof g.missingSince === 'number')).toBe(true);
    expect(list.groups.find((g) => g.groupId === 'old')).toMatchObject({ type: 'classic', totalLag: before.lag.at(-1)![1] });
    expect(list.freshness.status).toBe('current');
    expect(monitor.typeOf('old')).toBe('classic');
    expect((await monitor.history('old', 30_000)).lag).toEqual(expect.arrayContaining(before.lag));
    await monitor.close();
    expect([...loadHistory(path.join(dir, 'c.json'))!.groups.keys()].sort()).toEqual(['k848', 'old', 'queue']);
  });

  it('lets a group leave the list after its grace, and deletes its history only after the retention', async () => {
    let listOld = true;
    const kafka = fakeKafka();
    const all = await kafka.listGroups();
    kafka.listGroups = async () => all.filter((g) => listOld || g.groupId !== 'old');
    const monitor = new GroupMonitor(kafka, { intervalMs: 5, presence: { graceMs: 0, graceSweeps: 2, retentionMs: 60_000 } });
    monitors.push(monitor);
    await sweeps(monitor, 1);
    listOld = false;
    await sweeps(monitor, 1);
    expect((await monitor.summaries()).map((g) => g.groupId)).toContain('old');
    await sweeps(monitor, 2);
    expect((await monitor.summaries()).map((g) => g.groupId)).not.toContain('old');
    expect(monitor.typeOf('old')).toBeUndefined();
    expect((await monitor.history('old', 30_000)).groupId).toBe('old');
  });

  it('deletes the history of a group that has been absent past the retention', async () => {
    let listOld = true;
    const kafka = fakeKafka();
    const all = await kafka.listGroups();
    kafka.listGroups = async () => all.filter((g) => listOld || g.groupId !== 'old');
    const monitor = new GroupMonitor(kafka, { intervalMs: 5, presence: { graceMs: 0, graceSweeps: 1, retentionMs: 20 } });
    monitors.push(monitor);
    await sweeps(monitor, 1);
    listOld = false;
    await new Promise((r) => setTimeout(r, 30));
    await sweeps(monitor, 1);
    await expect(monitor.history('old', 30_000)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a group’s partitions and last lag when its coordinator cannot answer OffsetFetch (still loading)', async () => {
    let loading = false;
    const kafka = growingKafka(10);
    const answer = kafka.committedOffsets;
    kafka.committedOffsets = async (ids) => (loading
      ? Object.assign(new Map(), { failed: new Map(ids.map((id) => [id, 'COORDINATOR_LOAD_IN_PROGRESS'])) })
      : answer(ids));
    const monitor = new GroupMonitor(kafka, { intervalMs: 5 });
    monitors.push(monitor);
    await sweeps(monitor, 3);
    const lagBefore = (await monitor.summaries()).find((g) => g.groupId === 'old')!.totalLag;
    loading = true;
    await sweeps(monitor, 2);
    const old = (await monitor.summaries()).find((g) => g.groupId === 'old')!;
    expect(old.totalLag).toBe(lagBefore);
    expect((await monitor.history('old', 30_000)).partitions.map((p) => p.partition)).toEqual([0, 1]);
    expect((await monitor.health('old', false)).partitions).toHaveLength(2);
  });

  it('carries the last log end of a partition whose leader is not ready (a restarted broker), marked partial, instead of failing the sweep', async () => {
    let end = 100;
    let notReady = false;
    const kafka = fakeKafka({
      listOffsets: vi.fn(async () => {
        end += 10;
        if (!notReady) return new Map([['t\u00000', end], ['t\u00001', end]]);
        return Object.assign(new Map([['t\u00000', end]]), { failed: new Map([['t\u00001', 'NOT_LEADER_OR_FOLLOWER']]) });
      }),
      committedOffsets: vi.fn(async (ids: string[]) => new Map(ids.map((id) => [id, [{ topic: 't', partition: 0, offset: 100 }, { topic: 't', partition: 1, offset: 100 }]]))),
    });
    const monitor = new GroupMonitor(kafka, { intervalMs: 5 });
    monitors.push(monitor);
    await sweeps(monitor, 2);
    const lastAnswered = end;
    notReady = true;
    await sweeps(monitor, 1);
    const list = await monitor.groupList();
    // Partition 0 is current; partition 1 counts from the last log end it said.
    expect(list.groups.find((g) => g.groupId === 'old')!.totalLag).toBe(end - 100 + lastAnswered - 100);
    expect(list.freshness.status).toBe('partial');
    expect(list.freshness.reason).toMatch(/^1 partition did not say its log end \(NOT_LEADER_OR_FOLLOWER\).*at least what is shown/);
    expect((await monitor.health('old', false)).freshness.status).toBe('partial');
    notReady = false;
    await sweeps(monitor, 1);
    expect((await monitor.groupList()).freshness).toMatchObject({ status: 'current', reason: null });
  });

  it('leaves out a partition that never said its log end, and says how many it carried', async () => {
    const kafka = fakeKafka({
      listOffsets: vi.fn(async () => Object.assign(new Map([['t\u00000', 100]]), { failed: new Map([['t\u00001', 'no leader']]) })),
    });
    const monitor = new GroupMonitor(kafka, { intervalMs: 60_000 });
    monitors.push(monitor);
    const list = (await sweptList(monitor), await monitor.groupList());
    expect(list.groups.find((g) => g.groupId === 'old')!.totalLag).toBe(50);
    expect(list.freshness.reason).toContain('(0 of 1; the others are left out)');
  });

  it('answers with the last data, marked failing with the error, when sweeps fail', async () => {
    let failing = false;
    const kafka = fakeKafka();
    const all = await kafka.listGroups();
    kafka.listGroups = async () => { if (failing) throw new Error('No broker answered'); return all; };
    const monitor = new GroupMonitor(kafka, { intervalMs: 5 });
    monitors.push(monitor);
    await sweeps(monitor, 1);
    const asOf = monitor.lastSweep!.at;
    failing = true;
    await new Promise<void>((resolve) => monitor.onChange(() => resolve()));
    const list = await monitor.groupList();
    expect(list.groups).toHaveLength(3);
    expect(list.freshness).toEqual({ asOf, status: 'failing', reason: 'The last reading of the cluster failed: No broker answered' });
    expect((await monitor.health('old', false)).freshness.status).toBe('failing');
  });

  it('forgets a group Sluice deleted: out of the list, its history gone at once, on disk too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-history-'));
    const monitor = new GroupMonitor(growingKafka(10), { intervalMs: 60_000, historyDir: dir });
    monitors.push(monitor);
    await sweptList(monitor);
    await monitor.forget('old');
    expect((await monitor.summaries()).map((g) => g.groupId)).toEqual(['k848', 'queue']);
    await expect(monitor.history('old', 30_000)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect([...loadHistory(path.join(dir, 'c.json'))!.groups.keys()].sort()).toEqual(['k848', 'queue']);
  });

  it('says "at least" in the list when a group’s lag in time is a lower bound', async () => {
    // Commits far behind every sampled log end, with a log end that never moves: no rate to extrapolate with.
    const kafka = fakeKafka({
      listOffsets: vi.fn(async () => new Map([['t\u00000', 500], ['t\u00001', 500]])),
      committedOffsets: vi.fn(async (ids: string[]) => new Map(ids.map((id) => [id, [{ topic: 't', partition: 0, offset: 10 }]]))),
    });
    const monitor = new GroupMonitor(kafka, { intervalMs: 5 });
    monitors.push(monitor);
    await sweeps(monitor, 2);
    const old = (await monitor.summaries()).find((g) => g.groupId === 'old')!;
    expect(old.lagSecondsAtLeast).toBe(true);
    expect((await monitor.health('old', false)).lagSeconds.atLeast).toBe(true);
  });

  it('dates an unchanged list from the first sweep that gave it, and a changed one from its own sweep', async () => {
    // Caught up: nothing in the list changes from one sweep to the next.
    let offset = 100;
    const kafka = fakeKafka({
      listOffsets: vi.fn(async () => new Map([['t\u00000', 100], ['t\u00001', 100]])),
      committedOffsets: vi.fn(async (ids: string[]) => new Map(ids.map((id) => [id, [{ topic: 't', partition: 0, offset }]]))),
    });
    const monitor = new GroupMonitor(kafka, { intervalMs: 5 });
    monitors.push(monitor);
    await sweeps(monitor, 1);
    const first = await monitor.groupList();
    await sweeps(monitor, 2);
    expect(await monitor.groupList()).toEqual(first);
    offset = 90;
    await sweeps(monitor, 2);
    const changed = await monitor.groupList();
    expect(changed.groups.find((g) => g.groupId === 'old')!.totalLag).toBe(10);
    expect(changed.freshness.asOf).toBeGreaterThan(first.freshness.asOf);
  });
});

describe('GroupMonitor at start', () => {
  it('answers the first rows as they stream in, before the first sweep is complete, marked partial', async () => {
    let releaseOffsets: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { releaseOffsets = resolve; });
    const answer = fakeKafka().committedOffsets;
    const kafka = fakeKafka({ committedOffsets: vi.fn(async (ids: string[]) => { await held; return answer(ids); }) });
    const monitor = new GroupMonitor(kafka, { intervalMs: 60_000 });
    monitors.push(monitor);
    const first = await monitor.groupList();
    expect(first.groups.map((g) => g.groupId)).toEqual(['k848', 'old', 'queue']);
    expect(first.freshness.status).toBe('partial');
    expect(monitor.lastSweep).toBeNull();
    releaseOffsets();
    await sweptList(monitor);
    expect((await monitor.groupList()).freshness.status).toBe('current');
  });
});

/** A monitor on fake timers (5 s interval) whose ListGroups answers `answer(all)`, `all` being the fake's groups. */
async function monitorOnFakeTimers(answer: (all: ListedGroup[]) => ListedGroup[], probeEveryMs = 60_000) {
  vi.useFakeTimers();
  const kafka = fakeKafka();
  const all = await kafka.listGroups();
  const listGroups = vi.fn(async () => answer(all));
  kafka.listGroups = listGroups;
  const monitor = new GroupMonitor(kafka, { intervalMs: 5_000, probe: { everyMs: probeEveryMs } });
  monitors.push(monitor);
  /** How many sweeps started (each begins with ListGroups) while the clock moved `ms`. */
  const sweepsAfter = async (ms: number) => { const before = listGroups.mock.calls.length; await vi.advanceTimersByTimeAsync(ms); return listGroups.mock.calls.length - before; };
  /** sweepsAfter for each of several clock moves in turn. */
  const sweepsOver = async (steps: number[]) => { const counts: number[] = []; for (const ms of steps) counts.push(await sweepsAfter(ms)); return counts; };
  return { kafka, all, listGroups, monitor, sweepsAfter, sweepsOver };
}

describe('GroupMonitor after a failed sweep', () => {
  afterEach(() => vi.useRealTimers());

  it('tries again after 1 s, 2 s, 4 s, then every interval, and back to the interval once a sweep succeeds', async () => {
    let failing = true;
    const { listGroups, sweepsOver } = await monitorOnFakeTimers((all) => { if (failing) throw new Error('The leader epoch in the request is newer than the epoch on the broker.'); return all; });
    await vi.advanceTimersByTimeAsync(0);
    expect(listGroups).toHaveBeenCalledTimes(1);
    // Each step: how long the clock moves, and how many sweeps start meanwhile.
    expect(await sweepsOver([1_000, 1_999, 1, 4_000, 5_000])).toEqual([1, 0, 1, 1, 1]);
    failing = false;
    expect(await sweepsOver([5_000, 4_999, 1])).toEqual([1, 0, 1]);
  });
});

describe('GroupMonitor after a sweep whose leaders were not all ready', () => {
  afterEach(() => vi.useRealTimers());

  it('sweeps again after 1 s, 2 s, then the interval while log ends are carried, and at the interval once they are answered', async () => {
    let notReady = true;
    const { kafka, sweepsOver } = await monitorOnFakeTimers((all) => all);
    kafka.listOffsets = vi.fn(async () => Object.assign(new Map([['t\u00000', 100]]), notReady ? { failed: new Map([['t\u00001', 'NOT_LEADER_OR_FOLLOWER']]) } : {}));
    await vi.advanceTimersByTimeAsync(0);
    expect(await sweepsOver([1_000, 2_000])).toEqual([1, 1]);
    notReady = false;
    expect(await sweepsOver([4_000, 4_999, 1])).toEqual([1, 0, 1]);
  });
});

describe('GroupMonitor after a sweep that left out groups it knows', () => {
  afterEach(() => vi.useRealTimers());

  it('checks the cluster\'s list every 500 ms and sweeps as soon as it names them all again (a coordinator done reloading), not an interval later', async () => {
    let listed: ListedGroup[] | null = null;
    const { all, listGroups, monitor } = await monitorOnFakeTimers((every) => listed ?? every);
    listed = all;
    const sweepAt = () => monitor.lastSweep?.at;
    await vi.advanceTimersByTimeAsync(0);
    const firstSweep = sweepAt();
    // Whole: one ListGroups per sweep, at the interval.
    await vi.advanceTimersByTimeAsync(4_999);
    expect(listGroups).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(listGroups).toHaveBeenCalledTimes(2);
    // The restarted broker answers "no groups": kept as missing; its list is checked every 500 ms.
    listed = [];
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await monitor.summaries()).filter((g) => g.missingSince !== null)).toHaveLength(all.length);
    const missingSweep = sweepAt();
    expect(missingSweep).toBeGreaterThan(firstSweep!);
    const calls = listGroups.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(listGroups.mock.calls.length - calls).toBe(3);
    expect(sweepAt()).toBe(missingSweep);
    // The list is whole again: the next check sweeps at once.
    listed = all;
    await vi.advanceTimersByTimeAsync(500);
    expect(sweepAt()).toBeGreaterThan(missingSweep!);
    expect((await monitor.summaries()).filter((g) => g.missingSince !== null)).toHaveLength(0);
    // And back to the interval.
    const afterCalls = listGroups.mock.calls.length;
    await vi.advanceTimersByTimeAsync(4_999);
    expect(listGroups.mock.calls.length).toBe(afterCalls);
  });

  it('a group deleted elsewhere stays missing through its grace, and the checks end at the interval each time', async () => {
    let listed: ListedGroup[] | null = null;
    const { all, monitor } = await monitorOnFakeTimers((every) => listed ?? every);
    listed = all;
    await vi.advanceTimersByTimeAsync(0);
    listed = all.slice(1);
    await vi.advanceTimersByTimeAsync(5_000);
    const missingSweep = monitor.lastSweep!.at;
    await vi.advanceTimersByTimeAsync(4_999);
    expect(monitor.lastSweep!.at).toBe(missingSweep);
    await vi.advanceTimersByTimeAsync(1);
    expect(monitor.lastSweep!.at).toBeGreaterThan(missingSweep);
  });
});

describe('GroupMonitor when the cluster answers again', () => {
  afterEach(() => vi.useRealTimers());

  it('sweeps as soon as the probe hears the cluster again after failed sweeps, not at the end of the backoff', async () => {
    let down = true;
    const { kafka, listGroups, monitor } = await monitorOnFakeTimers((all) => { if (down) throw new Error('No broker answered'); return all; }, 1_000);
    const describeCluster = kafka.describeCluster;
    kafka.describeCluster = vi.fn(async () => { if (down) throw new Error('No broker answered'); return describeCluster(); });
    // Failing for a while: the backoff has reached the interval.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.silentSince).not.toBeNull();
    const calls = listGroups.mock.calls.length;
    down = false;
    // The probe asks within a second; the sweep follows its answer at once.
    await vi.advanceTimersByTimeAsync(1_300);
    expect(monitor.silentSince).toBeNull();
    expect(listGroups.mock.calls.length).toBeGreaterThan(calls);
    expect(monitor.lastSweep).not.toBeNull();
  });
});
