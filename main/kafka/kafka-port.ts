// The narrow port between Sluice's Kafka logic and a Kafka client library. Services depend on this
// interface only, so a unit test can substitute it and a client swap stays in one file.
import { AppFailure } from '../../shared/common/result';
import type { BrokerRef, GroupType } from '../../shared/kafka/groups';
import type { ProfileSettings } from '../../shared/profiles/profiles';

export interface KafkaConnectionSettings {
  bootstrapBrokers: string[];
  tls: ProfileSettings['tls'];
  sasl: { mechanism: ProfileSettings['sasl']['mechanism']; username: string; password: string | null };
}

export interface ClusterInfo {
  clusterId: string;
  controllerId: number;
  brokers: Array<{ nodeId: number; host: string; port: number; rack: string | null }>;
}

export interface TopicInfo {
  name: string;
  partitions: Array<{ partition: number; leader: number }>;
}

export interface ListedGroup {
  groupId: string;
  type: GroupType;
  state: string;
  protocolType: string;
}

export interface AssignedTopic {
  topic: string;
  partitions: number[];
}

export interface ConsumerGroupDescription {
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: Array<{
    memberId: string;
    instanceId: string | null;
    rack: string | null;
    memberEpoch: number;
    clientId: string;
    clientHost: string;
    subscribedTopicNames: string[];
    subscribedTopicRegex: string | null;
    assignment: AssignedTopic[];
    targetAssignment: AssignedTopic[];
    /** Which protocol the member speaks: classic members in a consumer group mean a migration. */
    protocol?: 'classic' | 'consumer' | null;
  }>;
}

/** KIP-932 share group: members share out records; the coordinator assigns partitions. */
export interface ShareGroupDescription {
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: Array<{
    memberId: string;
    rack: string | null;
    memberEpoch: number;
    clientId: string;
    clientHost: string;
    subscribedTopicNames: string[];
    assignment: AssignedTopic[];
  }>;
}

/** KIP-1071 streams group: members run tasks of the application's subtopologies. */
export interface StreamsGroupDescription {
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  members: Array<{
    memberId: string;
    instanceId: string | null;
    rack: string | null;
    memberEpoch: number;
    clientId: string;
    clientHost: string;
    processId: string;
    /** Active tasks, as the source-topic partitions they read. */
    assignment: AssignedTopic[];
    targetAssignment: AssignedTopic[];
  }>;
}

export interface ClassicGroupDescription {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: Array<{
    memberId: string;
    instanceId: string | null;
    clientId: string;
    clientHost: string;
    rack: string | null;
    subscribedTopics: string[] | null;
    assignment: AssignedTopic[];
  }>;
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  offset: number;
}

export interface PartitionRef {
  topic: string;
  partition: number;
}

/** Where to read an offset: the log start, the log end, or the first offset at/after a time (ms). */
export type OffsetSpec = 'earliest' | 'latest' | { timestamp: number };

export type Coordinators = Map<string, BrokerRef>;

/**
 * The groups a batched call answered, and beside them the groups it could not answer with the
 * Kafka error name (COORDINATOR_LOAD_IN_PROGRESS, GROUP_ID_NOT_FOUND…). A group in neither was
 * not found. A plain Map is a valid answer in which nothing failed.
 */
export type GroupAnswers<D> = Map<string, D> & { failed?: ReadonlyMap<string, string> };

/**
 * Offsets per partition (topic\0partition), with the partitions whose leader could not answer
 * (NOT_LEADER_OR_FOLLOWER while a restarted broker takes up its partitions, no leader, a broker
 * that did not answer) and why. A plain Map is a valid answer in which nothing failed.
 */
export type OffsetAnswers = Map<string, number> & { failed?: ReadonlyMap<string, string> };

/**
 * Errors that mean "ask again shortly", not "there is no such group": a coordinator still loading
 * its partition of __consumer_offsets after a broker start, or moving to another broker.
 */
export const coordinatorNotReady: ReadonlySet<string> = new Set(['COORDINATOR_LOAD_IN_PROGRESS', 'COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR']);

/** What a coordinator that is not ready answers: "not yet", never "no such group". */
export const coordinatorLoading = (detail: string) =>
  new AppFailure('KAFKA_LOADING', 'The group coordinator is still loading its groups (a broker has just started); try again in a few seconds.', { detail });

export interface KafkaPort {
  describeCluster(): Promise<ClusterInfo>;
  listTopics(): Promise<TopicInfo[]>;
  listGroups(): Promise<ListedGroup[]>;
  findCoordinators(groupIds: string[]): Promise<Map<string, BrokerRef>>;
  /**
   * The describe and offset calls below batch many groups per request to each coordinator; pass
   * the coordinators found once per sweep to spare a FindCoordinator per call.
   */
  /** KIP-848 groups (ConsumerGroupDescribe). Groups that are not consumer groups are left out. */
  describeConsumerGroups(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<ConsumerGroupDescription>>;
  /** Share groups (ShareGroupDescribe, KIP-932). */
  describeShareGroups(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<ShareGroupDescription>>;
  /** Streams groups (StreamsGroupDescribe, KIP-1071); task assignments mapped to source-topic partitions. */
  describeStreamsGroups(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<StreamsGroupDescription>>;
  /** Classic groups (DescribeGroups). Groups that do not exist are left out. */
  describeClassicGroups(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<ClassicGroupDescription>>;
  /** Committed offsets per group (OffsetFetch v8+, many groups per request). */
  committedOffsets(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<CommittedOffset[]>>;
  /** Log-end offsets of every partition of the given topics: topic → partition → offset. */
  logEndOffsets(topics: string[]): Promise<Map<string, Map<number, number>>>;
  /**
   * Offsets at a spec for the given partitions (ListOffsets, one request per leader). Key:
   * topic\0partition. A partition whose leader cannot answer now fails the call — unless `partial`:
   * then it is left out of the map and named in `failed` with why (a reading such as a sweep's log
   * ends can carry its last value; a reset cannot).
   */
  listOffsets(partitions: PartitionRef[], spec: OffsetSpec, options?: { partial?: boolean }): Promise<OffsetAnswers>;
  /** Timestamp (ms) of the record at each offset, or null where there is none (Fetch). */
  recordTimestamps(at: Array<PartitionRef & { offset: number }>): Promise<Map<string, number | null>>;
  /** Commits offsets for a group with no active members (OffsetCommit as an admin). */
  alterOffsets(groupId: string, offsets: Array<PartitionRef & { offset: number }>): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;
  /** Deletes a group's committed offsets for partitions of one topic (OffsetDelete). */
  deleteOffsets(groupId: string, topic: string, partitions: number[]): Promise<void>;
  close(): Promise<void>;
}
