// Consumer-group shapes as the public API and the console see them. Fields that do not apply to a
// group's type are null (for example the group epoch of a classic group).
import { z } from 'zod';
import { freshnessSchema } from './freshness';

export const groupTypes = ['classic', 'consumer', 'share', 'streams'] as const;
export type GroupType = (typeof groupTypes)[number];

export const brokerRefSchema = z.object({ nodeId: z.number(), host: z.string(), port: z.number() });
export type BrokerRef = z.infer<typeof brokerRefSchema>;

export const groupSummarySchema = z.object({
  groupId: z.string(),
  type: z.enum(groupTypes),
  /** The state exactly as the broker names it (Stable, Empty, Reconciling, PreparingRebalance…). */
  state: z.string(),
  /** Member count; null when the group's type cannot be described by this version of Sluice. */
  members: z.number().nullable(),
  coordinator: brokerRefSchema.nullable(),
  /** Sum of partition lags; null when no partition of the group has a committed offset. */
  totalLag: z.number().nullable(),
  /** Burrow-style health (worst partition); null until Sluice has observed a committed offset. */
  health: z.enum(['OK', 'WARN', 'ERR']).nullable(),
  /** Seconds behind (interpolation model, worst partition); null when unknown. */
  lagSeconds: z.number().nullable(),
  /** True when lagSeconds is a lower bound: the group is at least that far behind (absent: exact). */
  lagSecondsAtLeast: z.boolean().optional(),
  /**
   * Since when the cluster has not listed this group (absent or null: it is listed). A restarting
   * broker lists fewer groups, or none, for a while: a group is kept, marked, for a grace period.
   */
  missingSince: z.number().nullable().optional(),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

/**
 * groups.list: every group, and how old the sweep they come from is. Sluice always says; the field
 * is optional so that a list with no sweep behind it (a client's own fixture) stays a valid list.
 */
export const groupListSchema = z.object({ groups: z.array(groupSummarySchema), freshness: freshnessSchema.optional() });
export type GroupList = z.infer<typeof groupListSchema>;

export const topicPartitionsSchema = z.object({ topic: z.string(), partitions: z.array(z.number()) });
export type TopicPartitions = z.infer<typeof topicPartitionsSchema>;
export const assignmentSchema = z.array(topicPartitionsSchema);
export type Assignment = z.infer<typeof assignmentSchema>;

export const groupMemberSchema = z.object({
  memberId: z.string(),
  instanceId: z.string().nullable(),
  clientId: z.string(),
  host: z.string(),
  rack: z.string().nullable(),
  /** KIP-848 only: the epoch this member has reconciled to. */
  memberEpoch: z.number().nullable(),
  subscribedTopics: z.array(z.string()).nullable(),
  subscribedTopicRegex: z.string().nullable(),
  assignment: assignmentSchema,
  /** KIP-848 only: what the coordinator wants this member to own. */
  targetAssignment: assignmentSchema.nullable(),
  /** KIP-848 groups: the protocol this member speaks; "classic" members mean a migration in progress. */
  protocol: z.enum(['classic', 'consumer']).nullable().optional(),
  /** KIP-848 only: since when (ms) this member's epoch has been behind the group epoch, as Sluice observed it. */
  epochBehindSince: z.number().nullable().optional(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const partitionOffsetSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  /** null: the group has no committed offset here ("no offset", which is not zero lag). */
  committedOffset: z.number().nullable(),
  logEndOffset: z.number().nullable(),
  lag: z.number().nullable(),
  memberId: z.string().nullable(),
});
export type PartitionOffset = z.infer<typeof partitionOffsetSchema>;

export const groupDetailSchema = z.object({
  groupId: z.string(),
  type: z.enum(groupTypes),
  state: z.string(),
  coordinator: brokerRefSchema.nullable(),
  groupEpoch: z.number().nullable(),
  assignmentEpoch: z.number().nullable(),
  assignor: z.string().nullable(),
  protocolType: z.string().nullable(),
  protocol: z.string().nullable(),
  members: z.array(groupMemberSchema),
  offsets: z.array(partitionOffsetSchema),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;

/** groups.describe: the detail, and when it was read (the last good answer while the coordinator does not answer). */
export const liveGroupDetailSchema = groupDetailSchema.extend({ freshness: freshnessSchema });
export type LiveGroupDetail = z.infer<typeof liveGroupDetailSchema>;

export const clusterSchema = z.object({
  clusterId: z.string(),
  controllerId: z.number(),
  brokers: z.array(z.object({ nodeId: z.number(), host: z.string(), port: z.number(), rack: z.string().nullable() })),
  topicCount: z.number(),
  partitionCount: z.number(),
});
export type ClusterDescription = z.infer<typeof clusterSchema>;

/** One string per topic-partition, for maps and sets (a NUL cannot occur in a topic name). */
export const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export function splitPartitionKey(key: string): { topic: string; partition: number } {
  const i = key.lastIndexOf('\u0000');
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
}

/** Group types whose offsets live in __consumer_offsets and are read with OffsetFetch. */
export const offsetCommittingTypes: ReadonlySet<GroupType> = new Set(['classic', 'consumer', 'streams']);
