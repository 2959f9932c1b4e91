// Consumer groups as Sluice reports them. Groups are routed by type (ListGroups v5): KIP-848
// groups through ConsumerGroupDescribe, classic groups through DescribeGroups. Asking
// DescribeGroups about a KIP-848 group is the trap other consoles fall into: it answers "Dead",
// with no members and no error.
import { offsetCommittingTypes, partitionKey, type BrokerRef, type GroupDetail, type GroupMember, type GroupSummary, type GroupType, type LiveGroupDetail, type PartitionOffset } from '../../shared/kafka/groups';
import { partitionLag } from '../../shared/kafka/lag';
import { AppFailure } from '../../shared/common/result';
import { withDeadline } from './deadline';
import { coordinatorLoading, coordinatorNotReady, type AssignedTopic, type CommittedOffset, type GroupAnswers, type KafkaPort } from './kafka-port';
import type { MonitorApi, MonitoredGroups } from './monitor/monitor-api';

export interface GroupsServiceOptions {
  /** How long a describe may take before the page gets the last detail read, marked (a hung broker). */
  describeTimeoutMs?: number;
  /** How long a control action waits for its fresh describe: longer, as it has no older data to show. */
  actionDescribeTimeoutMs?: number;
}

/** How long an open page's describe waits while the cluster is known not to answer. */
const SILENT_DESCRIBE_TIMEOUT_MS = 1_000;

/** Last details kept for pages that are open: a few groups, not the cluster. */
const KEPT_DETAILS = 64;

export class GroupsService {
  /** Group types seen in the last listing, so describing one group needs no full ListGroups. */
  readonly #knownTypes = new Map<string, GroupType>();
  /**
   * The last detail read per group (most recent last), for answering when the coordinator does not:
   * with when this same answer was first read and when it was last confirmed.
   */
  readonly #lastDetails = new Map<string, { detail: GroupDetail; json: string; firstReadAt: number; lastReadAt: number }>();
  /** One read per group at a time: a page polling a hung broker must not pile up requests. */
  readonly #reading = new Map<string, Promise<LiveGroupDetail>>();
  readonly #describeTimeoutMs: number;
  readonly #actionDescribeTimeoutMs: number;

  constructor(private readonly kafka: KafkaPort, private readonly monitor?: MonitorApi, options: GroupsServiceOptions = {}) {
    this.#describeTimeoutMs = options.describeTimeoutMs ?? 5_000;
    this.#actionDescribeTimeoutMs = options.actionDescribeTimeoutMs ?? 3 * this.#describeTimeoutMs;
  }

  async list(): Promise<GroupSummary[]> {
    return (await this.groupList()).groups;
  }

  /** The groups list with how old it is. */
  async groupList(): Promise<MonitoredGroups> {
    if (!this.monitor) throw new AppFailure('INTERNAL', 'The groups list needs the cluster monitor.');
    return this.monitor.groupList();
  }

