// The Kafka admin port beyond consumer groups: topic metadata with replicas and ISR, offsets,
// configs of topics, brokers and groups, log dirs, the KRaft quorum, ACLs, client quotas, and the
// topic writes. The topics, brokers and group-config slices depend on this interface only, so a
// unit test can substitute it and the client library stays in one adapter
// (platformatic-admin.ts). It sits below main/kafka, which reads group configs through it.
import type { ProfileSettings } from '../../shared/profiles/profiles';

/** How to reach a cluster: the same fields as main/kafka's connection settings (one profile). */
export interface AdminConnectionSettings {
  bootstrapBrokers: string[];
  tls: ProfileSettings['tls'];
  sasl: { mechanism: ProfileSettings['sasl']['mechanism']; username: string; password: string | null };
}

export interface PartitionMetadata {
  partition: number;
  /** -1 when the partition has no leader (offline). */
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface TopicMetadata {
  name: string;
  id: string;
  internal: boolean;
  partitions: PartitionMetadata[];
}

export interface BrokerMetadata {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterMetadata {
  clusterId: string;
  controllerId: number;
  brokers: BrokerMetadata[];
  topics: TopicMetadata[];
}

export interface PartitionRef {
  topic: string;
  partition: number;
}

/** Which partitions of a topic to ask offsets of; a TopicMetadata is one. */
export interface OffsetRequest {
  name: string;
  partitions: ReadonlyArray<{ partition: number; leader?: number }>;
}
/** topic → partition → offset: nested, because 100,000 "topic\0partition" strings cost more than the request. */
export type OffsetsByTopic = Map<string, Map<number, number>>;

/** An offset from a nested map, or null. */
export const offsetOf = (offsets: OffsetsByTopic, topic: string, partition: number): number | null => offsets.get(topic)?.get(partition) ?? null;

export type ConfigResourceType = 'topic' | 'broker' | 'group';
export interface ConfigResource {
  type: ConfigResourceType;
  name: string;
}

/**
 * Where a config value comes from (DescribeConfigs ConfigSource, by wire id), named as Kafka's admin
 * client and kafka-configs print them (ConfigEntry.ConfigSource), so the two can be compared.
 */
export const configSourceNames = [
  'UNKNOWN', 'DYNAMIC_TOPIC_CONFIG', 'DYNAMIC_BROKER_CONFIG', 'DYNAMIC_DEFAULT_BROKER_CONFIG', 'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG', 'DYNAMIC_BROKER_LOGGER_CONFIG', 'DYNAMIC_CLIENT_METRICS_CONFIG', 'DYNAMIC_GROUP_CONFIG',
] as const;
export type ConfigSourceName = (typeof configSourceNames)[number];

export interface ConfigEntry {
  name: string;
  /** null for a sensitive value (the broker never sends it) or a config with no value. */
  value: string | null;
  source: ConfigSourceName;
  readOnly: boolean;
  sensitive: boolean;
  /** Where else the value is set, most specific first (as kafka-configs prints `synonyms={…}`). */
  synonyms: Array<{ name: string; value: string | null; source: ConfigSourceName }>;
}

/** One resource's configs, or the error Kafka answered for it. */
export type ConfigAnswer = { configs: ConfigEntry[] } | { error: string; message: string };

export interface LogDirReplica {
  topic: string;
  partition: number;
  sizeBytes: number;
  /** How far a future replica (a move between dirs) is behind; 0 otherwise. */
  offsetLag: number;
  future: boolean;
}

export interface LogDir {
  path: string;
  /** Kafka's error name for this dir (KAFKA_STORAGE_ERROR…), null when it is healthy. */
  error: string | null;
  /** null where the broker does not report them (before DescribeLogDirs v4). */
  totalBytes: number | null;
  usableBytes: number | null;
  replicas: LogDirReplica[];
}

export interface BrokerLogDirs {
  broker: number;
  /** Why this broker's dirs could not be read; the others still are. */
  error: string | null;
  logDirs: LogDir[];
}

export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export interface ConfigChanges {
  set: Record<string, string>;
  delete: string[];
}

export interface QuorumReplica {
  replicaId: number;
  logEndOffset: number;
  /** Epoch ms; null where the leader has not heard from it (or it is the leader, for some fields). */
  lastFetchTimestamp: number | null;
  lastCaughtUpTimestamp: number | null;
}

export interface QuorumInfo {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
  nodes: Array<{ nodeId: number; listeners: Array<{ name: string; host: string; port: number }> }>;
}

export interface AclBinding {
  resourceType: string;
  resourceName: string;
  patternType: string;
  principal: string;
  host: string;
  operation: string;
  permission: string;
}

/** ACLs, or the fact that the cluster has no authorizer (SECURITY_DISABLED). */
export type AclAnswer = { authorizer: true; acls: AclBinding[] } | { authorizer: false; message: string };

export interface QuotaEntry {
  /** The entity: each part's type (user, client-id, ip) and name; a null name is the default. */
  entity: Array<{ type: string; name: string | null }>;
  values: Record<string, number>;
}

/** A share group's position in one partition (DescribeShareGroupOffsets). */
export interface SharePartitionOffset {
  topic: string;
  partition: number;
  startOffset: number | null;
  /** The share-partition lag (v1, Kafka 4.2+); null where the broker does not report it. */
  lag: number | null;
}

export interface AdminPort {
  /** Topics with partitions, replicas, ISR and offline replicas; all topics when `topics` is null. */
  metadata(topics: string[] | null): Promise<ClusterMetadata>;
  /**
   * Offsets at the log start or end (ListOffsets, one request per leader): topic → partition →
   * offset. Partitions given with their leader (as Metadata answered) spare a Metadata request.
   */
  offsets(topics: readonly OffsetRequest[], spec: 'earliest' | 'latest'): Promise<OffsetsByTopic>;
  /** Configs per resource, keyed `type:name`; `keys` narrows to those config names (and leaves out synonyms). */
  describeConfigs(resources: ConfigResource[], keys?: string[]): Promise<Map<string, ConfigAnswer>>;
  /** Log dirs of every broker (sizes per replica); narrowed to `topics` when given. */
  logDirs(topics: string[] | null): Promise<BrokerLogDirs[]>;
  createTopic(topic: NewTopic, validateOnly: boolean): Promise<void>;
  /** Raises a topic's partition count to `totalCount`. */
  createPartitions(topic: string, totalCount: number, validateOnly: boolean): Promise<void>;
  /** IncrementalAlterConfigs: SET and DELETE per key; other keys keep their values. */
  alterConfigs(resource: ConfigResource, changes: ConfigChanges, validateOnly: boolean): Promise<void>;
  /** Deletes records before each offset; answers the new low watermarks by partition. */
  deleteRecords(topic: string, before: Array<{ partition: number; offset: number }>): Promise<Map<number, number>>;
  deleteTopic(name: string): Promise<void>;
  describeQuorum(): Promise<QuorumInfo>;
  describeAcls(): Promise<AclAnswer>;
  describeClientQuotas(): Promise<QuotaEntry[]>;
  shareGroupOffsets(groupId: string, topics: string[] | null): Promise<SharePartitionOffset[]>;
  close(): Promise<void>;
}

export const resourceKey = (resource: ConfigResource) => `${resource.type}:${resource.name}`;
