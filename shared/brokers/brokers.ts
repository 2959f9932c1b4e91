// Brokers, the KRaft quorum, ACLs and client quotas as the console and the HTTP API see them: the
// cluster's machinery and its access rules, read-only. Pure shapes and arithmetic.
import { z } from 'zod';
import { configEntrySchema } from '../kafka/configs';

export const logDirUsageSchema = z.object({
  path: z.string(),
  /** Kafka's error for the dir (KAFKA_STORAGE_ERROR: the disk failed), null when healthy. */
  error: z.string().nullable(),
  totalBytes: z.number().nullable(),
  usableBytes: z.number().nullable(),
  /** Bytes of the replicas in the dir. */
  replicaBytes: z.number(),
  replicas: z.number(),
});
export type LogDirUsage = z.infer<typeof logDirUsageSchema>;

export const brokerSummarySchema = z.object({
  nodeId: z.number(),
  host: z.string(),
  port: z.number(),
  rack: z.string().nullable(),
  /** advertised.listeners (else listeners) from the broker's config: what clients are told to use. */
  listeners: z.array(z.string()),
  logDirs: z.array(logDirUsageSchema),
  /** Partition replicas hosted, and of them the ones it leads. */
  replicas: z.number(),
  leaders: z.number(),
  /** Why this broker's log dirs or configs could not be read; null when it answered. */
  problem: z.string().nullable(),
});
export type BrokerSummary = z.infer<typeof brokerSummarySchema>;

export const partitionHealthSchema = z.object({
  topics: z.number(),
  partitions: z.number(),
  /** Partitions whose in-sync replicas are fewer than their replicas. */
  underReplicated: z.number(),
  /** Partitions with no leader. */
  offline: z.number(),
});
export type PartitionHealthCounts = z.infer<typeof partitionHealthSchema>;

export const brokerListSchema = z.object({
  clusterId: z.string(),
  /** The controller id Metadata reports (on KRaft a broker's id; the active controller is the quorum's leader). */
  controllerId: z.number(),
  brokers: z.array(brokerSummarySchema),
  partitions: partitionHealthSchema,
  asOf: z.number(),
  problems: z.array(z.string()),
});
export type BrokerList = z.infer<typeof brokerListSchema>;

export const brokerDetailSchema = z.object({
  nodeId: z.number(),
  configs: z.array(configEntrySchema),
  asOf: z.number(),
});
export type BrokerDetail = z.infer<typeof brokerDetailSchema>;

export const quorumReplicaSchema = z.object({
  replicaId: z.number(),
  logEndOffset: z.number(),
  /** Records behind the quorum's high watermark (0: caught up). */
  lag: z.number(),
  lastFetchTimestamp: z.number().nullable(),
  lastCaughtUpTimestamp: z.number().nullable(),
  /** How long ago it was last caught up (main's clock); null when never known. */
  caughtUpAgoMs: z.number().nullable(),
});
export type QuorumReplicaView = z.infer<typeof quorumReplicaSchema>;

export const quorumSchema = z.object({
  leaderId: z.number(),
  leaderEpoch: z.number(),
  highWatermark: z.number(),
  voters: z.array(quorumReplicaSchema),
  observers: z.array(quorumReplicaSchema),
  /** The controllers' listeners (DescribeQuorum v2). */
  nodes: z.array(z.object({ nodeId: z.number(), listeners: z.array(z.string()) })),
  asOf: z.number(),
});
export type QuorumView = z.infer<typeof quorumSchema>;

export const aclBindingSchema = z.object({
  resourceType: z.string(), resourceName: z.string(), patternType: z.string(),
  principal: z.string(), host: z.string(), operation: z.string(), permission: z.string(),
});
export const aclListSchema = z.object({
  /** False where the cluster has no authorizer: there is nothing to list, and every client may do everything. */
  authorizer: z.boolean(),
  message: z.string().nullable(),
  acls: z.array(aclBindingSchema),
});
export type AclList = z.infer<typeof aclListSchema>;

export const quotaListSchema = z.object({
  quotas: z.array(z.object({
    /** Each part of the entity; a null name is the default for that type. */
    entity: z.array(z.object({ type: z.string(), name: z.string().nullable() })),
    values: z.record(z.string(), z.number()),
  })),
});
export type QuotaList = z.infer<typeof quotaListSchema>;

/** Lag of each quorum replica behind the high watermark, and how long since it was caught up. */
export function quorumReplicaView(replica: { replicaId: number; logEndOffset: number; lastFetchTimestamp: number | null; lastCaughtUpTimestamp: number | null }, highWatermark: number, now: number): QuorumReplicaView {
  return {
    ...replica,
    lag: Math.max(0, highWatermark - replica.logEndOffset),
    caughtUpAgoMs: replica.lastCaughtUpTimestamp === null ? null : Math.max(0, now - replica.lastCaughtUpTimestamp),
  };
}

/** A listener list as a broker config holds it ("PLAINTEXT://h:9092,SSL://h:9093"). */
export const splitListeners = (value: string | null | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
