// The topic list and one topic, read from the cluster. The list asks each broker once per part —
// Metadata for every topic (replicas, ISR, offline replicas), ListOffsets per leader, DescribeLogDirs
// per broker, DescribeConfigs for three keys in batches — in parallel, so 10,000 topics and 100,000
// partitions are one round of requests, not 10,000. A part that fails leaves its columns empty and
// says why; only Metadata failing fails the list.
import { AppFailure } from '../../shared/common/result';
import { configView } from '../../shared/kafka/configs';
import { partitionLag, totalLag } from '../../shared/kafka/lag';
import { numericConfig, replicaHealth, isUnderReplicated, topicSubjectNames, type TopicDetail, type TopicList, type TopicReader, type TopicSubjects, type TopicSummary } from '../../shared/topics/topics';
import type { AdminPort, BrokerLogDirs, ConfigAnswer } from '../kafka-admin/admin-port';
import type { CommittedOffset, KafkaPort } from '../kafka/kafka-port';
import type { ProduceRates } from './produce-rates';
import type { GroupPosition, TopicReadersIndex } from './topic-readers';

/** The configs the list shows; the topic page reads them all. */
const LIST_CONFIG_KEYS = ['retention.ms', 'retention.bytes', 'cleanup.policy'];
/** Subjects are asked of the registry at most this often per topic page. */
const SUBJECTS_TTL_MS = 30_000;
/**
 * The list's configs (retention, cleanup policy) change rarely: each topic's are asked again after
 * a minute, so the list's 10 s refresh asks for a sixth of them, not 10,000 every time. A change
 * made through Sluice drops the topic's entry at once.
 */
const LIST_CONFIGS_TTL_MS = 60_000;

interface ListConfigs { at: number; retentionMs: number | null; retentionBytes: number | null; cleanupPolicy: string | null }

/** The registry as far as a topic page needs it: a subject's versions, none when it does not exist. */
export interface SubjectVersions {
  versionsOrNone(subject: string): Promise<number[]>;
}

export interface TopicsContext {
  admin: AdminPort;
  /** The groups session's client: committed offsets of the groups reading a topic. */
  groups: () => KafkaPort;
  readers: TopicReadersIndex;
  rates: ProduceRates;
  registry: SubjectVersions;
  now?: () => number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const settledValue = <T>(result: PromiseSettledResult<T>, problems: string[], what: string): T | null => {
  if (result.status === 'fulfilled') return result.value;
  problems.push(`${what} could not be read: ${messageOf(result.reason)}`);
  return null;
};

/**
 * Bytes per topic over every replica, from every broker's log dirs; and, for one `focus` topic, the
 * bytes of each partition's leader replica.
 */
export function sizesFrom(brokers: readonly BrokerLogDirs[], focus?: { topic: string; leaders: ReadonlyMap<number, number> }): { byTopic: Map<string, number>; byPartition: Map<number, number>; problems: string[] } {
  const byTopic = new Map<string, number>();
  const byPartition = new Map<number, number>();
  const problems: string[] = [];
  for (const broker of brokers) {
    if (broker.error) problems.push(`Broker ${broker.broker} did not report its log dirs (${broker.error}); sizes leave it out.`);
    for (const dir of broker.logDirs) {
      if (dir.error) problems.push(`Broker ${broker.broker}: log dir ${dir.path} reports ${dir.error}.`);
      for (const r of dir.replicas) {
        // A future replica is a copy on its way between dirs: counting it would count the data twice.
        if (r.future) continue;
        byTopic.set(r.topic, (byTopic.get(r.topic) ?? 0) + r.sizeBytes);
        if (focus && r.topic === focus.topic && focus.leaders.get(r.partition) === broker.broker) byPartition.set(r.partition, r.sizeBytes);
      }
    }
  }
  return { byTopic, byPartition, problems };
}

export class TopicsService {
  readonly #subjects = new Map<string, { at: number; value: TopicSubjects }>();
  readonly #listConfigs = new Map<string, ListConfigs>();

  constructor(private readonly context: () => TopicsContext) {}

