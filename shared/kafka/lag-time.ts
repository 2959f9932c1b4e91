// Lag in time. Two models, each labelled in the UI with how it was computed:
//  - interpolation (as kafka-lag-exporter does it): from sampled (log-end offset, time) pairs,
//    read off when the log end was where the committed offset is now;
//  - timestamp at offset: the timestamp of the record at the committed offset, compared with now.
// Plus consume and produce rates and a time-to-drain estimate that says when it is not catching up.

/** A log-end (or committed) offset value and when it was first and last seen at that value. */
export interface OffsetSample {
  offset: number;
  firstAt: number;
  lastAt: number;
}

export interface TimeLag {
  seconds: number | null;
  /** True when the committed offset is older than every sample and no rate is known: the lag is at least `seconds`. */
  atLeast: boolean;
  /** How the number was read: between two samples, beyond the oldest at the observed produce rate, or a lower bound. */
  method?: 'interpolated' | 'extrapolated' | 'lower-bound';
}

/** Adds an observation, keeping one sample per distinct value and at most `cap` samples. */
export function recordSample(samples: OffsetSample[], offset: number, at: number, cap: number): void {
  const last = samples[samples.length - 1];
  if (last && last.offset === offset) {
    last.lastAt = at;
    return;
  }
  samples.push({ offset, firstAt: at, lastAt: at });
  if (samples.length > cap) samples.splice(0, samples.length - cap);
}

export function interpolatedLag(logEnd: readonly OffsetSample[], committedOffset: number | null, now: number): TimeLag {
  if (committedOffset === null || logEnd.length === 0) return { seconds: null, atLeast: false };
  const latest = logEnd[logEnd.length - 1]!;
  if (committedOffset >= latest.offset) return { seconds: 0, atLeast: false, method: 'interpolated' };
  const oldest = logEnd[0]!;
  if (committedOffset < oldest.offset) {
    // Older than every sample: extrapolate at the observed produce rate, as kafka-lag-exporter does;
    // without a rate, all we know is that it is older than the oldest sample.
    const lowerBound = Math.max(0, (now - oldest.firstAt) / 1000);
    const span = (latest.firstAt - oldest.lastAt) / 1000;
    const rate = span > 0 ? (latest.offset - oldest.offset) / span : 0;
    if (rate > 0) return { seconds: Math.max(lowerBound, lowerBound + (oldest.offset - committedOffset) / rate), atLeast: false, method: 'extrapolated' };
    return { seconds: lowerBound, atLeast: true, method: 'lower-bound' };
  }
  // The record at `committedOffset` was produced while the log end moved from a.offset to b.offset,
  // between the last time we saw a and the first time we saw b.
  for (let i = logEnd.length - 1; i > 0; i--) {
    const a = logEnd[i - 1]!;
    const b = logEnd[i]!;
    if (a.offset <= committedOffset && committedOffset < b.offset) {
      const fraction = (committedOffset - a.offset + 1) / (b.offset - a.offset);
      const producedAt = a.lastAt + fraction * (b.firstAt - a.lastAt);
      return { seconds: Math.max(0, (now - producedAt) / 1000), atLeast: false, method: 'interpolated' };
    }
  }
  return { seconds: null, atLeast: false };
}

export function timestampLag(recordTimestamp: number | null, lag: number | null, now: number): number | null {
  if (lag === 0) return 0;
  if (recordTimestamp === null) return null;
  return Math.max(0, (now - recordTimestamp) / 1000);
}

/** Offsets per second over the samples (from the first time the first value was seen). */
export function ratePerSecond(samples: readonly OffsetSample[], now: number, horizonMs = 60_000): number | null {
  if (samples.length === 0) return null;
  // One observation at one instant says nothing about a rate.
  if (samples.length === 1 && samples[0]!.lastAt === samples[0]!.firstAt) return null;
  const recent = samples.filter((s) => s.lastAt >= now - horizonMs);
  const from = recent[0] ?? samples[samples.length - 1]!;
  const to = samples[samples.length - 1]!;
  const elapsed = (Math.max(to.lastAt, now) - from.firstAt) / 1000;
  if (elapsed <= 0) return null;
  return Math.max(0, (to.offset - from.offset) / elapsed);
}

