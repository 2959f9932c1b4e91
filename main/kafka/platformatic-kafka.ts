// KafkaPort on @platformatic/kafka. Its Admin covers ListGroups v5, DescribeGroups, OffsetFetch
// and ListOffsets; ConsumerGroupDescribe (API 69) and DescribeCluster (API 60) are sent as raw
// protocol requests on the Admin's own connection pool, because the Admin has no wrapper for them.
import {
  Admin,
  consumerGroupDescribeV0,
  describeClusterV1,
  FindCoordinatorKeyTypes,
} from '@platformatic/kafka';
import type { BrokerRef, GroupType } from '../../shared/kafka/groups';
import { groupTypes } from '../../shared/kafka/groups';
import { AppFailure } from '../../shared/result';
import type {
  AssignedTopic,
  ClassicGroupDescription,
  ClusterInfo,
  CommittedOffset,
  ConsumerGroupDescription,
  KafkaConnectionSettings,
  KafkaPort,
  ListedGroup,
  TopicInfo,
} from './kafka-port';

/** Broker "endpoint type" for DescribeCluster v1: 1 = brokers (2 would be controllers). */
const BROKER_ENDPOINTS = 1;
type ConsumerGroupDescribeResponse = consumerGroupDescribeV0.ConsumerGroupDescribeResponse;
/** Latest offset marker for ListOffsets. */
const LATEST = -1n;

function adminOptions(settings: KafkaConnectionSettings, clientId: string) {
  const options: ConstructorParameters<typeof Admin>[0] = {
    clientId,
    bootstrapBrokers: settings.bootstrapBrokers,
    connectTimeout: 5_000,
    requestTimeout: 15_000,
    timeout: 15_000,
    retries: 1,
    retryDelay: 250,
  };
  if (settings.tls.enabled) {
    options.tls = {
      rejectUnauthorized: settings.tls.verifyServerCertificate,
      ...(settings.tls.caCertificate ? { ca: settings.tls.caCertificate } : {}),
    };
  }
  if (settings.sasl.mechanism !== 'none') {
    options.sasl = { mechanism: settings.sasl.mechanism, username: settings.sasl.username, password: settings.sasl.password ?? '' };
  }
  return options;
}

/** Every code and message in a client error, whose causes nest (MultipleErrors of MultipleErrors). */
function flattenError(error: unknown, depth = 0): Array<{ code?: string; message?: string }> {
  if (!error || typeof error !== 'object' || depth > 6) return [];
  const e = error as { code?: string; message?: string; errors?: unknown[]; cause?: unknown };
  return [{ code: e.code, message: e.message }, ...(e.errors ?? []).flatMap((x) => flattenError(x, depth + 1)), ...flattenError(e.cause, depth + 1)];
}

/** Turns a client error into an AppFailure that says what to do. */
export function describeKafkaError(error: unknown, bootstrap: string[]): AppFailure {
  if (error instanceof AppFailure) return error;
  const parts = flattenError(error);
  const codes = new Set(parts.map((p) => p.code));
  const detail = [...new Set(parts.map((p) => p.message).filter(Boolean))].join('; ');
  if (codes.has('PLT_KFK_NETWORK') || codes.has('PLT_KFK_TIMEOUT') || /Cannot connect to any broker|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH/.test(detail)) {
    return new AppFailure('KAFKA_UNREACHABLE', `No broker answered at ${bootstrap.join(', ')}. Check that the cluster is running and the address is right.`, { detail });
  }
  if (codes.has('PLT_KFK_AUTHENTICATION')) {
    return new AppFailure('KAFKA_ERROR', 'The brokers rejected the credentials. Check the SASL mechanism, user name and password.', { detail });
  }
  return new AppFailure('KAFKA_ERROR', `Kafka returned an error: ${detail || String(error)}`, { detail });
}

const toAssigned = (topicPartitions: Array<{ topicName: string; partitions: number[] }>): AssignedTopic[] =>
  topicPartitions.map((t) => ({ topic: t.topicName, partitions: [...t.partitions].sort((a, b) => a - b) }));

