// Watches what the active session's watch list names and records its changes, on a timer in main.
// It reads only what the other domains already serve: the cluster monitor's groups list and a
// group's history (state changes, epochs, members joining and leaving), the topic list, and the
// verification API's pipelines and mismatches. Bounded: the groups list is read once per look; a
// group's history (a large answer: its whole lag series) only when its look moved (state or
// members), at most `historyPerLook`, plus `inTurnPerLook` groups with members in turn (an epoch can
// move alone), `concurrency` at a time; at most `maxEntriesPerLook` entries per look. Reading every
// watched group's history in turn kept main's and the monitor's heaps churning (measured with
// `npm run bench -- --only=triage`), for events that a moved look announces anyway.
import type { GroupSummary } from '../../shared/kafka/groups';
import type { GroupHistory } from '../../shared/kafka/monitoring';
import type { Mismatch, Pipeline } from '../../shared/replication/verification';
import { mismatchLink, watchLink } from '../../shared/triage/links';
import type { Entry, NewEntry, WatchKind, WatchTarget } from '../../shared/triage/session';
import {
  groupEventChanges, groupLookChanges, groupMoved, mismatchChanges, pipelineLookChanges, restoreGroupWatch, restorePipelineWatch, topicLookChanges,
  type ChangeDraft, type GroupWatchState, type PipelineWatchState, type TopicWatchState,
} from '../../shared/triage/watch-diff';
import type { WatchItem } from '../../shared/triage/timeline';
import type { KafkaConnections } from '../kafka/connections';
import { createLogger } from '../platform/logger';
import type { ReplicationService } from '../replication/replication-service';
import type { StoredSession } from './session-store';
import { SLUICE_ACTOR, type TriageService } from './triage-service';

const log = createLogger('triage-watcher');

/** What the watcher reads; the app's come from the cluster session and the verification API. */
export interface WatchSources {
  groupSummaries(): Promise<GroupSummary[]>;
  groupHistory(groupId: string): Promise<GroupHistory>;
  topics(): Promise<Array<{ name: string; partitions: number }>>;
  pipelines(): Promise<Pipeline[]>;
  divergentMismatches(pipelineId: string): Promise<Mismatch[]>;
  mismatch(id: string): Promise<Mismatch>;
}

export function liveSources(connections: KafkaConnections, replication: ReplicationService): WatchSources {
  return {
    groupSummaries: () => connections.active().groups.list(),
    groupHistory: (groupId) => connections.active().monitor.history(groupId, 30_000),
    topics: async () => (await connections.active().client.listTopics()).map((t) => ({ name: t.name, partitions: t.partitions.length })),
    pipelines: async () => (await replication.verifier.pipelines()).items,
    divergentMismatches: async (pipelineId) => (await replication.verifier.mismatches({ pipelineId, status: 'divergent', limit: 200 })).items,
    mismatch: async (id) => (await replication.verifier.mismatch(id)).mismatch,
  };
}

export interface WatcherOptions {
  intervalMs?: number;
  historyPerLook?: number;
  inTurnPerLook?: number;
  concurrency?: number;
  maxEntriesPerLook?: number;
  /** Recorded mismatches that left the divergent list, looked up per look. */
  lookupsPerLook?: number;
}

const keyOf = (t: WatchTarget) => `${t.kind}\u0000${t.id}`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

export class Watcher {
  readonly #options: Required<WatcherOptions>;
  #sessionId: string | null = null;
  #groups = new Map<string, GroupWatchState>();
  #topics = new Map<string, TopicWatchState>();
  #pipelines = new Map<string, PipelineWatchState>();
  /** Change entries per watched thing, indexed once per session so restoring state is cheap. */
  #bySubject: Map<string, Entry[]> | null = null;
  /** Which sources are failing now: one entry when they start failing, one when they answer again. */
  readonly #failing = new Set<WatchKind>();
  #turn = 0;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;
  #closed = false;

  constructor(private readonly triage: TriageService, private readonly sources: WatchSources, options: WatcherOptions = {}) {
    this.#options = { intervalMs: 5_000, historyPerLook: 25, inTurnPerLook: 2, concurrency: 4, maxEntriesPerLook: 5_000, lookupsPerLook: 20, ...options };
  }

