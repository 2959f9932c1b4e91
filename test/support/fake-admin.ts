// An in-memory AdminPort for unit tests of the topics and brokers slices (integration tests use the
// real broker): topics with partitions, watermarks and dynamic configs, one broker, and hooks to
// lose an answer after (or before) a write took effect.
import { AppFailure } from '../../shared/common/result';
import type { AdminPort, ConfigAnswer, ConfigEntry, ConfigResource, NewTopic } from '../../main/kafka-admin/admin-port';

export interface FakePartition { leader: number; replicas: number[]; isr: number[]; low: number; high: number }
export interface FakeTopic { internal: boolean; partitions: FakePartition[]; configs: Record<string, string> }

const topicDefaults: Record<string, string> = { 'retention.ms': '604800000', 'cleanup.policy': 'delete', 'retention.bytes': '-1', 'min.insync.replicas': '1' };
const groupDefaults: Record<string, string> = { 'consumer.session.timeout.ms': '45000', 'consumer.heartbeat.interval.ms': '5000', 'share.auto.offset.reset': 'latest' };

export type WriteName = 'createTopic' | 'createPartitions' | 'alterConfigs' | 'deleteRecords' | 'deleteTopic';

export interface FakeAdmin extends AdminPort {
  topics: Map<string, FakeTopic>;
  groupConfigs: Map<string, Record<string, string>>;
  /** The next call of `write` throws a lost answer; `applied` says whether the change happened first. */
  loseNextAnswer(write: WriteName, applied: boolean): void;
  writes: Array<{ write: WriteName; validateOnly: boolean }>;
}

const lost = () => new AppFailure('KAFKA_UNREACHABLE', 'No answer from the brokers (connection lost).');

