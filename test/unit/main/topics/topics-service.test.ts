// The topic list and one topic from an in-memory cluster: columns from each part, produce rates from
// sampled log ends, groups reading each topic, and a part that fails leaving its columns empty with
// the reason, never the whole list.
import { describe, expect, it, vi } from 'vitest';
import { ProduceRates } from '../../../../main/topics/produce-rates';
import { TopicReadersIndex } from '../../../../main/topics/topic-readers';
import { sizesFrom, TopicsService, type TopicsContext } from '../../../../main/topics/topics-service';
import { fakeAdmin } from '../../../support/fake-admin';
import { fakeKafka } from '../../../support/fake-kafka';

function setup() {
  const admin = fakeAdmin();
  admin.topics.set('t', { internal: false, configs: { 'retention.ms': '-1' }, partitions: [{ leader: 1, replicas: [1, 2], isr: [1], low: 0, high: 100 }, { leader: 1, replicas: [1, 2], isr: [1, 2], low: 0, high: 100 }] });
  admin.topics.set('quiet', { internal: false, configs: {}, partitions: [{ leader: -1, replicas: [2], isr: [], low: 0, high: 0 }] });
  let now = 1_000_000;
  const groups = () => fakeKafka();
  const context: TopicsContext = { admin, groups, readers: new TopicReadersIndex(groups, 30_000, () => now), rates: new ProduceRates(), registry: { versionsOrNone: async (s) => (s === 't-value' ? [1, 2] : []) }, now: () => now };
  return { admin, context, service: new TopicsService(() => context), tick: (ms: number) => { now += ms; } };
}

describe('TopicsService.list', () => {
  it('has every column, from one read of each part', async () => {
    const { service } = setup();
    const list = await service.list();
    expect(list.problems).toEqual([]);
    expect(list.topics.find((t) => t.name === 't')).toEqual({
      name: 't', internal: false, partitions: 2, replicationFactor: 2, underReplicated: 1, offline: 0, sizeBytes: 2_000, produceRate: null,
      retentionMs: -1, retentionBytes: -1, cleanupPolicy: 'delete', groupsReading: 3,
    });
    expect(list.topics.find((t) => t.name === 'quiet')).toMatchObject({ offline: 1, underReplicated: 1, groupsReading: 0 });
  });

  it('reads a produce rate off log ends sampled 10 s apart', async () => {
    const { admin, service, tick } = setup();
    await service.list();
    admin.topics.get('t')!.partitions[0]!.high += 500;
    tick(10_000);
    expect((await service.list()).topics.find((t) => t.name === 't')!.produceRate).toBeCloseTo(50);
  });

  it('asks each topic\'s configs again after a minute, or at once after a change through Sluice', async () => {
    const { admin, service, tick } = setup();
    const retention = async () => (await service.list()).topics.find((t) => t.name === 't')!.retentionMs;
    expect(await retention()).toBe(-1);
    admin.topics.get('t')!.configs['retention.ms'] = '5000';
    tick(10_000);
    expect(await retention()).toBe(-1);
    service.forgetConfigs('t');
    expect(await retention()).toBe(5_000);
    admin.topics.get('t')!.configs['retention.ms'] = '6000';
    tick(60_000);
    expect(await retention()).toBe(6_000);
  });

  it('a part that fails leaves its columns empty and says why', async () => {
    const { admin, service } = setup();
    admin.logDirs = vi.fn(async () => { throw new Error('broker 1 timed out'); });
    const list = await service.list();
    expect(list.topics.find((t) => t.name === 't')).toMatchObject({ sizeBytes: null, partitions: 2 });
    expect(list.problems).toEqual(['Log dirs (sizes) could not be read: broker 1 timed out']);
  });
});

describe('TopicsService.describe', () => {
  it('has partitions, masked configs, readers with lag on this topic, and subjects', async () => {
    const { service } = setup();
    const topic = await service.describe('t');
    expect(topic.partitions[0]).toEqual({ partition: 0, leader: 1, replicas: [1, 2], isr: [1], offlineReplicas: [], lowWatermark: 0, highWatermark: 100, sizeBytes: 1_000, underReplicated: true });
    expect(topic.records).toBe(200);
    expect(topic.configs.find((c) => c.name === 'retention.ms')).toMatchObject({ value: '-1', source: 'dynamic', sourceName: 'DYNAMIC_TOPIC_CONFIG' });
    // fakeKafka: k848 committed 40 on t-0; old committed 50 and 70 on t-0 and t-1.
    expect(topic.readers).toEqual([
      { groupId: 'k848', type: 'consumer', state: 'Stable', partitions: 1, lag: 60, lagSource: 'committed-offsets' },
      { groupId: 'old', type: 'classic', state: 'Stable', partitions: 2, lag: 80, lagSource: 'committed-offsets' },
      { groupId: 'queue', type: 'share', state: 'Stable', partitions: 0, lag: null, lagSource: 'none' },
    ]);
    expect(topic.subjects).toEqual({ key: null, value: { subject: 't-value', versions: 2, latestVersion: 2 }, problem: null });
  });
  it('is NOT_FOUND for a topic that does not exist', async () => {
    await expect(setup().service.describe('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('sizes', () => {
  it('count every replica for the topic, the leader\'s for the partition, and skip future replicas', () => {
    const leaders = new Map([[0, 2]]);
    const sizes = sizesFrom([
      { broker: 1, error: null, logDirs: [{ path: '/a', error: null, totalBytes: null, usableBytes: null, replicas: [{ topic: 't', partition: 0, sizeBytes: 10, offsetLag: 0, future: false }, { topic: 't', partition: 0, sizeBytes: 99, offsetLag: 5, future: true }] }] },
      { broker: 2, error: null, logDirs: [{ path: '/b', error: null, totalBytes: null, usableBytes: null, replicas: [{ topic: 't', partition: 0, sizeBytes: 12, offsetLag: 0, future: false }] }] },
      { broker: 3, error: 'timed out', logDirs: [] },
    ], { topic: 't', leaders });
    expect(sizes.byTopic.get('t')).toBe(22);
    expect(sizes.byPartition.get(0)).toBe(12);
    expect(sizes.problems).toEqual(['Broker 3 did not report its log dirs (timed out); sizes leave it out.']);
  });
});
