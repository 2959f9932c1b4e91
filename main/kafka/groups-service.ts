// Consumer groups as Sluice reports them. Groups are routed by type (ListGroups v5): KIP-848
// groups through ConsumerGroupDescribe, classic groups through DescribeGroups. Asking
// DescribeGroups about a KIP-848 group is the trap other consoles fall into: it answers "Dead",
// with no members and no error.
import { offsetCommittingTypes, partitionKey, type BrokerRef, type GroupDetail, type GroupMember, type GroupSummary, type GroupType, type PartitionOffset } from '../../shared/kafka/groups';
import { partitionLag } from '../../shared/kafka/lag';
import { AppFailure } from '../../shared/common/result';
import type { AssignedTopic, CommittedOffset, KafkaPort } from './kafka-port';
import type { MonitorApi } from './monitor/monitor-api';



export class GroupsService {
  /** Group types seen in the last listing, so describing one group needs no full ListGroups. */
  readonly #knownTypes = new Map<string, GroupType>();

  constructor(private readonly kafka: KafkaPort, private readonly monitor?: MonitorApi) {}

  async list(): Promise<GroupSummary[]> {
    if (!this.monitor) throw new AppFailure('INTERNAL', 'The groups list needs the cluster monitor.');
    return this.monitor.summaries();
  }

