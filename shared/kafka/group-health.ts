// A group's health and lag, aggregated from its partitions: no I/O, no clock of its own. The
// monitor (main) evaluates partitions as it samples them; what a group is made of its partitions,
// how long it spent in each state, and which members are stuck are decided here.
import { groupStatus, type GroupStatus, type PartitionStatus } from './health';
import { timeToDrain, type Drain } from './lag-time';
import { totalLag } from './lag';

export type TimeLagMethod = 'interpolated' | 'extrapolated' | 'lower-bound';

/** A partition's (or a group's) lag in time, with how it was read. */
export interface TimeLagView {
  interpolated: number | null;
  /** The value is a lower bound: the real lag is at least this. */
  atLeast: boolean;
  method: TimeLagMethod | null;
  recordTimestamp: number | null;
}

/**
 * A group is as far behind as its worst partition. The maximum is a lower bound as soon as one
 * partition's value is: that partition may be further behind than the largest exact value.
 */
export function worstTimeLag(partitions: readonly TimeLagView[]): TimeLagView {
  let worst: TimeLagView | null = null;
  let recordTimestamp: number | null = null;
  for (const p of partitions) {
    if (p.interpolated !== null && (worst === null || p.interpolated > (worst.interpolated ?? -1))) worst = p;
    if (p.recordTimestamp !== null) recordTimestamp = Math.max(recordTimestamp ?? 0, p.recordTimestamp);
  }
  return {
    interpolated: worst?.interpolated ?? null,
    atLeast: partitions.some((p) => p.atLeast),
    method: worst?.method ?? null,
    recordTimestamp,
  };
}

/** The seconds of a group's worst partition for the groups list, and whether it is a lower bound. */
export function worstLagSeconds(partitions: ReadonlyArray<{ seconds: number | null; atLeast: boolean }>): { seconds: number | null; atLeast: boolean } {
  let seconds: number | null = null;
  let atLeast = false;
  for (const p of partitions) {
    if (p.seconds === null) continue;
    seconds = Math.max(seconds ?? 0, p.seconds);
    atLeast ||= p.atLeast;
  }
  return { seconds, atLeast };
}

/** What a group's verdict is made of, per partition. */
export interface PartitionHealthFacts {
  status: PartitionStatus;
  complete: boolean;
  lag: number;
  lagSeconds: TimeLagView;
  consumeRate: number | null;
  produceRate: number | null;
}

export interface GroupHealthFacts {
  /** Worst partition (STOP, STALL and REWIND count as ERR); null when no partition has been evaluated. */
  status: GroupStatus | null;
  /** False while any partition's verdict rests on too few observations. */
  complete: boolean;
  /** Sum of the partitions' lags; null when there are none. */
  lag: number | null;
  lagSeconds: TimeLagView;
  /** Records per second over all partitions; null when no partition has a rate yet. */
  consumeRate: number | null;
  produceRate: number | null;
  drain: Drain;
}

/** The group's verdict from its evaluated partitions. */
export function groupHealthFacts(partitions: readonly PartitionHealthFacts[]): GroupHealthFacts {
  const lag = partitions.length ? partitions.reduce((n, p) => n + p.lag, 0) : null;
  const consumeRate = totalLag(partitions.map((p) => p.consumeRate));
  const produceRate = totalLag(partitions.map((p) => p.produceRate));
  return {
    status: partitions.length ? groupStatus(partitions) : null,
    complete: partitions.every((p) => p.complete),
    lag,
    lagSeconds: worstTimeLag(partitions.map((p) => p.lagSeconds)),
    consumeRate,
    produceRate,
    drain: timeToDrain(lag, consumeRate, produceRate),
  };
}

/** Milliseconds spent per state: the closed intervals plus the current one up to `now`. */
export function timeInState(spans: ReadonlyArray<{ state: string; from: number; to: number }>, current: { state: string; since: number }, now: number): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const span of spans) totals[span.state] = (totals[span.state] ?? 0) + (span.to - span.from);
  totals[current.state] = (totals[current.state] ?? 0) + (now - current.since);
  return totals;
}

export interface StuckMember {
  memberId: string;
  clientId: string;
  memberEpoch: number | null;
  behindSince: number;
  behindForMs: number;
}

/** KIP-848 members whose epoch has been behind the group epoch for at least `stuckAfterMs`. */
export function stuckMembers(members: Iterable<readonly [string, { clientId: string; memberEpoch: number | null; behindSince: number | null }]>, now: number, stuckAfterMs: number): StuckMember[] {
  const stuck: StuckMember[] = [];
  for (const [memberId, m] of members) {
    if (m.behindSince !== null && now - m.behindSince >= stuckAfterMs) stuck.push({ memberId, clientId: m.clientId, memberEpoch: m.memberEpoch, behindSince: m.behindSince, behindForMs: now - m.behindSince });
  }
  return stuck;
}

/**
 * Whether a group's lag moved enough to record a chart point: the lag in offsets changed, or the
 * lag in time (whole seconds) moved by at least a second and 5 %. Time lag grows every second a
 * backlog waits; recording each tick would fill every group's history with a straight line.
 */
export function lagPointMoved(previous: { totalLag: number | null; lagSeconds: number | null } | undefined, totalLag: number | null, lagSeconds: number | null): boolean {
  if (!previous) return true;
  if (previous.totalLag !== totalLag) return true;
  if ((lagSeconds === null) !== (previous.lagSeconds === null)) return true;
  return lagSeconds !== null && previous.lagSeconds !== null && Math.abs(lagSeconds - previous.lagSeconds) >= Math.max(1, 0.05 * previous.lagSeconds);
}
