// The narrow port between Sluice's Kafka logic and a Kafka client library. Services depend on this
// interface only, so a unit test can substitute it and a client swap stays in one file.
import type { BrokerRef, GroupType } from '../../shared/kafka/groups';
import type { ProfileSettings } from '../../shared/profiles';

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

export interface KafkaPort {
  describeCluster(): Promise<ClusterInfo>;
  listTopics(): Promise<TopicInfo[]>;
  listGroups(): Promise<ListedGroup[]>;
  findCoordinators(groupIds: string[]): Promise<Map<string, BrokerRef>>;
  /** KIP-848 groups (ConsumerGroupDescribe). Groups that are not consumer groups are left out. */
  describeConsumerGroups(groupIds: string[]): Promise<Map<string, ConsumerGroupDescription>>;
  /** Classic groups (DescribeGroups). */
  describeClassicGroups(groupIds: string[]): Promise<Map<string, ClassicGroupDescription>>;
  /** Committed offsets per group, in as few OffsetFetch requests as the coordinators allow. */
  committedOffsets(groupIds: string[]): Promise<Map<string, CommittedOffset[]>>;
  /** Log-end offsets of every partition of the given topics: topic → partition → offset. */
  logEndOffsets(topics: string[]): Promise<Map<string, Map<number, number>>>;
  close(): Promise<void>;
}
