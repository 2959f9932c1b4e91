// Group health, evaluated the way Burrow's evaluator does it (last N observations per partition,
// rules checked in Burrow's order), without Burrow's two known flaws:
//  1. lag is always the *current* lag (current log end − committed offset), re-evaluated on every
//     sample, not the lag frozen at the last commit;
//  2. a quiet topic (no new records during the window) never raises STOP: a consumer with nothing
//     to read is not "stopped". A backlog that nobody reads on a quiet topic is a STALL instead.
// Sluice samples offsets rather than reading every commit, so "the consumer is still committing"
// (what separates STALL from STOP in Burrow) is read as "the group still has active members".

export const partitionStatuses = ['OK', 'WARN', 'STALL', 'STOP', 'REWIND'] as const;
export type PartitionStatus = (typeof partitionStatuses)[number];
export type GroupStatus = 'OK' | 'WARN' | 'ERR';

/** One observation of a partition: the committed offset and the lag against the log end then. */
export interface WindowEntry {
  at: number;
  offset: number;
  lag: number;
  logEndOffset: number;
}

/**
 * Consecutive identical observations, kept as one run. Burrow's rules give the same verdict on
 * runs as on the expanded entries (within a run nothing changes), and an idle partition costs one
 * object instead of ten: what lets one process watch 100,000 partitions.
 */
export interface WindowRun {
  offset: number;
  lag: number;
  logEndOffset: number;
  firstAt: number;
  lastAt: number;
  count: number;
}

/** Adds an observation to a window of at most `size` observations (oldest first). */
export function appendObservation(window: WindowRun[], e: WindowEntry, size: number): void {
  const last = window[window.length - 1];
  if (last && last.offset === e.offset && last.logEndOffset === e.logEndOffset) {
    last.lastAt = e.at;
    last.count++;
  } else {
    window.push({ offset: e.offset, lag: e.lag, logEndOffset: e.logEndOffset, firstAt: e.at, lastAt: e.at, count: 1 });
  }
  let total = window.reduce((n, r) => n + r.count, 0);
  while (total > size) {
    const first = window[0]!;
    if (first.count === 1) window.shift();
    else {
      // The dropped observation's time is not kept: step the run's start by its average interval.
      first.firstAt += (first.lastAt - first.firstAt) / (first.count - 1);
      first.count--;
    }
    total--;
  }
}

export function windowOf(entries: readonly WindowEntry[], size = defaultHealthSettings.windowSize): WindowRun[] {
  const window: WindowRun[] = [];
  for (const e of entries) appendObservation(window, e, size);
  return window;
}

export interface PartitionHealthInput {
  /** Oldest first, at most `windowSize` observations in all. */
  window: readonly WindowRun[];
  currentLag: number;
  /** When the committed offset last changed (the last real commit progress we saw). */
  lastOffsetChangeAt: number;
  hasActiveMembers: boolean;
  now: number;
}

export interface PartitionHealth {
  status: PartitionStatus;
  /** Which rule fired, and the evidence, in words. */
  rule: string;
  /** False while fewer than `minEntries` observations exist: the verdict rests on current lag only. */
  complete: boolean;
}

export interface HealthSettings {
  windowSize: number;
  minEntries: number;
}
export const defaultHealthSettings: HealthSettings = { windowSize: 10, minEntries: 3 };

const seconds = (ms: number) => (ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

/**
 * Evaluates one partition. With `explain` false the rule text is left empty: the sweep evaluates
 * every partition and needs only the verdict; the sentences are built when someone looks.
 */
export function evaluatePartition(input: PartitionHealthInput, settings: HealthSettings = defaultHealthSettings, explain = true): PartitionHealth {
  const window = input.window;
  const observations = window.reduce((n, r) => n + r.count, 0);
  const complete = observations >= settings.minEntries;
  const say = (text: () => string) => (explain ? text() : '');
  if (input.currentLag === 0) return { status: 'OK', rule: say(() => 'Caught up: current lag is 0.'), complete };
  if (!complete) return { status: 'OK', rule: say(() => `Collecting observations (${observations} of ${settings.minEntries}); current lag is ${input.currentLag}.`), complete };

  const first = window[0]!;
  const last = window[window.length - 1]!;
  const span = last.lastAt - first.firstAt;
  const sinceCommit = input.now - input.lastOffsetChangeAt;
  const logEndMoved = last.logEndOffset > first.logEndOffset;

  if (!input.hasActiveMembers && sinceCommit > span && logEndMoved) {
    return {
      status: 'STOP',
      rule: say(() => `No commit progress for ${seconds(sinceCommit)} (longer than the ${seconds(span)} window), no active members, while the log end moved from ${first.logEndOffset} to ${last.logEndOffset}.`),
      complete,
    };
  }
  if (window.some((e) => e.lag === 0)) return { status: 'OK', rule: say(() => 'Lag reached 0 within the window.'), complete };
  for (let i = 1; i < window.length; i++) {
    if (window[i]!.offset < window[i - 1]!.offset) {
      return { status: 'REWIND', rule: say(() => `The committed offset went backwards, from ${window[i - 1]!.offset} to ${window[i]!.offset}.`), complete };
    }
  }
  if (window.every((e) => e.offset === first.offset)) {
    const why = logEndMoved ? 'while records keep arriving' : 'on a topic with no new records';
    return { status: 'STALL', rule: say(() => `The committed offset stayed at ${first.offset} for ${seconds(span)} with lag ${input.currentLag}, ${why}${input.hasActiveMembers ? ' and members still in the group' : ''}.`), complete };
  }
  let lagNeverDecreased = true;
  for (let i = 1; i < window.length; i++) if (window[i]!.lag < window[i - 1]!.lag) lagNeverDecreased = false;
  if (lagNeverDecreased) {
    return { status: 'WARN', rule: say(() => `Offsets move but lag never decreased over ${seconds(span)} (${first.lag} → ${last.lag}): the group is falling behind.`), complete };
  }
  return { status: 'OK', rule: say(() => 'Offsets move and lag decreases at times.'), complete };
}

const severity: Record<PartitionStatus, number> = { OK: 0, WARN: 1, STALL: 2, REWIND: 2, STOP: 2 };

/** A group takes its worst partition; STOP, STALL and REWIND count as ERR. */
export function groupStatus(partitions: ReadonlyArray<{ status: PartitionStatus }>): GroupStatus {
  let worst = 0;
  for (const p of partitions) worst = Math.max(worst, severity[p.status]);
  return worst === 2 ? 'ERR' : worst === 1 ? 'WARN' : 'OK';
}
