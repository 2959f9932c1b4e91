// Samples the whole cluster every few seconds (one sweep), keeps a bounded history per group, and
// answers the groups list, health and history from it. Polling lives here, in main; the console
// only receives what changed.
import fs from 'node:fs';
import { sweepFreshness, type Freshness } from '../../../shared/kafka/freshness';
import type { GroupSummary, GroupType } from '../../../shared/kafka/groups';
import { evaluatePartition } from '../../../shared/kafka/health';
import { offsetCommittingTypes, partitionKey, splitPartitionKey } from '../../../shared/kafka/groups';
import { interpolatedLag, ratePerSecond, recordSample, timeToDrain, timestampLag, type OffsetSample } from '../../../shared/kafka/lag-time';
import type { GroupHealth, GroupHistory } from '../../../shared/kafka/monitoring';
import { totalLag } from '../../../shared/kafka/lag';
import { AppFailure } from '../../../shared/common/result';
import { createLogger } from '../../platform/logger';
import { withDeadline } from '../deadline';
import type { KafkaPort } from '../kafka-port';
import { groupHealthFacts, stuckMembers, timeInState, worstLagSeconds } from '../../../shared/kafka/group-health';
import { newGroupTrack, observeEpochs, observeGroupLag, observeMembers, observePartitions, observeState, trackStatus, type GroupTrack } from './group-track';
import { ClusterProbe, type ProbeSettings } from './cluster-probe';
import { GroupPresence, type PresenceSettings } from './group-presence';
import { historyFile, loadHistory, saveHistory } from './history-file';
import type { MemberObservation, MonitorApi, MonitoredGroups, SweepInfo } from './monitor-api';
import { sweepGroups, type Sweep, type SweptGroup } from './sweep';

const log = createLogger('monitor');

export type { SweepInfo } from './monitor-api';
const LOG_END_SAMPLES = 120;
/** Record timestamps are a second opinion on lag: a hung broker must not hold up the health verdict. */
const RECORD_TIMESTAMPS_DEADLINE_MS = 3_000;
/** How soon a failed sweep is tried again, doubling up to the interval. */
const RETRY_FIRST_MS = 1_000;
/** While groups the monitor knows are missing from the list, how often the cluster's list is checked. */
const LIST_CHECK_MS = 500;
/** The first sweep's partial lists: at most one per this long. */
const PARTIAL_EVERY_MS = 300;

export interface MonitorOptions {
  intervalMs?: number;
  historyDir?: string;
  saveEveryMs?: number;
  /** How long a group the cluster stops listing is kept, and its history (see group-presence.ts). */
  presence?: PresenceSettings;
  /** The light probe that notices a hung broker between sweeps (cluster-probe.ts). */
  probe?: ProbeSettings;
}

export class GroupMonitor implements MonitorApi {
  readonly #tracks = new Map<string, GroupTrack>();
  readonly #logEnds = new Map<string, OffsetSample[]>();
  readonly #listeners = new Set<() => void>();
  #summaries: GroupSummary[] | null = null;
  /** What is kept of the last complete sweep: not the sweep itself, which is large. */
  #lastSweep: SweepInfo | null = null;
  readonly #types = new Map<string, GroupType>();
  #firstSweep: Promise<void>;
  /** Settles with the first list, partial or complete, or when the first sweep fails. */
  readonly #firstData: Promise<void>;
  #firstDataArrived: () => void = () => undefined;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  #clusterId: string | null = null;
  #loading: Promise<void> | null = null;
  #lastSave = Date.now();
  #lastError: unknown = null;
  #failedInARow = 0;
  /** Complete sweeps in a row in which some partitions' leaders did not say their log end. */
  #carriedInARow = 0;
  /** Why the last complete sweep carried log ends from an earlier one; null when it did not. */
  #carriedReason: string | null = null;
  /** Groups the last complete sweep did not list though the monitor knows them (see #scheduleNext). */
  #missingNow = new Set<string>();
  /** When the sweep running now started; null between sweeps. */
  #sweepStartedAt: number | null = null;
  /** Start of the first complete sweep whose list was the same as the last one's. */
  #unchangedSince: number | null = null;
  readonly #presence: GroupPresence;
  readonly #intervalMs: number;
  readonly #probe: ClusterProbe;