  start(): void {
    if (this.#timer || this.#closed) return;
    const loop = () => {
      this.#timer = setTimeout(() => {
        void this.look().finally(() => { if (!this.#closed) loop(); });
      }, this.#options.intervalMs);
      this.#timer.unref();
    };
    loop();
  }

  /** One look at everything watched; resolves with the number of entries written. Never throws. */
  look(): Promise<number> {
    this.#running ??= this.#look().catch((error: unknown) => {
      log.warn('A look at the watched things failed', error);
      return 0;
    }).finally(() => { this.#running = null; });
    return this.#running;
  }

  async #look(): Promise<number> {
    const session = this.triage.active();
    const state = this.triage.activeState();
    if (!session || !state) {
      this.#reset(null);
      return 0;
    }
    if (session.id !== this.#sessionId) this.#reset(session);
    const at = this.triage.now();
    const watches = state.watches;
    const watched = new Set(watches.map((w) => keyOf(w.target)));
    for (const map of [this.#groups, this.#topics, this.#pipelines] as Array<Map<string, unknown>>) {
      for (const key of map.keys()) if (!watched.has(key)) map.delete(key);
    }
    const drafts: ChangeDraft[] = [];
    const byKind = (kind: WatchKind) => watches.filter((w) => w.target.kind === kind);
    const groups = byKind('group');
    const topics = byKind('topic');
    const pipelines = byKind('pipeline');
    if (groups.length) drafts.push(...await this.#guarded('group', at, () => this.#lookAtGroups(session, groups, at)));
    if (topics.length) drafts.push(...await this.#guarded('topic', at, () => this.#lookAtTopics(session, topics, at)));
    if (pipelines.length) drafts.push(...await this.#guarded('pipeline', at, () => this.#lookAtPipelines(session, pipelines, at)));
    // The session may have ended while the sources answered.
    if (this.triage.active() !== session || drafts.length === 0) return 0;
    const kept = drafts.slice(0, this.#options.maxEntriesPerLook);
    const entries: NewEntry[] = kept.map((d) => ({
      kind: 'change', link: d.link ?? watchLink(d.subject), title: d.title, at: new Date(d.at).toISOString(), actor: SLUICE_ACTOR,
      data: { subject: d.subject, change: d.change, ...(d.from === undefined ? {} : { from: d.from }), ...(d.to === undefined ? {} : { to: d.to }), ...(d.detail ? { detail: d.detail } : {}) },
    }));
    if (drafts.length > kept.length) {
      entries.push({ kind: 'note', link: null, title: `${drafts.length - kept.length} more changes in this look were not recorded (more than ${this.#options.maxEntriesPerLook})`, actor: SLUICE_ACTOR, data: { markdown: 'Too many changes at once: narrow the watch list to record them all.' } });
    }
    try {
      const written = this.triage.append(entries, SLUICE_ACTOR);
      for (const entry of written) {
        if (entry.kind !== 'change') continue;
        const key = keyOf(entry.data.subject);
        const list = this.#bySubject?.get(key);
        if (list) list.push(entry);
        else this.#bySubject?.set(key, [entry]);
      }
      return written.length;
    } catch (error) {
      log.error('Could not record watched changes', error);
      return 0;
    }
  }

  /** A source that fails is one entry when it starts failing and one when it answers again, not one per look. */
  async #guarded(kind: WatchKind, at: number, read: () => Promise<ChangeDraft[]>): Promise<ChangeDraft[]> {
    const label = kind === 'group' ? 'the consumer groups' : kind === 'topic' ? 'the topics' : 'the replication pipelines';
    const subject: WatchTarget = { kind, id: '*' };
    try {
      const drafts = await read();
      if (this.#failing.delete(kind)) drafts.unshift({ subject, change: 'unreadable', at, to: false, title: `Reading ${label} again` });
      return drafts;
    } catch (error) {
      if (this.#failing.has(kind)) return [];
      this.#failing.add(kind);
      return [{ subject, change: 'unreadable', at, to: true, detail: { error: messageOf(error).slice(0, 500) }, title: `Could not read ${label}: ${messageOf(error).slice(0, 200)}` }];
    }
  }

  #reset(session: StoredSession | null) {
    this.#sessionId = session?.id ?? null;
    this.#groups = new Map();
    this.#topics = new Map();
    this.#pipelines = new Map();
    this.#failing.clear();
    this.#bySubject = null;
    if (!session) return;
    const index = new Map<string, Entry[]>();
    for (const entry of session.entries) {
      if (entry.kind !== 'change') continue;
      const key = keyOf(entry.data.subject);
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      list.push(entry);
    }
    this.#bySubject = index;
  }

  #entriesOf(target: WatchTarget): Entry[] {
    return this.#bySubject?.get(keyOf(target)) ?? [];
  }

  async #lookAtGroups(_session: StoredSession, watches: WatchItem[], at: number): Promise<ChangeDraft[]> {
    const summaries = new Map((await this.sources.groupSummaries()).map((g) => [g.groupId, g]));
    const states = watches.map((w) => {
      let state = this.#groups.get(keyOf(w.target));
      if (!state) this.#groups.set(keyOf(w.target), (state = restoreGroupWatch(this.#entriesOf(w.target), w.target.id, Date.parse(w.since))));
      const summary = summaries.get(w.target.id);
      const look = summary ? { state: summary.state, members: summary.members, lag: summary.totalLag, lagSeconds: summary.lagSeconds, health: summary.health } : null;
      return { watch: w, state, look };
    });
    // Histories: groups whose look moved, then a few others with members in turn (epochs can move alone).
    const moved = states.filter((s) => groupMoved(s.state, s.look)).slice(0, this.#options.historyPerLook);
    const movedIds = new Set(moved.map((s) => s.watch.target.id));
    const others = states.filter((s) => (s.look?.members ?? 0) > 0 && !movedIds.has(s.watch.target.id));
    const inTurn: typeof states = [];
    for (let i = 0; i < others.length && i < this.#options.inTurnPerLook; i++) inTurn.push(others[(this.#turn + i) % others.length]!);
    this.#turn = others.length ? (this.#turn + inTurn.length) % others.length : 0;
    const chosen = [...moved, ...inTurn];
    const histories = new Map<string, GroupHistory>();
    await eachLimited(chosen, this.#options.concurrency, async (s) => {
      try {
        histories.set(s.watch.target.id, await this.sources.groupHistory(s.watch.target.id));
      } catch {
        // Not observed by the monitor yet, or gone: the look alone tells what changed.
      }
    });
    const drafts: ChangeDraft[] = [];
    for (const s of states) {
      const id = s.watch.target.id;
      const history = histories.get(id);
      if (history) drafts.push(...groupEventChanges(id, history.events, s.state));
      drafts.push(...groupLookChanges(id, s.look, s.watch.thresholds, s.state, at, history !== undefined));
    }
    return drafts;
  }

  async #lookAtTopics(_session: StoredSession, watches: WatchItem[], at: number): Promise<ChangeDraft[]> {
    const topics = new Map((await this.sources.topics()).map((t) => [t.name, t]));
    return watches.flatMap((w) => {
      let state = this.#topics.get(keyOf(w.target));
      if (!state) this.#topics.set(keyOf(w.target), (state = { last: null, missing: 0, gone: false }));
      const topic = topics.get(w.target.id);
      return topicLookChanges(w.target.id, topic ? { partitions: topic.partitions } : null, state, at);
    });
  }

  async #lookAtPipelines(_session: StoredSession, watches: WatchItem[], at: number): Promise<ChangeDraft[]> {
    const pipelines = new Map((await this.sources.pipelines()).map((p) => [p.id, p]));
    const drafts: ChangeDraft[] = [];
    for (const w of watches) {
      const pipeline = pipelines.get(w.target.id);
      if (!pipeline) continue;
      let state = this.#pipelines.get(keyOf(w.target));
      if (!state) this.#pipelines.set(keyOf(w.target), (state = restorePipelineWatch(this.#entriesOf(w.target), w.target.id)));
      drafts.push(...pipelineLookChanges(w.target.id, { name: pipeline.name, pending: pipeline.openByStatus.pending, divergent: pipeline.openByStatus.divergent, verifierState: pipeline.verifierState }, state, at));
      const divergent = await this.sources.divergentMismatches(w.target.id);
      const listed = new Set(divergent.map((m) => m.id));
      const left = [...state.raised].filter((id) => !listed.has(id) && !state.resolved.has(id)).slice(0, this.#options.lookupsPerLook);
      const lookedUp: Mismatch[] = [];
      for (const id of left) {
        try {
          lookedUp.push(await this.sources.mismatch(id));
        } catch {
          // Looked up again next time.
        }
      }
      drafts.push(...mismatchChanges(w.target.id, pipeline.name, Date.parse(w.since), divergent, lookedUp, state, at, mismatchLink));
    }
    return drafts;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }
}
