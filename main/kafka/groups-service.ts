// Consumer groups as Sluice reports them. Groups are routed by type (ListGroups v5): KIP-848
// groups through ConsumerGroupDescribe, classic groups through DescribeGroups. Asking
// DescribeGroups about a KIP-848 group is the trap other consoles fall into: it answers "Dead",
// with no members and no error.
import type { BrokerRef, GroupDetail, GroupMember, GroupSummary, GroupType, PartitionOffset } from '../../shared/kafka/groups';
import { partitionLag, totalLag } from '../../shared/kafka/lag';
import { AppFailure } from '../../shared/result';
import type { AssignedTopic, CommittedOffset, KafkaPort, ListedGroup } from './kafka-port';

/** Group types whose offsets live in __consumer_offsets and are read with OffsetFetch. */
const offsetCommittingTypes: ReadonlySet<GroupType> = new Set(['classic', 'consumer', 'streams']);

const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class GroupsService {
  /** Group types seen in the last listing, so describing one group needs no full ListGroups. */
  readonly #knownTypes = new Map<string, GroupType>();

  constructor(private readonly kafka: KafkaPort) {}

  async list(): Promise<GroupSummary[]> {
    const listed = await this.kafka.listGroups();
    this.#knownTypes.clear();
    for (const g of listed) this.#knownTypes.set(g.groupId, g.type);
    const ids = listed.map((g) => g.groupId);
    const idsOf = (type: GroupType) => listed.filter((g) => g.type === type).map((g) => g.groupId);

    const [coordinators, consumerGroups, classicGroups, committed] = await Promise.all([
      this.kafka.findCoordinators(ids),
      this.kafka.describeConsumerGroups(idsOf('consumer')),
      this.kafka.describeClassicGroups(idsOf('classic')),
      this.kafka.committedOffsets(listed.filter((g) => offsetCommittingTypes.has(g.type)).map((g) => g.groupId)),
    ]);
    const topics = new Set<string>();
    for (const offsets of committed.values()) for (const o of offsets) topics.add(o.topic);
    const logEnds = await this.kafka.logEndOffsets([...topics]);

    const memberCount = (g: ListedGroup): number | null => {
      if (g.type === 'consumer') return consumerGroups.get(g.groupId)?.members.length ?? null;
      if (g.type === 'classic') return classicGroups.get(g.groupId)?.members.length ?? null;
      return null;
    };
    // DescribeGroups/ConsumerGroupDescribe are read after ListGroups; prefer their fresher state.
    const stateOf = (g: ListedGroup): string =>
      (g.type === 'consumer' ? consumerGroups.get(g.groupId)?.state : g.type === 'classic' ? classicGroups.get(g.groupId)?.state : undefined) ?? g.state;

    return listed
      .map((g) => ({
        groupId: g.groupId,
        type: g.type,
        state: stateOf(g),
        members: memberCount(g),
        coordinator: coordinators.get(g.groupId) ?? null,
        totalLag: totalLag((committed.get(g.groupId) ?? []).map((o) => partitionLag(o.offset, logEnds.get(o.topic)?.get(o.partition) ?? null))),
      }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  async #typeOf(groupId: string): Promise<GroupType> {
    const known = this.#knownTypes.get(groupId);
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
    // Share and streams groups: listed with their state; their own describe APIs come later.
    const listed = (await this.kafka.listGroups()).find((g) => g.groupId === groupId);
    if (!listed) return this.#forget(groupId);
    return {
      groupId, type, coordinator, state: listed.state,
      groupEpoch: null, assignmentEpoch: null, assignor: null,
      protocolType: listed.protocolType || null, protocol: null, members: [],
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
