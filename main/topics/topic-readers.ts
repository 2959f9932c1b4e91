// Which groups read which topic, for the topic list's "groups reading" column and the topic page.
// Built from the cluster the way the groups monitor sees it: ListGroups v5 (all four types),
// committed offsets (OffsetFetch, many groups per request) for classic, consumer and streams
// groups, and the subscriptions of share groups (which commit no offsets). Rebuilt at most every
// `maxAgeMs`, one build at a time; a failed build keeps the last index, marked.
import { offsetCommittingTypes, type GroupType } from '../../shared/kafka/groups';
import type { KafkaPort } from '../kafka/kafka-port';

export interface GroupPosition {
  groupId: string;
  type: GroupType;
  state: string;
  /** Committed offset per partition of the topic (empty for share groups). */
  committed: Map<number, number>;
}

export interface ReadersIndex {
  at: number;
  byTopic: Map<string, GroupPosition[]>;
  groups: number;
  /** Why the last build failed (the index is then older than `at` says it was asked). */
  problem: string | null;
}

export class TopicReadersIndex {
  #index: ReadersIndex | null = null;
  #building: Promise<ReadersIndex> | null = null;

  constructor(private readonly kafka: () => KafkaPort, private readonly maxAgeMs = 30_000, private readonly now: () => number = Date.now) {}

  /** The index, rebuilt when older than maxAgeMs (or when `fresh`). */
  async get(fresh = false): Promise<ReadersIndex> {
    const current = this.#index;
    if (current && !fresh && this.now() - current.at < this.maxAgeMs) return current;
    this.#building ??= this.#build().finally(() => { this.#building = null; });
    return this.#building;
  }

  /** After Sluice deleted a topic or records: the next read rebuilds. */
  invalidate(): void {
    this.#index = null;
  }

  async #build(): Promise<ReadersIndex> {
    const at = this.now();
    try {
      const kafka = this.kafka();
      const listed = await kafka.listGroups();
      const committing = listed.filter((g) => offsetCommittingTypes.has(g.type));
      const shares = listed.filter((g) => g.type === 'share');
      const [committed, shareGroups] = await Promise.all([
        committing.length ? kafka.committedOffsets(committing.map((g) => g.groupId)) : Promise.resolve(new Map()),
        shares.length ? kafka.describeShareGroups(shares.map((g) => g.groupId)) : Promise.resolve(new Map()),
      ]);
      const byTopic = new Map<string, GroupPosition[]>();
      const positionOf = (topic: string, group: { groupId: string; type: GroupType; state: string }) => {
        let list = byTopic.get(topic);
        if (!list) byTopic.set(topic, (list = []));
        let position = list[list.length - 1];
        if (position?.groupId !== group.groupId) list.push((position = { groupId: group.groupId, type: group.type, state: group.state, committed: new Map() }));
        return position;
      };
      for (const group of committing) {
        const offsets = [...(committed.get(group.groupId) ?? [])].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
        for (const o of offsets) positionOf(o.topic, group).committed.set(o.partition, o.offset);
      }
      for (const group of shares) {
        const described = shareGroups.get(group.groupId);
        const topics = new Set<string>();
        for (const m of described?.members ?? []) {
          for (const t of m.subscribedTopicNames) topics.add(t);
          for (const a of m.assignment) topics.add(a.topic);
        }
        for (const topic of [...topics].sort()) positionOf(topic, group);
      }
      this.#index = { at, byTopic, groups: listed.length, problem: null };
      return this.#index;
    } catch (error) {
      const problem = `The groups reading each topic could not be read (${error instanceof Error ? error.message : String(error)}).`;
      if (this.#index) {
        this.#index = { ...this.#index, problem };
        return this.#index;
      }
      throw error;
    }
  }
}
