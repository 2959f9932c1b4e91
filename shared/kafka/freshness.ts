// How old a live value is, and whether its source is keeping up. Every live answer about groups
// carries this, so a page can say "data from 40 s ago" instead of showing frozen numbers as if
// they were current while a broker hangs or restarts.
import { z } from 'zod';

export const freshnessStatuses = [
  'current', // read on schedule
  'partial', // part of the reading is missing: the first one still arriving, or some log ends carried from an earlier one
  'overdue', // the next reading is late: the source has stopped answering (a hung broker)
  'failing', // the last reading failed; this is the last good data
] as const;
export type FreshnessStatus = (typeof freshnessStatuses)[number];

export const freshnessSchema = z.object({
  /**
   * When the data was read from the cluster (main's clock, epoch ms). For a current answer, the
   * first of the readings that gave this same answer (each later one confirmed it), so that an
   * unchanged answer stays identical and is not pushed again; for an overdue or failing one, the
   * last reading that succeeded: how old what is shown really is.
   */
  asOf: z.number(),
  status: z.enum(freshnessStatuses),
  /** Why the data is not current, in words a person can act on; null when current. */
  reason: z.string().nullable(),
});
export type Freshness = z.infer<typeof freshnessSchema>;

/** Whether a page should say that what it shows is old. */
export const isStale = (freshness: Freshness) => freshness.status === 'overdue' || freshness.status === 'failing';

export interface SweepTiming {
  /** Start of the last complete sweep (the time its data describes); null before the first. */
  lastCompleteAt: number | null;
  /** How long the last complete sweep took. */
  lastDurationMs: number | null;
  /** Start of the sweep running now; null between sweeps. */
  inFlightSince: number | null;
  /** The message of the last sweep's error; null when it succeeded. */
  lastError: string | null;
  intervalMs: number;
  /** The start of the first sweep whose answer was the same as the last one's. */
  unchangedSince?: number | null;
  /** Since when the cluster has not answered the monitor's light probe (main/kafka/monitor/cluster-probe.ts); null while it answers. */
  silentSince?: number | null;
  /** Why part of the last complete sweep is carried from an earlier one (partitions whose leader did not answer); null when none is. */
  partialReason?: string | null;
}

/**
 * A sweep is overdue when it has run this much longer than sweeps usually take: long enough that a
 * loaded machine does not raise false alarms, short enough that a hung broker shows within seconds.
 */
export function overdueAfterMs(timing: Pick<SweepTiming, 'lastDurationMs' | 'intervalMs'>): number {
  return Math.max(5_000, Math.min(timing.intervalMs, 30_000), 3 * (timing.lastDurationMs ?? 0));
}

/** The freshness of data from the last complete sweep, as of `now`. */
export function sweepFreshness(timing: SweepTiming, now: number, partialSince: number | null = null): Freshness {
  if (timing.lastCompleteAt === null) {
    return { asOf: partialSince ?? now, status: timing.lastError ? 'failing' : 'partial', reason: timing.lastError ?? 'The first reading of the cluster is still arriving.' };
  }
  const asOf = timing.lastCompleteAt;
  if (timing.lastError !== null) return { asOf, status: 'failing', reason: `The last reading of the cluster failed: ${timing.lastError}` };
  const limit = overdueAfterMs(timing);
  const running = timing.inFlightSince === null ? 0 : now - timing.inFlightSince;
  // Between sweeps the data may be an interval and a sweep old; beyond that the next one is late.
  const late = now - asOf - timing.intervalMs - 2 * (timing.lastDurationMs ?? 0);
  // The reason stays the same while the wait grows, so a page is not pushed a new answer every poll.
  // A cluster that has stopped answering the probe makes the data overdue before any sweep is late.
  const silent = timing.silentSince !== null && timing.silentSince !== undefined;
  if (silent || running > limit || late > limit) return { asOf, status: 'overdue', reason: 'The cluster is not answering: the next reading of its groups is overdue.' };
  if (timing.partialReason) return { asOf, status: 'partial', reason: timing.partialReason };
  return { asOf: timing.unchangedSince ?? asOf, status: 'current', reason: null };
}
