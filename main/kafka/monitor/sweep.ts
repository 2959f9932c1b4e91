// One sweep: the state and lag of every group on the cluster, in few requests. ListGroups and the
// log ends of every partition (one ListOffsets per leader) run side by side; coordinators are
// found once; describes and OffsetFetch batch many groups per request, a chunk at a time, so the
// first answers can be shown while the rest arrive.
import { chunk, mapLimit } from '../../../shared/common/concurrency';
import { offsetCommittingTypes, type BrokerRef, type GroupType } from '../../../shared/kafka/groups';
import type { ClassicGroupDescription, CommittedOffset, ConsumerGroupDescription, KafkaPort, ListedGroup, OffsetAnswers, ShareGroupDescription, StreamsGroupDescription } from '../kafka-port';

export interface SweptGroup {
  groupId: string;
  type: GroupType;
  state: string;
  coordinator: BrokerRef | null;
  consumer: ConsumerGroupDescription | null;
  classic: ClassicGroupDescription | null;
  share: ShareGroupDescription | null;
  streams: StreamsGroupDescription | null;
  /**
   * undefined until its OffsetFetch chunk has answered, for types that commit no offsets, and when
   * the coordinator could not answer for this group (still loading after a broker start): unknown,
   * which is not "no offsets".
   */
  committed: CommittedOffset[] | undefined;
}

export interface Sweep {
  at: number;
  durationMs: number;
  groups: SweptGroup[];
  /** topic\0partition → log-end offset */
  logEnds: Map<string, number>;
  /**
   * Partitions whose leader could not say its log end (topic\0partition → why): a restarted broker
   * answers NOT_LEADER_OR_FOLLOWER for a few seconds while it takes up its partitions. They do not
   * fail the sweep: the monitor carries their last known log end and says so.
   */
  logEndsUnanswered: ReadonlyMap<string, string>;
  complete: boolean;
}

const CHUNK = 2_000;

export async function sweepGroups(kafka: KafkaPort, onPartial?: (partial: Sweep) => void): Promise<Sweep> {
  const started = Date.now();
  const [listed, topics] = await Promise.all([kafka.listGroups(), kafka.listTopics()]);
  const logEndsPromise = kafka.listOffsets(topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition }))), 'latest', { partial: true });
  const coordinators = await kafka.findCoordinators(listed.map((g) => g.groupId));
  const groups = new Map<string, SweptGroup>(listed.map((g: ListedGroup) => [g.groupId, {
    groupId: g.groupId, type: g.type, state: g.state, coordinator: coordinators.get(g.groupId) ?? null, consumer: null, classic: null, share: null, streams: null, committed: undefined,
  }]));
  const snapshot = (logEnds: OffsetAnswers, complete: boolean): Sweep => ({
    at: started, durationMs: Date.now() - started, groups: [...groups.values()], logEnds, logEndsUnanswered: logEnds.failed ?? new Map(), complete,
  });
  let logEnds: OffsetAnswers = new Map<string, number>();
  onPartial?.(snapshot(logEnds, false));
  void logEndsPromise.then((ends) => { logEnds = ends; }, () => undefined);

  await mapLimit(chunk(listed, CHUNK), 2, async (part) => {
    const idsOf = (type: GroupType) => part.filter((g) => g.type === type).map((g) => g.groupId);
    const [consumer, classic, share, streams, committed] = await Promise.all([
      kafka.describeConsumerGroups(idsOf('consumer'), coordinators),
      kafka.describeClassicGroups(idsOf('classic'), coordinators),
      kafka.describeShareGroups(idsOf('share'), coordinators),
      kafka.describeStreamsGroups(idsOf('streams'), coordinators),
      kafka.committedOffsets(part.filter((g) => offsetCommittingTypes.has(g.type)).map((g) => g.groupId), coordinators),
    ]);
    for (const g of part) {
      const swept = groups.get(g.groupId)!;
      swept.consumer = consumer.get(g.groupId) ?? null;
      swept.classic = classic.get(g.groupId) ?? null;
      swept.share = share.get(g.groupId) ?? null;
      swept.streams = streams.get(g.groupId) ?? null;
      // Describe answers come after ListGroups: prefer their fresher state.
      swept.state = swept.consumer?.state ?? swept.classic?.state ?? swept.share?.state ?? swept.streams?.state ?? g.state;
      const unknown = !offsetCommittingTypes.has(g.type) || committed.failed?.has(g.groupId) === true;
      swept.committed = unknown ? undefined : committed.get(g.groupId) ?? [];
    }
    onPartial?.(snapshot(logEnds, false));
  });
  logEnds = await logEndsPromise;
  return snapshot(logEnds, true);
}
