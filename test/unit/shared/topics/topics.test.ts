import { describe, expect, it } from 'vitest';
import { filterAndSortTopics } from '../../../../shared/topics/topic-filter';
import { numericConfig, replicaHealth, topicNameSchema, topicOfSubject, topicSubjectNames, type TopicSummary } from '../../../../shared/topics/topics';
import { quorumReplicaView, splitListeners } from '../../../../shared/brokers/brokers';

const topic = (name: string, extra: Partial<TopicSummary> = {}): TopicSummary => ({
  name, internal: false, partitions: 3, replicationFactor: 3, underReplicated: 0, offline: 0, sizeBytes: 100, produceRate: 1,
  retentionMs: 604_800_000, retentionBytes: -1, cleanupPolicy: 'delete', groupsReading: 1, ...extra,
});

describe('replica health', () => {
  it('counts partitions with fewer in-sync replicas than replicas, and partitions with no leader', () => {
    expect(replicaHealth([
      { leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
      { leader: 2, replicas: [2, 3, 1], isr: [2] },
      { leader: -1, replicas: [3, 1, 2], isr: [] },
    ])).toEqual({ replicationFactor: 3, underReplicated: 2, offline: 1 });
    expect(replicaHealth([])).toEqual({ replicationFactor: 0, underReplicated: 0, offline: 0 });
  });
});

describe('names', () => {
  it('maps subjects to topics by TopicNameStrategy, both ways', () => {
    expect(topicSubjectNames('orders')).toEqual({ key: 'orders-key', value: 'orders-value' });
    expect(topicOfSubject('orders-value')).toEqual({ topic: 'orders', part: 'value' });
    expect(topicOfSubject('pay-ments-key')).toEqual({ topic: 'pay-ments', part: 'key' });
    expect(topicOfSubject('com.acme.Order')).toBeNull();
    expect(topicOfSubject('-value')).toBeNull();
  });
  it('accepts the topic names Kafka accepts', () => {
    for (const ok of ['orders', 'a.b_c-1', 'x'.repeat(249)]) expect(topicNameSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['', '.', '..', 'a b', 'a/b', 'x'.repeat(250), 'ü']) expect(topicNameSchema.safeParse(bad).success).toBe(false);
  });
  it('reads whole-number configs only', () => {
    expect(numericConfig('-1')).toBe(-1);
    expect(numericConfig(' 3600000 ')).toBe(3_600_000);
    expect(numericConfig('1e3')).toBeNull();
    expect(numericConfig(null)).toBeNull();
  });
});

describe('filterAndSortTopics', () => {
  const rows = [
    topic('orders', { sizeBytes: 500, retentionMs: -1 }),
    topic('__consumer_offsets', { internal: true, cleanupPolicy: 'compact' }),
    topic('payments', { underReplicated: 2, sizeBytes: null, retentionMs: 1_000 }),
    topic('customers', { cleanupPolicy: 'compact', sizeBytes: 50, retentionMs: null }),
  ];
  const query = { text: '', includeInternal: false, sort: { key: 'name' as const, descending: false } };

  it('hides Kafka\'s own topics unless asked', () => {
    expect(filterAndSortTopics(rows, query).map((t) => t.name)).toEqual(['customers', 'orders', 'payments']);
    expect(filterAndSortTopics(rows, { ...query, includeInternal: true }).map((t) => t.name)).toContain('__consumer_offsets');
  });
  it('matches every word in the name or cleanup policy', () => {
    expect(filterAndSortTopics(rows, { ...query, text: 'compact' }).map((t) => t.name)).toEqual(['customers']);
    expect(filterAndSortTopics(rows, { ...query, text: 'ORD' }).map((t) => t.name)).toEqual(['orders']);
    expect(filterAndSortTopics(rows, { ...query, onlyUnhealthy: true }).map((t) => t.name)).toEqual(['payments']);
  });
  it('sorts unknown values last in both directions and "forever" above every finite retention', () => {
    expect(filterAndSortTopics(rows, { ...query, sort: { key: 'sizeBytes', descending: true } }).map((t) => t.name)).toEqual(['orders', 'customers', 'payments']);
    expect(filterAndSortTopics(rows, { ...query, sort: { key: 'sizeBytes', descending: false } }).map((t) => t.name)).toEqual(['customers', 'orders', 'payments']);
    expect(filterAndSortTopics(rows, { ...query, sort: { key: 'retentionMs', descending: true } }).map((t) => t.name)).toEqual(['orders', 'payments', 'customers']);
  });
});

describe('brokers', () => {
  it('a quorum replica\'s lag is how far its log end is behind the high watermark', () => {
    expect(quorumReplicaView({ replicaId: 2, logEndOffset: 90, lastFetchTimestamp: 1_000, lastCaughtUpTimestamp: 4_000 }, 100, 10_000)).toMatchObject({ lag: 10, caughtUpAgoMs: 6_000 });
    expect(quorumReplicaView({ replicaId: 1, logEndOffset: 105, lastFetchTimestamp: null, lastCaughtUpTimestamp: null }, 100, 10_000)).toMatchObject({ lag: 0, caughtUpAgoMs: null });
  });
  it('splits a listener config', () => {
    expect(splitListeners('PLAINTEXT://h:9092, SSL://h:9093')).toEqual(['PLAINTEXT://h:9092', 'SSL://h:9093']);
    expect(splitListeners(null)).toEqual([]);
  });
});
