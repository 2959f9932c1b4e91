import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupMonitor } from '../../../../../main/kafka/monitor/group-monitor';
import type { KafkaPort } from '../../../../../main/kafka/kafka-port';
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

describe('GroupMonitor', () => {
  it('routes by type: ConsumerGroupDescribe for KIP-848 groups, DescribeGroups for classic ones, no OffsetFetch for share groups', async () => {
    const kafka = fakeKafka();
    const monitor = new GroupMonitor(kafka, { intervalMs: 60_000 });
    monitors.push(monitor);
    const list = await monitor.summaries();
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
    await monitor.summaries();
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
});