  async #typeOf(groupId: string): Promise<GroupType> {
    const known = this.#knownTypes.get(groupId) ?? this.monitor?.typeOf(groupId);
    if (known) return known;
    const listed = await this.kafka.listGroups();
    for (const g of listed) this.#knownTypes.set(g.groupId, g.type);
    const type = this.#knownTypes.get(groupId);
    if (type) return type;
    // A coordinator still loading leaves its groups out of ListGroups without an error; ask it
    // about this group before saying there is none.
    const probe = await this.kafka.describeClassicGroups([groupId]);
    this.#failure(groupId, probe);
    if (probe.has(groupId)) return 'classic';
    throw new AppFailure('NOT_FOUND', `There is no group "${groupId}" on this cluster.`, { groupId });
  }

  /** Throws what a per-group error means: "still loading", "no such group", or a Kafka error. */
  #failure(groupId: string, answers: GroupAnswers<unknown>): void {
    const error = answers.failed?.get(groupId);
    if (error === undefined) return;
    if (coordinatorNotReady.has(error)) throw coordinatorLoading(error);
    if (error === 'GROUP_ID_NOT_FOUND') return this.#forget(groupId);
    throw new AppFailure('KAFKA_ERROR', `Kafka could not describe group "${groupId}": ${error}.`, { groupId, error });
  }

  /**
   * The group as the cluster describes it now, within the deadline; never older data. Control
   * actions decide on this, so a coordinator that does not answer is an error here.
   */
  describe(groupId: string): Promise<LiveGroupDetail> {
    return withDeadline(this.#read(groupId), this.#actionDescribeTimeoutMs, () => { throw this.#noAnswer(groupId, this.#actionDescribeTimeoutMs); });
  }

  /**
   * For a page that is open: the group now, or when the coordinator does not answer in time or
   * fails, the last detail read, marked overdue or failing with its age. A group that is gone is
   * still an error.
   */
  describeLive(groupId: string): Promise<LiveGroupDetail> {
    let read = this.#reading.get(groupId);
    if (!read) {
      read = this.#read(groupId).finally(() => this.#reading.delete(groupId));
      this.#reading.set(groupId, read);
    }
    const older = (status: 'overdue' | 'failing', failure: AppFailure): LiveGroupDetail => {
      const last = this.#lastDetails.get(groupId);
      if (!last) throw failure;
      return { ...last.detail, freshness: { asOf: last.lastReadAt, status, reason: failure.message } };
    };
    const failed = read.catch((error: unknown) => {
      if (error instanceof AppFailure && error.code === 'NOT_FOUND') throw error;
      return older('failing', error instanceof AppFailure ? error : new AppFailure('KAFKA_ERROR', error instanceof Error ? error.message : String(error)));
    });
    // While the monitor's probe says the cluster is silent, a page need not wait the full deadline
    // to learn what it already knows: it gets the last detail, marked, within a second.
    const deadline = this.monitor?.silentSince != null && this.#lastDetails.has(groupId) ? SILENT_DESCRIBE_TIMEOUT_MS : this.#describeTimeoutMs;
    return withDeadline(failed, deadline, () => older('overdue', this.#noAnswer(groupId, deadline)));
  }

  #noAnswer(groupId: string, ms: number): AppFailure {
    return new AppFailure('KAFKA_UNREACHABLE', `The cluster did not describe group "${groupId}" within ${Math.round(ms / 1000)} s; the broker may be hung or overloaded.`, { groupId });
  }

  async #read(groupId: string): Promise<LiveGroupDetail> {
    const readAt = Date.now();
    const detail = await this.#readDetail(groupId);
    // Reading the same answer again keeps its date, so a settled group describes identically.
    const json = JSON.stringify(detail);
    const previous = this.#lastDetails.get(groupId);
    const firstReadAt = previous?.json === json ? previous.firstReadAt : readAt;
    this.#lastDetails.delete(groupId);
    this.#lastDetails.set(groupId, { detail, json, firstReadAt, lastReadAt: readAt });
    if (this.#lastDetails.size > KEPT_DETAILS) this.#lastDetails.delete(this.#lastDetails.keys().next().value!);
    return { ...detail, freshness: { asOf: firstReadAt, status: 'current', reason: null } };
  }

  async #readDetail(groupId: string): Promise<GroupDetail> {
    const type = await this.#typeOf(groupId);
    const [coordinators, committed] = await Promise.all([
      this.kafka.findCoordinators([groupId]),
      offsetCommittingTypes.has(type) ? this.kafka.committedOffsets([groupId]) : Promise.resolve(new Map<string, CommittedOffset[]>()),
    ]);
    this.#failure(groupId, committed);
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
      const answers = await this.kafka.describeConsumerGroups([groupId]);
      this.#failure(groupId, answers);
      const group = answers.get(groupId);
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
      const answers = await this.kafka.describeClassicGroups([groupId]);
      this.#failure(groupId, answers);
      const group = answers.get(groupId);
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
      const answers = await this.kafka.describeShareGroups([groupId]);
      this.#failure(groupId, answers);
      const group = answers.get(groupId);
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
    const answers = await this.kafka.describeStreamsGroups([groupId]);
    this.#failure(groupId, answers);
    const group = answers.get(groupId);
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
    this.forget(groupId);
    throw new AppFailure('NOT_FOUND', `There is no group "${groupId}" on this cluster.`, { groupId });
  }

  /** The group is gone (Sluice deleted it, or the cluster says there is none): drop what is kept of it. */
  forget(groupId: string): void {
    this.#knownTypes.delete(groupId);
    this.#lastDetails.delete(groupId);
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
