// KafkaPort on @platformatic/kafka. Its Admin covers ListGroups v5, DescribeGroups, OffsetFetch
// and ListOffsets; ConsumerGroupDescribe (API 69) and DescribeCluster (API 60) are sent as raw
// protocol requests on the Admin's own connection pool, because the Admin has no wrapper for them.
import {
  Admin,
  type Connection,
  consumerGroupDescribeV0,
  decodeConsumerProtocolAssignment,
  decodeConsumerProtocolSubscription,
  describeClusterV1,
  describeGroupsV5,
  fetchV17,
  FindCoordinatorKeyTypes,
  offsetFetchV9,
} from '@platformatic/kafka';
import { chunk, mapLimit } from '../../shared/common/concurrency';
import { askLogOffsets } from '../kafka-admin/protocol/log-offsets';
import { errorNameOf, keepPartialResponse } from '../kafka-admin/admin-errors';
import { partitionKey } from '../../shared/kafka/groups';
import { shareGroupDescribeV1 } from './protocol/share-group-describe';
import { consumerGroupDescribeV1, type ConsumerGroupDescribeV1Response } from './protocol/consumer-group-describe-v1';
import { streamsGroupDescribeV0, type StreamsAssignment, type StreamsGroupDescribeResponseGroup } from './protocol/streams-group-describe';
import type { BrokerRef, GroupType } from '../../shared/kafka/groups';
import { groupTypes } from '../../shared/kafka/groups';
import { AppFailure } from '../../shared/common/result';
import { coordinatorLoading, coordinatorNotReady } from './kafka-port';
import type {
  AssignedTopic,
  ClassicGroupDescription,
  ClusterInfo,
  CommittedOffset,
  ConsumerGroupDescription,
  Coordinators,
  GroupAnswers,
  KafkaConnectionSettings,
  KafkaPort,
  ListedGroup,
  OffsetAnswers,
  OffsetSpec,
  ShareGroupDescription,
  StreamsGroupDescription,
  PartitionRef,
  TopicInfo,
} from './kafka-port';

/** Groups per describe/offset request, and requests in flight: big enough to be few round trips,
 * small enough that one slow coordinator answer does not hold everything up. */
const GROUPS_PER_REQUEST = 1_000;
const REQUESTS_IN_FLIGHT = 4;

/** Broker "endpoint type" for DescribeCluster v1: 1 = brokers (2 would be controllers). */
const BROKER_ENDPOINTS = 1;

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
function flattenError(error: unknown, depth = 0): Array<{ code?: string; apiId?: string; message?: string }> {
  if (!error || typeof error !== 'object' || depth > 6) return [];
  const e = error as { code?: string; apiId?: string; message?: string; errors?: unknown[]; cause?: unknown };
  return [{ code: e.code, apiId: e.apiId, message: e.message }, ...(e.errors ?? []).flatMap((x) => flattenError(x, depth + 1)), ...flattenError(e.cause, depth + 1)];
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
  if (parts.some((p) => p.apiId !== undefined && coordinatorNotReady.has(p.apiId))) return coordinatorLoading(detail);
  if (codes.has('PLT_KFK_AUTHENTICATION')) {
    return new AppFailure('KAFKA_ERROR', 'The brokers rejected the credentials. Check the SASL mechanism, user name and password.', { detail });
  }
  return new AppFailure('KAFKA_ERROR', `Kafka returned an error: ${detail || String(error)}`, { detail });
}

type AssignedWire = { topicName: string; partitions: number[] };

/** A streams task reads partition p of every source topic of its subtopology. */
function tasksAsTopicPartitions(assignment: StreamsAssignment, topology: StreamsGroupDescribeResponseGroup['topology']): AssignedTopic[] {
  const sources = new Map((topology?.subtopologies ?? []).map((s) => [s.subtopologyId, [...s.sourceTopics, ...s.repartitionSourceTopics]]));
  const byTopic = new Map<string, Set<number>>();
  for (const task of assignment.active) {
    for (const topic of sources.get(task.subtopologyId) ?? []) {
      const set = byTopic.get(topic) ?? new Set<number>();
      for (const p of task.partitions) set.add(p);
      byTopic.set(topic, set);
    }
  }
  return [...byTopic].map(([topic, set]) => ({ topic, partitions: [...set].sort((a, b) => a - b) })).sort((a, b) => a.topic.localeCompare(b.topic));
}