export interface Drain {
  /** Seconds until lag reaches 0 at the current rates; null when it will not. */
  seconds: number | null;
  catchingUp: boolean;
}

export function timeToDrain(lag: number | null, consumeRate: number | null, produceRate: number | null): Drain {
  if (lag === null || consumeRate === null || produceRate === null) return { seconds: null, catchingUp: false };
  if (lag === 0) return { seconds: 0, catchingUp: true };
  const net = consumeRate - produceRate;
  if (net <= 0) return { seconds: null, catchingUp: false };
  return { seconds: lag / net, catchingUp: true };
}

/** One partition's part in a group's drain: its lag and the rates measured on it. */
export interface PartitionDrainInput {
  topic: string;
  partition: number;
  lag: number;
  consumeRate: number | null;
  produceRate: number | null;
}

export type SkewedDrainStatus = 'drained' | 'draining' | 'not-catching-up' | 'unknown';

export interface SkewedDrain {
  status: SkewedDrainStatus;
  /** Seconds until the LAST partition is drained at current rates; null unless draining (0 when drained). */
  seconds: number | null;
  /**
   * The partition that decides: the slowest to drain; or, when the group will not drain, the one
   * that is not catching up (the largest lag among them); or the lagging one whose rates are not yet
   * known. Null when nothing lags.
   */
  decidedBy: { topic: string; partition: number; lag: number; seconds: number | null } | null;
  /** The estimate from the group's totals (sum of lags ÷ net rate), which hides skew: shown beside it. */
  fromTotals: Drain;
  /** Partitions with lag, and how many of those are not catching up. */
  lagging: number;
  notCatchingUp: number;
}

/**
 * Time to drain that accounts for partition skew: a group is drained when its slowest partition
 * is, and a group whose totals say "catching up" may still have a partition that falls behind (its
 * consumer is slower, or its producers faster). Each lagging partition drains at its own net rate
 * (consume − produce); the group's time is the largest, and that partition is named.
 */
export function skewedTimeToDrain(partitions: readonly PartitionDrainInput[]): SkewedDrain {
  const lagging = partitions.filter((p) => p.lag > 0);
  const sum = (values: Array<number | null>) => (values.some((v) => v === null) || values.length === 0 ? null : values.reduce<number>((n, v) => n + v!, 0));
  const totalLag = partitions.length ? partitions.reduce((n, p) => n + p.lag, 0) : null;
  const fromTotals = timeToDrain(totalLag, sum(partitions.map((p) => p.consumeRate)), sum(partitions.map((p) => p.produceRate)));
  const refOf = (p: PartitionDrainInput, seconds: number | null) => ({ topic: p.topic, partition: p.partition, lag: p.lag, seconds });
  if (lagging.length === 0) return { status: 'drained', seconds: 0, decidedBy: null, fromTotals, lagging: 0, notCatchingUp: 0 };

  const largestLag = (list: PartitionDrainInput[]) => list.reduce((a, b) => (b.lag > a.lag || (b.lag === a.lag && (b.topic < a.topic || (b.topic === a.topic && b.partition < a.partition))) ? b : a));
  const known = lagging.filter((p) => p.consumeRate !== null && p.produceRate !== null);
  const stuck = known.filter((p) => !timeToDrain(p.lag, p.consumeRate, p.produceRate).catchingUp);
  if (stuck.length > 0) {
    return { status: 'not-catching-up', seconds: null, decidedBy: refOf(largestLag(stuck), null), fromTotals, lagging: lagging.length, notCatchingUp: stuck.length };
  }
  const unknown = lagging.filter((p) => p.consumeRate === null || p.produceRate === null);
  if (unknown.length > 0) return { status: 'unknown', seconds: null, decidedBy: refOf(largestLag(unknown), null), fromTotals, lagging: lagging.length, notCatchingUp: 0 };

  let slowest: { p: PartitionDrainInput; seconds: number } | null = null;
  for (const p of known) {
    const seconds = timeToDrain(p.lag, p.consumeRate, p.produceRate).seconds!;
    if (!slowest || seconds > slowest.seconds) slowest = { p, seconds };
  }
  return { status: 'draining', seconds: slowest!.seconds, decidedBy: refOf(slowest!.p, slowest!.seconds), fromTotals, lagging: lagging.length, notCatchingUp: 0 };
}