function asGroupType(raw: string | undefined): GroupType {
  if (raw && (groupTypes as readonly string[]).includes(raw.toLowerCase())) return raw.toLowerCase() as GroupType;
  // Brokers that answer ListGroups below v5 send no type; only classic groups exist there.
  return 'classic';
}

export class PlatformaticKafka implements KafkaPort {
  readonly #admin: Admin;
  readonly #bootstrap: string[];

  constructor(settings: KafkaConnectionSettings, clientId = 'sluice-console') {
    this.#admin = new Admin(adminOptions(settings, clientId));
    this.#bootstrap = settings.bootstrapBrokers;
  }

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw describeKafkaError(error, this.#bootstrap);
    }
  }

  async #brokerConnection(nodeId?: number) {
    const metadata = await this.#admin.metadata({ topics: [] });
    const broker = nodeId === undefined ? metadata.brokers.values().next().value : metadata.brokers.get(nodeId);
    if (!broker) throw new AppFailure('KAFKA_ERROR', `Broker ${nodeId} is not in the cluster metadata.`);
    return this.#admin.connections.get(broker);
  }

  describeCluster(): Promise<ClusterInfo> {
    return this.#guard(async () => {
      const connection = await this.#brokerConnection();
      const response = await describeClusterV1.api.async(connection, false, BROKER_ENDPOINTS);
      return {
        clusterId: response.clusterId,
        controllerId: response.controllerId,
        brokers: response.brokers
          .map((b) => ({ nodeId: b.brokerId, host: b.host, port: b.port, rack: b.rack ?? null }))
          .sort((a, b) => a.nodeId - b.nodeId),
      };
    });
  }

  listTopics(): Promise<TopicInfo[]> {
    return this.#guard(async () => {
      const names = await this.#admin.listTopics({ includeInternals: false });
      if (names.length === 0) return [];
      const metadata = await this.#admin.metadata({ topics: names });
      return names.flatMap((name) => {
        const topic = metadata.topics.get(name);
        if (!topic) return [];
        return [{ name, partitions: topic.partitions.map((p, partition) => ({ partition, leader: p.leader })) }];
      });
    });
  }

  listGroups(): Promise<ListedGroup[]> {
    return this.#guard(async () => {
      const groups = await this.#admin.listGroups({ types: [...groupTypes] });
      return [...groups.values()].map((g) => ({
        groupId: g.id,
        type: asGroupType(g.groupType),
        state: g.state,
        protocolType: g.protocolType,
      }));
    });
  }

  findCoordinators(groupIds: string[]): Promise<Map<string, BrokerRef>> {
    return this.#guard(async () => {
      const result = new Map<string, BrokerRef>();
      if (groupIds.length === 0) return result;
      const found = await this.#admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: groupIds });
      for (const c of found) result.set(c.key, { nodeId: c.nodeId, host: c.host, port: c.port });
      return result;
    });
  }

  describeConsumerGroups(groupIds: string[]): Promise<Map<string, ConsumerGroupDescription>> {
    return this.#guard(async () => {
      const result = new Map<string, ConsumerGroupDescription>();
      if (groupIds.length === 0) return result;
      const coordinators = await this.findCoordinators(groupIds);
      const byCoordinator = new Map<number, string[]>();
      for (const id of groupIds) {
        const nodeId = coordinators.get(id)?.nodeId;
        if (nodeId === undefined) continue;
        byCoordinator.set(nodeId, [...(byCoordinator.get(nodeId) ?? []), id]);
      }
      await Promise.all([...byCoordinator].map(async ([nodeId, ids]) => {
        const connection = await this.#brokerConnection(nodeId);
        let response: ConsumerGroupDescribeResponse;
        try {
          response = await consumerGroupDescribeV0.api.async(connection, ids, false);
        } catch (error) {
          // Per-group errors (a classic group, a group that vanished) fail the whole parse, but the
          // response still carries every group that was described.
          const partial = (error as { response?: ConsumerGroupDescribeResponse }).response;
          if (!partial) throw error;
          response = partial;
        }
        for (const g of response.groups) {
          if (g.errorCode !== 0) continue;
          result.set(g.groupId, {
            groupId: g.groupId,
            state: g.groupState,
            groupEpoch: g.groupEpoch,
            assignmentEpoch: g.assignmentEpoch,
            assignor: g.assignorName,
            members: g.members.map((m) => ({
              memberId: m.memberId,
              instanceId: m.instanceId ?? null,
              rack: m.rackId ?? null,
              memberEpoch: m.memberEpoch,
              clientId: m.clientId,
              clientHost: m.clientHost,
              subscribedTopicNames: m.subscribedTopicNames,
              subscribedTopicRegex: m.subscribedTopicRegex ? m.subscribedTopicRegex : null,
              assignment: toAssigned(m.assignment.topicPartitions),
              targetAssignment: toAssigned(m.targetAssignment.topicPartitions),
            })),
          });
        }
      }));
      return result;
    });
  }

  describeClassicGroups(groupIds: string[]): Promise<Map<string, ClassicGroupDescription>> {
    return this.#guard(async () => {
      const result = new Map<string, ClassicGroupDescription>();
      if (groupIds.length === 0) return result;
      const groups = await this.#admin.describeGroups({ groups: groupIds });
      for (const g of groups.values()) {
        result.set(g.id, {
          groupId: g.id,
          state: g.state,
          protocolType: g.protocolType,
          protocol: g.protocol,
          members: [...g.members.values()].map((m) => ({
            memberId: m.id,
            instanceId: m.groupInstanceId ?? null,
            clientId: m.clientId,
            clientHost: m.clientHost,
            rack: m.metadata?.rackId ?? null,
            subscribedTopics: m.metadata?.topics ?? null,
            assignment: m.assignments
              ? [...m.assignments.values()].map((a) => ({ topic: a.topic, partitions: [...a.partitions].sort((x, y) => x - y) }))
              : [],
          })),
        });
      }
      return result;
    });
  }

  committedOffsets(groupIds: string[]): Promise<Map<string, CommittedOffset[]>> {
    return this.#guard(async () => {
      const result = new Map<string, CommittedOffset[]>();
      if (groupIds.length === 0) return result;
      const groups = await this.#admin.listConsumerGroupOffsets({ groups: groupIds });
      for (const g of groups) {
        const offsets: CommittedOffset[] = [];
        for (const t of g.topics) {
          for (const p of t.partitions) {
            // -1 means "no committed offset" for a partition the request named explicitly.
            if (p.committedOffset < 0n) continue;
            offsets.push({ topic: t.name, partition: p.partitionIndex, offset: Number(p.committedOffset) });
          }
        }
        result.set(g.groupId, offsets);
      }
      return result;
    });
  }

  logEndOffsets(topics: string[]): Promise<Map<string, Map<number, number>>> {
    return this.#guard(async () => {
      const result = new Map<string, Map<number, number>>();
      if (topics.length === 0) return result;
      const metadata = await this.#admin.metadata({ topics });
      const request = topics.flatMap((name) => {
        const topic = metadata.topics.get(name);
        if (!topic) return [];
        return [{ name, partitions: topic.partitions.map((_, partitionIndex) => ({ partitionIndex, timestamp: LATEST })) }];
      });
      if (request.length === 0) return result;
      const listed = await this.#admin.listOffsets({ topics: request } as Parameters<Admin['listOffsets']>[0]);
      for (const t of listed) {
        const partitions = new Map<number, number>();
        for (const p of t.partitions) partitions.set(p.partitionIndex, Number(p.offset));
        result.set(t.name, partitions);
      }
      return result;
    });
  }

  async close(): Promise<void> {
    await this.#admin.close().catch(() => undefined);
  }
}