const toAssigned = (topicPartitions: AssignedWire[]): AssignedTopic[] =>
  topicPartitions.map((t) => ({ topic: t.topicName, partitions: [...t.partitions].sort((a, b) => a - b) }));

function asGroupType(raw: string | undefined): GroupType {
  if (raw && (groupTypes as readonly string[]).includes(raw.toLowerCase())) return raw.toLowerCase() as GroupType;
  // Brokers that answer ListGroups below v5 send no type; only classic groups exist there.
  return 'classic';
}

export class PlatformaticKafka implements KafkaPort {
  readonly #admin: Admin;
  readonly #bootstrap: string[];
  /** Whether the brokers speak ConsumerGroupDescribe v1 (Kafka 4.0+); asked once. */
  #consumerDescribeV1: Promise<boolean> | null = null;

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

  /** Group ids per coordinator, in request-sized chunks. */
  async #batches(groupIds: string[], coordinators?: Coordinators): Promise<Array<{ coordinator: BrokerRef; groupIds: string[] }>> {
    const found = coordinators ?? (await this.findCoordinators(groupIds));
    const byNode = new Map<number, { coordinator: BrokerRef; groupIds: string[] }>();
    for (const id of groupIds) {
      const coordinator = found.get(id) ?? (await this.findCoordinators([id])).get(id);
      if (!coordinator) continue;
      const entry = byNode.get(coordinator.nodeId) ?? { coordinator, groupIds: [] };
      entry.groupIds.push(id);
      byNode.set(coordinator.nodeId, entry);
    }
    return [...byNode.values()].flatMap(({ coordinator, groupIds: ids }) => chunk(ids, GROUPS_PER_REQUEST).map((part) => ({ coordinator, groupIds: part })));
  }

  /**
   * The shape every batched group call shares: group ids per coordinator in request-sized chunks,
   * a bounded number of requests in flight, per-group errors set aside by name (the rest of the
   * answer kept), so a caller can tell "still loading" from "no such group".
   */
  #perGroup<G extends { errorCode: number; groupId: string }, D>(
    groupIds: string[],
    coordinators: Coordinators | undefined,
    request: (connection: Connection, ids: string[]) => Promise<{ groups: G[] }>,
    describe: (group: G) => D | null,
  ): Promise<GroupAnswers<D>> {
    return this.#guard(async () => {
      const failed = new Map<string, string>();
      const result: GroupAnswers<D> = Object.assign(new Map<string, D>(), { failed });
      if (groupIds.length === 0) return result;
      await mapLimit(await this.#batches(groupIds, coordinators), REQUESTS_IN_FLIGHT, async ({ coordinator, groupIds: ids }) => {
        const connection = await this.#admin.connections.get(coordinator);
        const response = await keepPartialResponse(request(connection, ids));
        for (const g of response.groups) {
          if (g.errorCode !== 0) {
            failed.set(g.groupId, errorNameOf(g.errorCode));
            continue;
          }
          const described = describe(g);
          if (described !== null) result.set(g.groupId, described);
        }
      });
      return result;
    });
  }

  async #consumerDescribe(connection: Connection, ids: string[]): Promise<ConsumerGroupDescribeV1Response> {
    // v1 tells classic-protocol members apart (online migration); v0 for brokers before 4.0.
    this.#consumerDescribeV1 ??= this.#admin.listApis().then((apis) => (apis.find((a) => a.apiKey === 69)?.maxVersion ?? 0) >= 1, () => false);
    return (await this.#consumerDescribeV1)
      ? consumerGroupDescribeV1.async(connection, ids, false)
      : consumerGroupDescribeV0.api.async(connection, ids, false) as unknown as Promise<ConsumerGroupDescribeV1Response>;
  }

  describeConsumerGroups(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<ConsumerGroupDescription>> {
    return this.#perGroup(groupIds, coordinators, (c, ids) => this.#consumerDescribe(c, ids), (g) => ({
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
        assignment: toAssigned(Array.isArray(m.assignment) ? m.assignment : (m.assignment as { topicPartitions: AssignedWire[] }).topicPartitions),
        targetAssignment: toAssigned(Array.isArray(m.targetAssignment) ? m.targetAssignment : (m.targetAssignment as { topicPartitions: AssignedWire[] }).topicPartitions),
        protocol: m.memberType === 0 ? 'classic' as const : m.memberType === 1 ? 'consumer' as const : null,
      })),
    }));
  }

  describeShareGroups(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<ShareGroupDescription>> {
    return this.#perGroup(groupIds, coordinators, (c, ids) => shareGroupDescribeV1.async(c, ids, false), (g) => ({
      groupId: g.groupId, state: g.groupState, groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch, assignor: g.assignorName,
      members: g.members.map((m) => ({
        memberId: m.memberId, rack: m.rackId ?? null, memberEpoch: m.memberEpoch, clientId: m.clientId, clientHost: m.clientHost,
        subscribedTopicNames: m.subscribedTopicNames, assignment: toAssigned(m.assignment),
      })),
    }));
  }

  describeStreamsGroups(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<StreamsGroupDescription>> {
    return this.#perGroup(groupIds, coordinators, (c, ids) => streamsGroupDescribeV0.async(c, ids, false), (g) => ({
      groupId: g.groupId, state: g.groupState, groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch,
      members: g.members.map((m) => ({
        memberId: m.memberId, instanceId: m.instanceId ?? null, rack: m.rackId ?? null, memberEpoch: m.memberEpoch,
        clientId: m.clientId, clientHost: m.clientHost, processId: m.processId,
        assignment: tasksAsTopicPartitions(m.assignment, g.topology),
        targetAssignment: tasksAsTopicPartitions(m.targetAssignment, g.topology),
      })),
    }));
  }

  describeClassicGroups(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<ClassicGroupDescription>> {
    return this.#perGroup(groupIds, coordinators, (c, ids) => describeGroupsV5.api.async(c, ids, false), (g) => {
      // A group that does not exist comes back as Dead with no protocol type and no error.
      if (g.groupState === 'Dead' && g.protocolType === '') return null;
      return {
        groupId: g.groupId,
        state: g.groupState,
        protocolType: g.protocolType,
        protocol: g.protocolData,
        members: g.members.map((m) => {
          const consumerProtocol = g.protocolType === 'consumer';
          const subscription = consumerProtocol && m.memberMetadata.length > 0 ? decodeConsumerProtocolSubscription(m.memberMetadata) : null;
          const assignment = consumerProtocol && m.memberAssignment.length > 0 ? decodeConsumerProtocolAssignment(m.memberAssignment) : null;
          return {
            memberId: m.memberId,
            instanceId: m.groupInstanceId ?? null,
            clientId: m.clientId,
            clientHost: m.clientHost,
            rack: subscription?.rackId ?? null,
            subscribedTopics: subscription?.topics ?? null,
            assignment: (assignment?.assignedPartitions ?? [])
              .map((a) => ({ topic: a.topic, partitions: [...a.partitions].sort((x, y) => x - y) }))
              .sort((a, b) => a.topic.localeCompare(b.topic)),
          };
        }),
      };
    });
  }

  committedOffsets(groupIds: string[], coordinators?: Coordinators): Promise<GroupAnswers<CommittedOffset[]>> {
    // As an admin: no member id, epoch -1, all topics (null).
    const request = (c: Connection, ids: string[]) => offsetFetchV9.api.async(c, ids.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null })), false);
    return this.#perGroup(groupIds, coordinators, request, (g) => {
      const offsets: CommittedOffset[] = [];
      for (const t of g.topics) {
        for (const p of t.partitions) {
          // -1 means "no committed offset".
          if (p.errorCode !== 0 || p.committedOffset < 0n) continue;
          offsets.push({ topic: t.name, partition: p.partitionIndex, offset: Number(p.committedOffset) });
        }
      }
      return offsets;
    });
  }
  logEndOffsets(topics: string[]): Promise<Map<string, Map<number, number>>> {
    return this.#guard(async () => {
      const result = new Map<string, Map<number, number>>();
      if (topics.length === 0) return result;
      const metadata = await this.#admin.metadata({ topics });
      const partitions = topics.flatMap((topic) => (metadata.topics.get(topic)?.partitions ?? []).map((_, partition) => ({ topic, partition })));
      // A partition whose leader is not ready is left out: its row shows no log end, not an error page.
      const offsets = await this.listOffsets(partitions, 'latest', { partial: true });
      for (const { topic, partition } of partitions) {
        const offset = offsets.get(partitionKey(topic, partition));
        if (offset === undefined) continue;
        const byPartition = result.get(topic) ?? new Map<number, number>();
        byPartition.set(partition, offset);
        result.set(topic, byPartition);
      }
      return result;
    });
  }

  /**
   * ListOffsets per partition leader, without a leader epoch (see askLogOffsets): the Admin's
   * wrapper sends the epoch, and a just-restarted broker refused it, failing whole sweeps.
   */
  listOffsets(partitions: PartitionRef[], spec: OffsetSpec, options: { partial?: boolean } = {}): Promise<OffsetAnswers> {
    return this.#guard(async () => {
      const result: OffsetAnswers = new Map<string, number>();
      if (partitions.length === 0) return result;
      const failed = new Map<string, string>();
      /** A strict reading throws `failure`; a partial one names the partition in `failed` with why. */
      const fail = (p: PartitionRef, why: string, failure: unknown) => {
        if (!options.partial) throw failure;
        failed.set(partitionKey(p.topic, p.partition), why);
      };
      const timestamp = spec === 'earliest' ? -2n : spec === 'latest' ? -1n : BigInt(spec.timestamp);
      const metadata = await this.#admin.metadata({ topics: [...new Set(partitions.map((p) => p.topic))], forceUpdate: true });
      const byLeader = new Map<number, Map<string, number[]>>();
      for (const p of partitions) {
        const leader = metadata.topics.get(p.topic)?.partitions[p.partition]?.leader;
        if (leader === undefined || leader < 0) {
          fail(p, 'no leader', new AppFailure('KAFKA_ERROR', `Partition ${p.topic}-${p.partition} has no leader now.`, { topic: p.topic, partition: p.partition }));
          continue;
        }
        let topics = byLeader.get(leader);
        if (!topics) byLeader.set(leader, (topics = new Map()));
        let list = topics.get(p.topic);
        if (!list) topics.set(p.topic, (list = []));
        list.push(p.partition);
      }
      const missing: PartitionRef[] = [];
      await mapLimit([...byLeader], REQUESTS_IN_FLIGHT, async ([leader, topics]) => {
        const asked = [...topics].map(([name, partitions]) => ({ name, partitions }));
        const everyPartition = asked.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })));
        const broker = metadata.brokers.get(leader);
        if (!broker) {
          const failure = new AppFailure('KAFKA_ERROR', `Broker ${leader} leads partitions but is not in the cluster metadata.`);
          for (const p of everyPartition) fail(p, `broker ${leader} is not in the metadata`, failure);
          return;
        }
        let response: Awaited<ReturnType<typeof askLogOffsets>>;
        try {
          const connection = await this.#admin.connections.get(broker);
          // Strict callers get the whole error (per-partition codes included) from #guard.
          response = options.partial ? await keepPartialResponse(askLogOffsets(connection, asked, timestamp)) : await askLogOffsets(connection, asked, timestamp);
        } catch (error) {
          const why = `broker ${leader} did not answer (${error instanceof Error ? error.message : String(error)})`;
          for (const p of everyPartition) fail(p, why, error);
          return;
        }
        for (const t of response.topics) {
          for (const p of t.partitions) {
            // Only a partial reading gets here with an error code (NOT_LEADER_OR_FOLLOWER…).
            if (p.errorCode !== 0) failed.set(partitionKey(t.name, p.partitionIndex), errorNameOf(p.errorCode));
            // A time after the last record has no offset (-1): like kafka-consumer-groups, use the log end.
            else if (p.offset < 0n) missing.push({ topic: t.name, partition: p.partitionIndex });
            else result.set(partitionKey(t.name, p.partitionIndex), Number(p.offset));
          }
        }
      });
      if (missing.length > 0 && typeof spec === 'object') {
        const ends = await this.listOffsets(missing, 'latest', options);
        for (const [k, v] of ends) result.set(k, v);
        for (const [k, why] of ends.failed ?? []) failed.set(k, why);
      }
      if (failed.size > 0) result.failed = failed;
      return result;
    });
  }

  recordTimestamps(at: Array<PartitionRef & { offset: number }>): Promise<Map<string, number | null>> {
    return this.#guard(async () => {
      const result = new Map<string, number | null>();
      if (at.length === 0) return result;
      const metadata = await this.#admin.metadata({ topics: [...new Set(at.map((a) => a.topic))] });
      const byLeader = new Map<number, Array<PartitionRef & { offset: number; topicId: string }>>();
      for (const a of at) {
        const topic = metadata.topics.get(a.topic);
        const leader = topic?.partitions[a.partition]?.leader;
        if (!topic || leader === undefined) { result.set(partitionKey(a.topic, a.partition), null); continue; }
        byLeader.set(leader, [...(byLeader.get(leader) ?? []), { ...a, topicId: topic.id }]);
      }
      await mapLimit([...byLeader], REQUESTS_IN_FLIGHT, async ([leader, wanted]) => {
        const broker = metadata.brokers.get(leader);
        if (!broker) return;
        const connection = await this.#admin.connections.get(broker);
        const topics = new Map<string, { topicId: string; partitions: Array<{ partition: number; currentLeaderEpoch: number; fetchOffset: bigint; lastFetchedEpoch: number; partitionMaxBytes: number }> }>();
        const names = new Map<string, string>();
        for (const w of wanted) {
          names.set(w.topicId, w.topic);
          const entry = topics.get(w.topicId) ?? { topicId: w.topicId, partitions: [] };
          // Small reads: only the first record's timestamp is needed.
          entry.partitions.push({ partition: w.partition, currentLeaderEpoch: -1, fetchOffset: BigInt(w.offset), lastFetchedEpoch: -1, partitionMaxBytes: 16_384 });
          topics.set(w.topicId, entry);
        }
        const response = await fetchV17.api.async(connection, 0, 1, 1_048_576, 0, 0, -1, [...topics.values()], [], '');
        for (const t of response.responses) {
          for (const p of t.partitions) {
            const name = names.get(t.topicId)!;
            const want = wanted.find((w) => w.topicId === t.topicId && w.partition === p.partitionIndex)!;
            let timestamp: number | null = null;
            for (const batch of p.records ?? []) {
              for (const record of batch.records) {
                if (batch.firstOffset + BigInt(record.offsetDelta) >= BigInt(want.offset)) {
                  timestamp = Number(batch.firstTimestamp + record.timestampDelta);
                  break;
                }
              }
              if (timestamp !== null) break;
            }
            result.set(partitionKey(name, p.partitionIndex), timestamp);
          }
        }
      });
      return result;
    });
  }

  alterOffsets(groupId: string, offsets: Array<PartitionRef & { offset: number }>): Promise<void> {
    return this.#guard(async () => {
      const byTopic = new Map<string, Array<{ partition: number; offset: bigint }>>();
      for (const o of offsets) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), { partition: o.partition, offset: BigInt(o.offset) }]);
      await this.#admin.alterConsumerGroupOffsets({ groupId, topics: [...byTopic].map(([name, partitionOffsets]) => ({ name, partitionOffsets })) });
    });
  }

  deleteGroup(groupId: string): Promise<void> {
    return this.#guard(() => this.#admin.deleteGroups({ groups: [groupId] }));
  }

  deleteOffsets(groupId: string, topic: string, partitions: number[]): Promise<void> {
    return this.#guard(async () => {
      await this.#admin.deleteConsumerGroupOffsets({ groupId, topics: [{ name: topic, partitionIndexes: partitions }] });
    });
  }

  async close(): Promise<void> {
    await this.#admin.close().catch(() => undefined);
  }
}
