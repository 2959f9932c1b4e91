// Topics as the console and the HTTP API see them: the list (one row per topic, 10,000+ rows), one
// topic with its partitions, configs, the groups reading it and its schema subjects. Pure shapes
// and the arithmetic behind them; main reads the cluster (main/topics).
import { z } from 'zod';
import { configEntrySchema } from '../kafka/configs';
import { groupTypes } from '../kafka/groups';

export const topicSummarySchema = z.object({
  name: z.string(),
  /** Kafka's own topics (__consumer_offsets, __share_group_state…): hidden unless asked for. */
  internal: z.boolean(),
  partitions: z.number(),
  /** Replicas per partition (the largest, should they differ). */
  replicationFactor: z.number(),
  /** Partitions whose in-sync replicas are fewer than their replicas. */
  underReplicated: z.number(),
  /** Partitions with no leader: nobody can read or write them. */
  offline: z.number(),
  /** Bytes on disk over every replica (DescribeLogDirs); null when the log dirs could not be read. */
  sizeBytes: z.number().nullable(),
  /** Records per second, from log-end offsets sampled in main; null until two samples exist. */
  produceRate: z.number().nullable(),
  /** retention.ms; -1 is "forever"; null when configs could not be read. */
  retentionMs: z.number().nullable(),
  /** retention.bytes per partition; -1 is "no limit". */
  retentionBytes: z.number().nullable(),
  cleanupPolicy: z.string().nullable(),
  /** Groups with committed offsets on the topic (or, for share groups, subscribed to it); null while unknown. */
  groupsReading: z.number().nullable(),
});
export type TopicSummary = z.infer<typeof topicSummarySchema>;

export const topicListSchema = z.object({
  topics: z.array(topicSummarySchema),
  /** When the cluster was read (main's clock). */
  asOf: z.number(),
  /** Parts of the list that could not be read this time, in words (the rest is still shown). */
  problems: z.array(z.string()),
});
export type TopicList = z.infer<typeof topicListSchema>;

export const topicPartitionSchema = z.object({
  partition: z.number(),
  leader: z.number().nullable(),
  replicas: z.array(z.number()),
  isr: z.array(z.number()),
  offlineReplicas: z.array(z.number()),
  lowWatermark: z.number().nullable(),
  highWatermark: z.number().nullable(),
  /** Bytes of the leader's replica; null when the log dirs could not be read. */
  sizeBytes: z.number().nullable(),
  underReplicated: z.boolean(),
});
export type TopicPartition = z.infer<typeof topicPartitionSchema>;

export const topicReaderSchema = z.object({
  groupId: z.string(),
  type: z.enum(groupTypes),
  state: z.string(),
  /** Partitions of this topic the group has a position on. */
  partitions: z.number(),
  /** Lag on THIS topic only (sum over its partitions); null when the group has no position here. */
  lag: z.number().nullable(),
  /** How the lag was measured: committed offsets, or the share-partition lag of a share group. */
  lagSource: z.enum(['committed-offsets', 'share-partition', 'none']),
});
export type TopicReader = z.infer<typeof topicReaderSchema>;

const subjectRefSchema = z.object({ subject: z.string(), versions: z.number(), latestVersion: z.number().nullable() });
export const topicSubjectsSchema = z.object({
  /** TopicNameStrategy: `<topic>-key` and `<topic>-value`; null when no such subject is registered. */
  key: subjectRefSchema.nullable(),
  value: subjectRefSchema.nullable(),
  /** Why the registry could not be asked (not configured, unreachable); null when it answered. */
  problem: z.string().nullable(),
});
export type TopicSubjects = z.infer<typeof topicSubjectsSchema>;

export const topicDetailSchema = z.object({
  name: z.string(),
  id: z.string(),
  internal: z.boolean(),
  replicationFactor: z.number(),
  underReplicated: z.number(),
  offline: z.number(),
  sizeBytes: z.number().nullable(),
  /** Records on the topic now: the sum of high − low watermarks. */
  records: z.number().nullable(),
  produceRate: z.number().nullable(),
  partitions: z.array(topicPartitionSchema),
  configs: z.array(configEntrySchema),
  readers: z.array(topicReaderSchema),
  subjects: topicSubjectsSchema,
  asOf: z.number(),
  problems: z.array(z.string()),
});
export type TopicDetail = z.infer<typeof topicDetailSchema>;

// ---- arithmetic -------------------------------------------------------------------------------

export interface PartitionReplicas {
  leader: number;
  replicas: readonly number[];
  isr: readonly number[];
}

/** A partition is under-replicated when fewer replicas are in sync than it has. */
export const isUnderReplicated = (p: PartitionReplicas) => p.isr.length < p.replicas.length;
/** A partition is offline when it has no leader. */
export const isOffline = (p: PartitionReplicas) => p.leader < 0;

export function replicaHealth(partitions: readonly PartitionReplicas[]): { replicationFactor: number; underReplicated: number; offline: number } {
  let replicationFactor = 0;
  let underReplicated = 0;
  let offline = 0;
  for (const p of partitions) {
    replicationFactor = Math.max(replicationFactor, p.replicas.length);
    if (isUnderReplicated(p)) underReplicated++;
    if (isOffline(p)) offline++;
  }
  return { replicationFactor, underReplicated, offline };
}

/** A whole-number config value, or null (a missing or unparsable value). */
export function numericConfig(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^-?\d+$/.test(value.trim())) return null;
  return Number(value);
}

/** The TopicNameStrategy subjects of a topic. */
export const topicSubjectNames = (topic: string) => ({ key: `${topic}-key`, value: `${topic}-value` });

/** The topic a subject belongs to under TopicNameStrategy, or null for other names. */
export function topicOfSubject(subject: string): { topic: string; part: 'key' | 'value' } | null {
  const m = /^(.+)-(key|value)$/.exec(subject);
  return m ? { topic: m[1]!, part: m[2] as 'key' | 'value' } : null;
}

/** Kafka's rule for topic names: 1–249 of letters, digits, '.', '_' and '-', and not "." or "..". */
export const topicNameSchema = z.string().min(1).max(249).regex(/^[A-Za-z0-9._-]+$/, 'A topic name is letters, digits, dots, dashes and underscores')
  .refine((n) => n !== '.' && n !== '..', 'A topic cannot be named "." or ".."');