  async list(): Promise<TopicList> {
    const ctx = this.context();
    const now = ctx.now ?? Date.now;
    const asOf = now();
    const metadata = await ctx.admin.metadata(null);
    const due = metadata.topics.filter((t) => { const c = this.#listConfigs.get(t.name); return !c || asOf - c.at >= LIST_CONFIGS_TTL_MS; });
    const [ends, dirs, configs, readers] = await Promise.allSettled([
      ctx.admin.offsets(metadata.topics, 'latest'),
      ctx.admin.logDirs(null),
      due.length ? ctx.admin.describeConfigs(due.map((t) => ({ type: 'topic' as const, name: t.name })), LIST_CONFIG_KEYS) : Promise.resolve(new Map<string, ConfigAnswer>()),
      ctx.readers.get(),
    ]);
    const problems: string[] = [];
    const logEnds = settledValue(ends, problems, 'Log-end offsets (produce rates)');
    const logDirs = settledValue(dirs, problems, 'Log dirs (sizes)');
    const fresh = settledValue(configs, problems, 'Topic configs (retention, cleanup policy)');
    for (const [key, answer] of fresh ?? []) {
      if (!('configs' in answer)) continue;
      const value = (name: string) => answer.configs.find((c) => c.name === name)?.value ?? null;
      this.#listConfigs.set(key.slice('topic:'.length), { at: asOf, retentionMs: numericConfig(value('retention.ms')), retentionBytes: numericConfig(value('retention.bytes')), cleanupPolicy: value('cleanup.policy') });
    }
    const index = settledValue(readers, problems, 'Groups reading each topic');
    if (index?.problem) problems.push(index.problem);
    const sizes = logDirs ? sizesFrom(logDirs) : null;
    if (sizes) problems.push(...sizes.problems);

    const sampledAt = now();
    const topics = metadata.topics.map((t): TopicSummary => {
      const topicEnds = logEnds?.get(t.name);
      if (topicEnds) {
        let sum = 0;
        let complete = true;
        for (const p of t.partitions) {
          const end = topicEnds.get(p.partition);
          if (end === undefined) complete = false;
          else sum += end;
        }
        // An offline partition has no log end: a partial sum would read as a rate drop.
        if (complete) ctx.rates.observe(t.name, sum, sampledAt);
      }
      const config = this.#listConfigs.get(t.name);
      return {
        name: t.name,
        internal: t.internal,
        partitions: t.partitions.length,
        ...replicaHealth(t.partitions),
        sizeBytes: sizes ? (sizes.byTopic.get(t.name) ?? 0) : null,
        produceRate: ctx.rates.rate(t.name, sampledAt),
        retentionMs: config?.retentionMs ?? null,
        retentionBytes: config?.retentionBytes ?? null,
        cleanupPolicy: config?.cleanupPolicy ?? null,
        groupsReading: index ? (index.byTopic.get(t.name)?.length ?? 0) : null,
      };
    });
    const present = new Set(metadata.topics.map((t) => t.name));
    ctx.rates.keepOnly(present);
    for (const name of this.#listConfigs.keys()) if (!present.has(name)) this.#listConfigs.delete(name);
    return { topics: topics.sort((a, b) => a.name.localeCompare(b.name)), asOf, problems };
  }

  async describe(topic: string): Promise<TopicDetail> {
    const ctx = this.context();
    const now = ctx.now ?? Date.now;
    const asOf = now();
    const described = (await ctx.admin.metadata([topic])).topics.find((t) => t.name === topic);
    if (!described) throw new AppFailure('NOT_FOUND', `There is no topic "${topic}" on this cluster.`, { topic });
    const [starts, ends, dirs, configs, subjects] = await Promise.allSettled([
      ctx.admin.offsets([described], 'earliest'),
      ctx.admin.offsets([described], 'latest'),
      ctx.admin.logDirs([topic]),
      ctx.admin.describeConfigs([{ type: 'topic', name: topic }]),
      this.#subjectsOf(ctx, topic, asOf),
    ]);
    const problems: string[] = [];
    const low = settledValue(starts, problems, 'Low watermarks')?.get(topic) ?? null;
    const high = settledValue(ends, problems, 'High watermarks')?.get(topic) ?? null;
    const logDirs = settledValue(dirs, problems, 'Log dirs (sizes)');
    const configAnswer = settledValue(configs, problems, 'Configs')?.get(`topic:${topic}`);
    if (configAnswer && 'error' in configAnswer) problems.push(`Configs could not be read: ${configAnswer.message}`);
    const sizes = logDirs ? sizesFrom(logDirs, { topic, leaders: new Map(described.partitions.map((p) => [p.partition, p.leader])) }) : null;
    if (sizes) problems.push(...sizes.problems);

    const partitions = described.partitions.map((p) => ({
      partition: p.partition, leader: p.leader < 0 ? null : p.leader, replicas: p.replicas, isr: p.isr, offlineReplicas: p.offlineReplicas,
      lowWatermark: low?.get(p.partition) ?? null, highWatermark: high?.get(p.partition) ?? null,
      sizeBytes: sizes ? (sizes.byPartition.get(p.partition) ?? null) : null, underReplicated: isUnderReplicated(p),
    }));
    // The page's own poll samples the log ends too, so a rate appears without the list open.
    if (partitions.every((p) => p.highWatermark !== null)) ctx.rates.observe(topic, partitions.reduce((n, p) => n + p.highWatermark!, 0), asOf);
    const records = partitions.every((p) => p.lowWatermark !== null && p.highWatermark !== null)
      ? partitions.reduce((n, p) => n + (p.highWatermark! - p.lowWatermark!), 0) : null;
    const readers = await this.readersOf(ctx, topic, high ?? new Map()).catch((error: unknown) => {
      problems.push(`The groups reading it could not be read: ${messageOf(error)}`);
      return [] as TopicReader[];
    });
    return {
      name: topic, id: described.id, internal: described.internal, ...replicaHealth(described.partitions),
      sizeBytes: sizes ? (sizes.byTopic.get(topic) ?? 0) : null, records, produceRate: ctx.rates.rate(topic, asOf),
      partitions,
      configs: configAnswer && 'configs' in configAnswer ? configAnswer.configs.map(configView) : [],
      readers,
      subjects: subjects.status === 'fulfilled' ? subjects.value : { key: null, value: null, problem: messageOf(subjects.reason) },
      asOf, problems,
    };
  }

  /** A topic was changed through Sluice: the list reads its configs again. */
  forgetConfigs(topic: string): void {
    this.#listConfigs.delete(topic);
  }

  /**
   * Every group reading the topic, with its lag on this topic only: committed offsets read now for
   * the groups the index names (so the numbers are current), the share-partition lag for share groups.
   */
  async readersOf(ctx: TopicsContext, topic: string, highWatermarks: ReadonlyMap<number, number>): Promise<TopicReader[]> {
    const index = await ctx.readers.get();
    const positions: GroupPosition[] = index.byTopic.get(topic) ?? [];
    const committing = positions.filter((p) => p.type !== 'share');
    const fresh = committing.length ? await ctx.groups().committedOffsets(committing.map((p) => p.groupId)) : new Map<string, CommittedOffset[]>();
    const readers: TopicReader[] = [];
    for (const position of committing) {
      const offsets = (fresh.get(position.groupId) ?? []).filter((o) => o.topic === topic);
      // A group whose commits were deleted since the index was built is no longer reading it.
      if (offsets.length === 0 && fresh.has(position.groupId)) continue;
      const committed = offsets.length ? offsets : [...position.committed].map(([partition, offset]) => ({ topic, partition, offset }));
      const lag = totalLag(committed.map((o) => partitionLag(o.offset, highWatermarks.get(o.partition) ?? null)));
      readers.push({ groupId: position.groupId, type: position.type, state: position.state, partitions: committed.length, lag, lagSource: lag === null ? 'none' : 'committed-offsets' });
    }
    for (const position of positions.filter((p) => p.type === 'share')) {
      const shareOffsets = await ctx.admin.shareGroupOffsets(position.groupId, [topic]).catch(() => []);
      const lag = totalLag(shareOffsets.map((o) => o.lag));
      readers.push({ groupId: position.groupId, type: 'share', state: position.state, partitions: shareOffsets.length, lag, lagSource: lag === null ? 'none' : 'share-partition' });
    }
    return readers.sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  async #subjectsOf(ctx: TopicsContext, topic: string, now: number): Promise<TopicSubjects> {
    const cached = this.#subjects.get(topic);
    if (cached && now - cached.at < SUBJECTS_TTL_MS) return cached.value;
    const names = topicSubjectNames(topic);
    let value: TopicSubjects;
    try {
      const [key, val] = await Promise.all([ctx.registry.versionsOrNone(names.key), ctx.registry.versionsOrNone(names.value)]);
      const ref = (subject: string, versions: number[]) => (versions.length ? { subject, versions: versions.length, latestVersion: Math.max(...versions) } : null);
      value = { key: ref(names.key, key), value: ref(names.value, val), problem: null };
    } catch (error) {
      value = { key: null, value: null, problem: messageOf(error) };
    }
    this.#subjects.set(topic, { at: now, value });
    // Bounded: a few recent topic pages, not every topic ever opened.
    if (this.#subjects.size > 64) this.#subjects.delete(this.#subjects.keys().next().value!);
    return value;
  }
}