export function fakeAdmin(): FakeAdmin {
  const topics = new Map<string, FakeTopic>();
  const groupConfigs = new Map<string, Record<string, string>>();
  const losing = new Map<WriteName, boolean>();
  const writes: FakeAdmin['writes'] = [];
  const write = async (name: WriteName, validateOnly: boolean, change: () => void) => {
    writes.push({ write: name, validateOnly });
    if (validateOnly) return;
    const applied = losing.get(name);
    losing.delete(name);
    if (applied === false) throw lost();
    change();
    if (applied === true) throw lost();
  };
  const topicOf = (name: string) => {
    const t = topics.get(name);
    if (!t) throw new AppFailure('NOT_FOUND', `Kafka refused: This server does not host this topic-partition. (UNKNOWN_TOPIC_OR_PARTITION).`);
    return t;
  };
  const entries = (defaults: Record<string, string>, own: Record<string, string>, dynamicSource: string): ConfigEntry[] =>
    [...new Set([...Object.keys(defaults), ...Object.keys(own)])].sort().map((name) => {
      const mine = Object.hasOwn(own, name);
      return { name, value: mine ? own[name]! : defaults[name] ?? null, source: (mine ? dynamicSource : 'DEFAULT_CONFIG') as ConfigEntry['source'], readOnly: false, sensitive: false, synonyms: [] };
    });
  return {
    topics, groupConfigs, writes,
    loseNextAnswer: (name, applied) => { losing.set(name, applied); },
    async metadata(names) {
      const wanted = names === null ? [...topics.keys()] : names;
      return {
        clusterId: 'fake', controllerId: 1, brokers: [{ nodeId: 1, host: 'b1', port: 9092, rack: null }],
        topics: wanted.filter((n) => topics.has(n)).map((name) => ({
          name, id: `id-${name}`, internal: topics.get(name)!.internal,
          partitions: topics.get(name)!.partitions.map((p, partition) => ({ partition, leader: p.leader, leaderEpoch: 0, replicas: p.replicas, isr: p.isr, offlineReplicas: [] })),
        })),
      };
    },
    async offsets(requests, spec) {
      const result = new Map<string, Map<number, number>>();
      for (const { name, partitions } of requests) {
        for (const { partition } of partitions) {
          const p = topics.get(name)?.partitions[partition];
          if (!p || p.leader < 0) continue;
          if (!result.has(name)) result.set(name, new Map());
          result.get(name)!.set(partition, spec === 'earliest' ? p.low : p.high);
        }
      }
      return result;
    },
    async describeConfigs(resources: ConfigResource[], keys?: string[]) {
      const result = new Map<string, ConfigAnswer>();
      for (const r of resources) {
        const pick = (list: ConfigEntry[]) => (keys ? list.filter((c) => keys.includes(c.name)) : list);
        if (r.type === 'topic') {
          const t = topics.get(r.name);
          result.set(`topic:${r.name}`, t ? { configs: pick(entries(topicDefaults, t.configs, 'DYNAMIC_TOPIC_CONFIG')) } : { error: 'UNKNOWN_TOPIC_OR_PARTITION', message: 'no such topic' });
        } else if (r.type === 'group') {
          result.set(`group:${r.name}`, { configs: pick(entries(groupDefaults, groupConfigs.get(r.name) ?? {}, 'DYNAMIC_GROUP_CONFIG')) });
        } else {
          result.set(`broker:${r.name}`, { configs: pick([{ name: 'advertised.listeners', value: 'PLAINTEXT://b1:9092', source: 'STATIC_BROKER_CONFIG', readOnly: true, sensitive: false, synonyms: [] }]) });
        }
      }
      return result;
    },
    async logDirs() {
      return [{ broker: 1, error: null, logDirs: [{ path: '/data', error: null, totalBytes: 1000, usableBytes: 400, replicas: [...topics].flatMap(([topic, t]) => t.partitions.map((p, partition) => ({ topic, partition, sizeBytes: (p.high - p.low) * 10, offsetLag: 0, future: false }))) }] }];
    },
    createTopic: (topic: NewTopic, validateOnly) => write('createTopic', validateOnly, () => {
      if (topics.has(topic.name)) throw new AppFailure('CONFLICT', `Kafka refused: Topic '${topic.name}' already exists. (TOPIC_ALREADY_EXISTS).`);
      topics.set(topic.name, { internal: false, configs: { ...topic.configs }, partitions: Array.from({ length: topic.partitions }, () => ({ leader: 1, replicas: [1], isr: [1], low: 0, high: 0 })) });
    }).then(() => {
      if (validateOnly && topics.has(topic.name)) throw new AppFailure('CONFLICT', `Kafka refused: Topic '${topic.name}' already exists. (TOPIC_ALREADY_EXISTS).`);
    }),
    createPartitions: (name, total, validateOnly) => write('createPartitions', validateOnly, () => {
      const t = topicOf(name);
      while (t.partitions.length < total) t.partitions.push({ leader: 1, replicas: [1], isr: [1], low: 0, high: 0 });
    }),
    alterConfigs: (resource, changes, validateOnly) => write('alterConfigs', validateOnly, () => {
      const own = resource.type === 'topic' ? topicOf(resource.name).configs : groupConfigs.get(resource.name) ?? {};
      Object.assign(own, changes.set);
      for (const name of changes.delete) delete own[name];
      if (resource.type === 'group') groupConfigs.set(resource.name, own);
    }),
    async deleteRecords(name, before) {
      const answer = new Map<number, number>();
      await write('deleteRecords', false, () => {
        const t = topicOf(name);
        for (const b of before) { const p = t.partitions[b.partition]!; p.low = Math.max(p.low, b.offset); answer.set(b.partition, p.low); }
      });
      return answer;
    },
    deleteTopic: (name) => write('deleteTopic', false, () => { topicOf(name); topics.delete(name); }),
    async describeQuorum() {
      return { leaderId: 1, leaderEpoch: 3, highWatermark: 100, voters: [{ replicaId: 1, logEndOffset: 100, lastFetchTimestamp: 1, lastCaughtUpTimestamp: 1 }], observers: [], nodes: [] };
    },
    async describeAcls() { return { authorizer: false, message: 'no authorizer' }; },
    async describeClientQuotas() { return []; },
    async shareGroupOffsets() { return []; },
    async close() {},
  };
}