  constructor(private readonly kafka: KafkaPort, private readonly options: MonitorOptions = {}) {
    this.#intervalMs = options.intervalMs ?? 5_000;
    this.#presence = new GroupPresence(options.presence);
    // Falling silent and answering again change every answer's freshness: listeners hear of both.
    this.#probe = new ClusterProbe(() => this.kafka.describeCluster(), () => this.#silenceChanged(), options.probe);
    this.#probe.start();
    this.#firstData = new Promise((resolve) => { this.#firstDataArrived = resolve; });
    this.#firstSweep = this.#tick();
    void this.#firstSweep.finally(() => this.#firstDataArrived());
  }

  /**
   * The probe found the cluster silent, or answering again. Answering again after failed sweeps:
   * sweep now rather than at the end of the backoff (up to an interval), so a broker back from a
   * crash is shown current about a sweep's time after it answers.
   */
  #silenceChanged(): void {
    this.#notify();
    if (this.#probe.silentSince === null && this.#failedInARow > 0 && this.#sweepStartedAt === null) this.refresh();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Since when the cluster has not answered the probe; null while it answers. */
  get silentSince(): number | null { return this.#probe.silentSince; }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get lastSweep(): SweepInfo | null { return this.#lastSweep; }

  /** The type of a group as the last sweep listed it (or as it was while missing from the list). */
  typeOf(groupId: string): GroupType | undefined { return this.#types.get(groupId); }

  types(): Array<[string, GroupType]> { return [...this.#types]; }

  /** Loads the saved history once; a failed attempt is tried again with the next sweep. */
  #loadOnce(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#loading = null;
      throw error;
    });
    return this.#loading;
  }

  async #load(): Promise<void> {
    if (!this.options.historyDir) return;
    const clusterId = (await this.kafka.describeCluster()).clusterId;
    this.#clusterId = clusterId;
    const loaded = loadHistory(historyFile(this.options.historyDir, clusterId));
    if (!loaded) return;
    for (const [id, t] of loaded.groups) this.#tracks.set(id, t);
    for (const [k, v] of loaded.logEnds) this.#logEnds.set(k, v);
  }

  async #tick(): Promise<void> {
    if (this.#closed) return;
    try {
      // The saved history loads while the first sweep runs (it needs the cluster id, one more
      // round trip): a console opened in an incident wants its first list as early as it can.
      const loading = this.#loadOnce();
      loading.catch(() => undefined);
      const first = this.#summaries === null;
      this.#sweepStartedAt = Date.now();
      // Only the first sweep streams partial results; later ones replace the list in one step. Each
      // partial list is built, sorted and copied to main whole (10,000 rows), so they are spaced out.
      let lastPartial = 0;
      const partial = (sweep: Sweep) => {
        if (Date.now() - lastPartial < PARTIAL_EVERY_MS) return;
        lastPartial = Date.now();
        this.#publish(sweep, false);
      };
      const sweep = await sweepGroups(this.kafka, first ? partial : undefined);
      await loading;
      if (this.#closed) return;
      this.#lastError = null;
      this.#failedInARow = 0;
      this.#publish(sweep, true);
      this.#maybeSave();
    } catch (error) {
      this.#lastError = error;
      this.#failedInARow++;
      log.warn('sweep failed', error instanceof Error ? error.message : error);
      for (const listener of this.#listeners) listener();
    } finally {
      this.#sweepStartedAt = null;
      this.#scheduleNext();
    }
  }

  /**
   * The next sweep: after a failed one sooner (see #nextSweepInMs); after one that left out groups
   * the monitor knows, as soon as the cluster lists them again. A restarted broker's coordinator
   * lists no groups (or some) while it reloads, and then all of them at once: a ListGroups every
   * 500 ms (one light request) finds that moment, so the list is whole about a sweep's time after
   * the broker's is, not an interval later. A group deleted elsewhere stays missing through its
   * grace; the checks then end at the interval each time.
   */
  #scheduleNext(): void {
    if (this.#closed) return;
    if (this.#failedInARow > 0 || this.#carriedInARow > 0 || this.#missingNow.size === 0) {
      this.#timer = setTimeout(() => { this.#firstSweep = this.#tick(); }, this.#nextSweepInMs());
      return;
    }
    const deadline = Date.now() + this.#intervalMs;
    const check = () => { this.#timer = setTimeout(() => { void this.#sweepWhenListed(deadline, check); }, Math.min(LIST_CHECK_MS, Math.max(0, deadline - Date.now()))); };
    check();
  }

  async #sweepWhenListed(deadline: number, checkAgain: () => void): Promise<void> {
    const timer = this.#timer;
    let whole = false;
    try {
      const listed = new Set((await this.kafka.listGroups()).map((g) => g.groupId));
      whole = [...this.#missingNow].every((id) => listed.has(id));
    } catch {
      // The sweep will say what is wrong.
    }
    // Closed, or refresh() started a sweep meanwhile.
    if (this.#closed || this.#timer !== timer) return;
    if (whole || Date.now() >= deadline) this.#firstSweep = this.#tick();
    else checkAgain();
  }

  /**
   * After a failed sweep the next comes sooner (1 s, 2 s, 4 s, then the interval): a broker that
   * has just restarted answers its first questions with transient errors (a coordinator loading, a
   * leader epoch it has not caught up with), and the console should be current again seconds after
   * it is, not a whole interval later.
   */
  #nextSweepInMs(): number {
    // A sweep that carried log ends is retried the same way: the leaders are usually ready in seconds.
    const retries = Math.max(this.#failedInARow, this.#carriedInARow);
    if (retries === 0) return this.#intervalMs;
    return Math.min(this.#intervalMs, RETRY_FIRST_MS * 2 ** (retries - 1));
  }

  #publish(sweep: Sweep, complete: boolean) {
    const at = sweep.at;
    if (complete) {
      for (const [key, offset] of sweep.logEnds) {
        let samples = this.#logEnds.get(key);
        if (!samples) this.#logEnds.set(key, (samples = []));
        recordSample(samples, offset, at, LOG_END_SAMPLES);
      }
      this.#carryLogEnds(sweep);
      this.#lastSweep = { at: sweep.at, durationMs: sweep.durationMs, groups: sweep.groups.length, complete: true };
    }
    const listed = new Set<string>();
    const summaries = sweep.groups.map((g) => {
      listed.add(g.groupId);
      return complete ? this.#observe(g, sweep) : this.#partialSummary(g, sweep);
    });
    if (complete) {
      // A group the cluster did not list is kept, marked missing, through its grace; its history
      // goes only after the retention (a restarting broker lists no groups for a while).
      const verdict = this.#presence.afterSweep(listed, [...this.#tracks].map(([id, t]) => [id, t.lastSeen] as const), at);
      for (const id of verdict.expired) this.#tracks.delete(id);
      for (const [id, since] of verdict.missing) summaries.push(missingSummary(id, this.#tracks.get(id)!, since));
      this.#missingNow = new Set(verdict.missing.keys());
      this.#types.clear();
      for (const g of summaries) this.#types.set(g.groupId, g.type);
    }
    summaries.sort((a, b) => a.groupId.localeCompare(b.groupId));
    if (complete && (this.#unchangedSince === null || !sameSummaries(this.#summaries, summaries))) this.#unchangedSince = at;
    this.#summaries = summaries;
    this.#firstDataArrived();
    for (const listener of this.#listeners) listener();
  }

  /**
   * A partition whose leader did not say its log end (a restarted broker taking up its partitions)
   * keeps its last known one: log ends only grow, so its lag reads as at least that, and the answer
   * is marked partial with the reason instead of the whole sweep failing and the list going stale.
   */
  #carryLogEnds(sweep: Sweep): void {
    const unanswered = sweep.logEndsUnanswered;
    if (unanswered.size === 0) {
      this.#carriedInARow = 0;
      this.#carriedReason = null;
      return;
    }
    let known = 0;
    for (const key of unanswered.keys()) {
      const last = this.#logEnds.get(key)?.at(-1);
      if (!last) continue;
      sweep.logEnds.set(key, last.offset);
      known++;
    }
    const reasons = [...new Set(unanswered.values())].slice(0, 2).join(', ');
    const n = unanswered.size;
    this.#carriedInARow++;
    this.#carriedReason = `${n} partition${n === 1 ? '' : 's'} did not say ${n === 1 ? 'its' : 'their'} log end (${reasons}), as a broker does for a few seconds after it restarts: `
      + (known === n ? 'lag there is counted from the last log end known, so it is at least what is shown.'
        : `lag there is counted from the last log end known (${known} of ${n}; the others are left out), so it is at least what is shown.`);
  }

  #partialSummary(g: SweptGroup, sweep: Sweep): GroupSummary {
    const lags = g.committed?.map((o) => {
      const end = sweep.logEnds.get(partitionKey(o.topic, o.partition));
      return end === undefined ? null : Math.max(0, end - o.offset);
    });
    return {
      groupId: g.groupId, type: g.type, state: g.state,
      members: g.consumer?.members.length ?? g.classic?.members.length ?? g.share?.members.length ?? g.streams?.members.length ?? null,
      coordinator: g.coordinator, totalLag: lags ? totalLag(lags) : null,
      health: this.#tracks.get(g.groupId) ? trackStatus(this.#tracks.get(g.groupId)!) : null, lagSeconds: null, lagSecondsAtLeast: false, missingSince: null,
    };
  }

  #observe(g: SweptGroup, sweep: Sweep): GroupSummary {
    const at = sweep.at;
    let track = this.#tracks.get(g.groupId);
    if (!track) this.#tracks.set(g.groupId, (track = newGroupTrack(g.type, g.state, at)));
    observeState(track, g.type, g.state, at);
    if (g.consumer) {
      observeEpochs(track, g.consumer.groupEpoch, g.consumer.assignmentEpoch, at);
      observeMembers(track, g.consumer.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, memberEpoch: m.memberEpoch })), at);
    } else if (g.share ?? g.streams) {
      const described = (g.share ?? g.streams)!;
      observeEpochs(track, described.groupEpoch, described.assignmentEpoch, at);
      observeMembers(track, described.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, memberEpoch: m.memberEpoch })), at);
    } else if (g.classic) {
      observeMembers(track, g.classic.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, memberEpoch: null })), at);
    }
    const members = g.consumer?.members.length ?? g.classic?.members.length ?? g.share?.members.length ?? g.streams?.members.length ?? null;
    track.coordinator = g.coordinator;
    if (g.committed === undefined && offsetCommittingTypes.has(g.type)) {
      // The coordinator could not say (still loading): keep the partitions and the last lag known.
      const last = track.points.last();
      return { groupId: g.groupId, type: g.type, state: g.state, members, coordinator: g.coordinator, totalLag: last?.[1] ?? null, health: trackStatus(track), lagSeconds: last?.[2] ?? null, lagSecondsAtLeast: false, missingSince: null };
    }
    const observations = (g.committed ?? []).flatMap((o) => {
      const key = partitionKey(o.topic, o.partition);
      const logEndOffset = sweep.logEnds.get(key);
      return logEndOffset === undefined ? [] : [{ key, committedOffset: o.offset, logEndOffset }];
    });
    // A partition is forgotten when its committed offset is gone, not when its log end is unknown.
    observePartitions(track, observations, at, (members ?? 0) > 0, new Set((g.committed ?? []).map((o) => partitionKey(o.topic, o.partition))));
    const lag = g.committed === undefined ? null : totalLag(observations.map((o) => Math.max(0, o.logEndOffset - o.committedOffset)));
    const lagSeconds = worstLagSeconds(observations.map((o) => interpolatedLag(this.#logEnds.get(o.key) ?? [], o.committedOffset, at)));
    observeGroupLag(track, lag, lagSeconds.seconds, at);
    return {
      groupId: g.groupId, type: g.type, state: g.state, members, coordinator: g.coordinator, totalLag: lag, health: trackStatus(track),
      lagSeconds: lagSeconds.seconds, lagSecondsAtLeast: lagSeconds.atLeast, missingSince: null,
    };
  }

  /** How old the last complete sweep is, and whether the cluster keeps up. */
  async freshness(): Promise<Freshness> {
    return this.#freshness();
  }

  #freshness(): Freshness {
    const error = this.#lastError;
    return sweepFreshness({
      lastCompleteAt: this.#lastSweep?.at ?? null,
      lastDurationMs: this.#lastSweep?.durationMs ?? null,
      inFlightSince: this.#sweepStartedAt,
      lastError: error === null ? null : error instanceof Error ? error.message : String(error),
      intervalMs: this.#intervalMs,
      unchangedSince: this.#unchangedSince,
      silentSince: this.#probe.silentSince,
      partialReason: this.#carriedReason,
    }, Date.now(), this.#sweepStartedAt);
  }

  /**
   * The latest list (during the very first sweep, what has arrived so far). Once there is data, a
   * failing or hung cluster makes it old, never an error: groupList() says how old.
   */
  async summaries(): Promise<GroupSummary[]> {
    // A console opened at start shows the first rows as they stream in, not after the whole sweep.
    if (this.#summaries === null) await this.#firstData;
    if (this.#summaries === null) throw this.#lastError ?? new AppFailure('KAFKA_UNREACHABLE', 'The first sweep of the cluster has not finished.');
    return this.#summaries;
  }

  /** The latest list and how old it is. */
  async groupList(): Promise<MonitoredGroups> {
    return { groups: await this.summaries(), freshness: this.#freshness() };
  }

  /** Lets a group page feed the history with its faster describe polling. */
  async observeDetail(groupId: string, state: string, groupEpoch: number | null, assignmentEpoch: number | null, members: MemberObservation[]): Promise<Map<string, number | null>> {
    const track = this.#tracks.get(groupId);
    const behind = new Map<string, number | null>();
    if (!track) return behind;
    const at = Date.now();
    observeState(track, track.type, state, at);
    observeEpochs(track, groupEpoch, assignmentEpoch, at);
    observeMembers(track, members, at);
    for (const [memberId, m] of track.members) behind.set(memberId, m.behindSince);
    return behind;
  }

  #track(groupId: string): GroupTrack {
    const track = this.#tracks.get(groupId);
    if (!track) throw new AppFailure('NOT_FOUND', `Sluice has not observed a group "${groupId}" on this cluster (yet).`, { groupId });
    return track;
  }

  async health(groupId: string, withRecordTimestamps = true): Promise<GroupHealth> {
    const { freshness } = await this.groupList();
    const track = this.#track(groupId);
    const now = Date.now();
    const entries = [...track.partitions].filter(([, p]) => p.window.length > 0);
    const none = () => new Map<string, number | null>();
    const timestamps = withRecordTimestamps
      ? await withDeadline(this.kafka.recordTimestamps(entries.flatMap(([key, p]) => {
        const last = p.window[p.window.length - 1]!;
        return last.lag > 0 ? [{ ...splitPartitionKey(key), offset: last.offset }] : [];
      })).catch(none), RECORD_TIMESTAMPS_DEADLINE_MS, none)
      : none();
    const hasActiveMembers = track.members.size > 0;
    const partitions = entries.map(([key, p]) => {
      const last = p.window[p.window.length - 1]!;
      const health = evaluatePartition({ window: p.window, currentLag: last.lag, lastOffsetChangeAt: p.lastOffsetChangeAt, hasActiveMembers, now: last.lastAt });
      const logEndSamples = this.#logEnds.get(key) ?? [];
      const interpolated = interpolatedLag(logEndSamples, last.offset, now);
      const consumeRate = ratePerSecond(p.committed, now);
      const produceRate = ratePerSecond(logEndSamples, now);
      return {
        ...splitPartitionKey(key),
        status: health.status, rule: health.rule, complete: health.complete,
        committedOffset: last.offset, logEndOffset: last.logEndOffset, lag: last.lag,
        lagSeconds: { interpolated: interpolated.seconds, atLeast: interpolated.atLeast, method: interpolated.method ?? null, recordTimestamp: timestampLag(timestamps.get(key) ?? null, last.lag, now) },
        consumeRate, produceRate, drain: timeToDrain(last.lag, consumeRate, produceRate),
        window: p.window.map((r) => ({ from: r.firstAt, to: r.lastAt, count: r.count, offset: r.offset, lag: r.lag, logEndOffset: r.logEndOffset })),
      };
    }).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return {
      groupId, evaluatedAt: entries.length ? Math.max(...entries.map(([, p]) => p.window[p.window.length - 1]!.lastAt)) : null,
      ...groupHealthFacts(partitions),
      partitions,
      freshness,
    };
  }

  async history(groupId: string, stuckAfterMs: number): Promise<GroupHistory> {
    await this.summaries();
    const track = this.#track(groupId);
    const now = Date.now();
    const firstPoint = track.points.length > 0 ? track.points.at(0)[0]! : null;
    const firstSpan = track.spans[0]?.from ?? null;
    return {
      groupId, type: track.type, state: track.state,
      lag: track.points.toArray() as Array<[number, number | null, number | null]>,
      partitions: [...track.partitions].map(([key, p]) => ({ ...splitPartitionKey(key), points: p.points.toArray() as Array<[number, number]> })).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
      events: track.events,
      states: [...track.spans, { state: track.state, from: track.stateSince, to: now }],
      timeInStateMs: timeInState(track.spans, { state: track.state, since: track.stateSince }, now),
      epochs: { groupEpoch: track.groupEpoch, assignmentEpoch: track.assignmentEpoch },
      stuckMembers: stuckMembers(track.members, now, stuckAfterMs), stuckAfterMs,
      since: firstPoint === null ? firstSpan : firstSpan === null ? firstPoint : Math.min(firstPoint, firstSpan),
      generatedAt: now,
    };
  }

  /** Sluice deleted the group: it leaves the list and its history goes, now and on disk. */
  async forget(groupId: string): Promise<void> {
    this.#tracks.delete(groupId);
    this.#presence.forget(groupId);
    this.#types.delete(groupId);
    if (this.#summaries) this.#summaries = this.#summaries.filter((g) => g.groupId !== groupId);
    this.#unchangedSince = null;
    this.#maybeSave(true);
    for (const listener of this.#listeners) listener();
  }

  /** Forces the next sweep now (after a reset or delete). */
  refresh(): void {
    if (this.#closed || !this.#timer) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#firstSweep = this.#tick();
  }

  #maybeSave(force = false) {
    if (!this.options.historyDir || !this.#clusterId) return;
    if (!force && Date.now() - this.#lastSave < (this.options.saveEveryMs ?? 60_000)) return;
    this.#lastSave = Date.now();
    try {
      fs.mkdirSync(this.options.historyDir, { recursive: true });
      saveHistory(historyFile(this.options.historyDir, this.#clusterId), this.#clusterId, this.#tracks, this.#logEnds);
    } catch (error) {
      log.warn('could not save the history', error);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#probe.stop();
    if (this.#timer) clearTimeout(this.#timer);
    this.#maybeSave(true);
  }
}

/** A group the cluster stopped listing, as last observed: its last lag, state and verdict, marked missing. */
function missingSummary(groupId: string, track: GroupTrack, since: number): GroupSummary {
  const last = track.points.last();
  return {
    groupId, type: track.type, state: track.state, members: track.membersObserved ? track.members.size : null, coordinator: track.coordinator,
    totalLag: last?.[1] ?? null, health: trackStatus(track), lagSeconds: last?.[2] ?? null, lagSecondsAtLeast: false, missingSince: since,
  };
}

/** Whether two sorted lists say the same (compared field by field: 10,000 rows every sweep). */
function sameSummaries(a: readonly GroupSummary[] | null, b: readonly GroupSummary[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.groupId !== y.groupId || x.type !== y.type || x.state !== y.state || x.members !== y.members || x.totalLag !== y.totalLag
      || x.health !== y.health || x.lagSeconds !== y.lagSeconds || x.lagSecondsAtLeast !== y.lagSecondsAtLeast || x.missingSince !== y.missingSince
      || x.coordinator?.nodeId !== y.coordinator?.nodeId || x.coordinator?.host !== y.coordinator?.host || x.coordinator?.port !== y.coordinator?.port) return false;
  }
  return true;
}