  async #typeOf(groupId: string): Promise<GroupType> {
    const known = this.#knownTypes.get(groupId) ?? this.monitor?.typeOf(groupId);
    if (known) return known;
    const listed = await this.kafka.listGroups();
    for (const g of listed) this.#knownTypes.set(g.groupId, g.type);
    const type = this.#knownTypes.get(groupId);
    if (!type) throw new AppFailure('NOT_FOUND', `There is no group "${groupId}" on this cluster.`, { groupId });
    return type;
  }

  async describe(groupId: string): Promise<GroupDetail> {
    const type = await this.#typeOf(groupId);
    const [coordinators, committed] = await Promise.all([
      this.kafka.findCoordinators([groupId]),
      offsetCommittingTypes.has(type) ? this.kafka.committedOffsets([groupId]) : Promise.resolve(new Map<string, CommittedOffset[]>()),
    ]);
    const coordinator = coordinators.get(groupId) ?? null;
    const base = await this.#describeByType(groupId, type, coordinator);
    const offsets = await this.#partitionOffsets(base.members, committed.get(groupId) ?? []);
    if (type === 'consumer' && this.monitor) {
      // The group page polls faster than the sweep: feed the rebalance history, and learn since
      // when each member has been behind the group epoch.
      const behindSince = await this.monitor.observeDetail(groupId, base.state, base.groupEpoch, base.assignmentEpoch, base.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, memberEpoch: m.memberEpoch })));
      base.members = base.members.map((m) => ({ ...m, epochBehindSince: behindSince.get(m.memberId) ?? null }));
    }
    return { ...base, offsets };
  }

  async #describeByType(groupId: string, type: GroupType, coordinator: BrokerRef | null): Promise<Omit<GroupDetail, 'offsets'>> {
    if (type === 'consumer') {
      const group = (await this.kafka.describeConsumerGroups([groupId])).get(groupId);
      if (!group) return this.#forget(groupId);
      return {
        groupId, type, coordinator,
        state: group.state,
        groupEpoch: group.groupEpoch,
        assignmentEpoch: group.assignmentEpoch,
        assignor: group.assignor,
        protocolType: 'consumer',
        protocol: null,
        members: group.members.map((m): GroupMember => ({
          memberId: m.memberId,
          instanceId: m.instanceId,
          clientId: m.clientId,
          host: m.clientHost,
          rack: m.rack,
          memberEpoch: m.memberEpoch,
          subscribedTopics: m.subscribedTopicNames,
          subscribedTopicRegex: m.subscribedTopicRegex,
          assignment: m.assignment,
          targetAssignment: m.targetAssignment,
          protocol: m.protocol ?? null,
        })),
      };
    }
    if (type === 'classic') {
      const group = (await this.kafka.describeClassicGroups([groupId])).get(groupId);
      // A classic group that no longer exists is reported as Dead with no protocol type.
      if (!group || (group.state === 'Dead' && group.protocolType === '')) return this.#forget(groupId);
      return {
        groupId, type, coordinator,
        state: group.state,
        groupEpoch: null,
        assignmentEpoch: null,
        assignor: null,
        protocolType: group.protocolType,
        protocol: group.protocol || null,
        members: group.members.map((m): GroupMember => ({
          memberId: m.memberId,
          instanceId: m.instanceId,
          clientId: m.clientId,
          host: m.clientHost,
          rack: m.rack,
          memberEpoch: null,
          subscribedTopics: m.subscribedTopics,
          subscribedTopicRegex: null,
          assignment: m.assignment,
          targetAssignment: null,
        })),
      };
    }
    if (type === 'share') {
      const group = (await this.kafka.describeShareGroups([groupId])).get(groupId);
      if (!group) return this.#forget(groupId);
      return {
        groupId, type, coordinator,
        state: group.state,
        groupEpoch: group.groupEpoch,
        assignmentEpoch: group.assignmentEpoch,
        assignor: group.assignor,
        protocolType: 'share',
        protocol: null,
        members: group.members.map((m): GroupMember => ({
          memberId: m.memberId, instanceId: null, clientId: m.clientId, host: m.clientHost, rack: m.rack,
          memberEpoch: m.memberEpoch, subscribedTopics: m.subscribedTopicNames, subscribedTopicRegex: null,
          // Share groups have no client-side reconciliation: the assignment is the target.
          assignment: m.assignment, targetAssignment: null,
        })),
      };
    }
    const group = (await this.kafka.describeStreamsGroups([groupId])).get(groupId);
    if (!group) return this.#forget(groupId);
    return {
      groupId, type, coordinator,
      state: group.state,
      groupEpoch: group.groupEpoch,
      assignmentEpoch: group.assignmentEpoch,
      assignor: null,
      protocolType: 'streams',
      protocol: null,
      members: group.members.map((m): GroupMember => ({
        memberId: m.memberId, instanceId: m.instanceId, clientId: m.clientId, host: m.clientHost, rack: m.rack,
        memberEpoch: m.memberEpoch, subscribedTopics: null, subscribedTopicRegex: null,
        // Active tasks, read as the source-topic partitions they consume.
        assignment: m.assignment, targetAssignment: m.targetAssignment,
      })),
    };
  }

  #forget(groupId: string): never {
    this.#knownTypes.delete(groupId);
    throw new AppFailure('NOT_FOUND', `There is no group "${groupId}" on this cluster.`, { groupId });
  }

  /** One row per partition the group has committed to or is assigned; "no offset" stays null. */
  async #partitionOffsets(members: GroupMember[], committed: CommittedOffset[]): Promise<PartitionOffset[]> {
    const owner = new Map<string, string>();
    const rows = new Map<string, { topic: string; partition: number; committedOffset: number | null }>();
    const addAssigned = (memberId: string, assignment: AssignedTopic[]) => {
      for (const { topic, partitions } of assignment) {
        for (const partition of partitions) {
          owner.set(partitionKey(topic, partition), memberId);
          if (!rows.has(partitionKey(topic, partition))) rows.set(partitionKey(topic, partition), { topic, partition, committedOffset: null });
        }
      }
    };
    for (const m of members) addAssigned(m.memberId, m.assignment);
    for (const o of committed) rows.set(partitionKey(o.topic, o.partition), { topic: o.topic, partition: o.partition, committedOffset: o.offset });
    const logEnds = await this.kafka.logEndOffsets([...new Set([...rows.values()].map((r) => r.topic))]);
    return [...rows.values()]
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
      .map((r) => {
        const logEndOffset = logEnds.get(r.topic)?.get(r.partition) ?? null;
        return {
          topic: r.topic,
          partition: r.partition,
          committedOffset: r.committedOffset,
          logEndOffset,
          lag: partitionLag(r.committedOffset, logEndOffset),
          memberId: owner.get(partitionKey(r.topic, r.partition)) ?? null,
        };
      });
  }
}
