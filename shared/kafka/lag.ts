// Offset lag arithmetic. A partition without a committed offset has no lag value at all: showing
// zero there would tell an SRE a group is caught up when it has never consumed.

/** log-end − committed, never negative (a commit can briefly run ahead of a stale log-end read). */
export function partitionLag(committedOffset: number | null, logEndOffset: number | null): number | null {
  if (committedOffset === null || committedOffset < 0 || logEndOffset === null) return null;
  return Math.max(0, logEndOffset - committedOffset);
}

/** Sum of the known partition lags; null when no partition has one. */
export function totalLag(lags: ReadonlyArray<number | null>): number | null {
  let total: number | null = null;
  for (const lag of lags) if (lag !== null) total = (total ?? 0) + lag;
  return total;
}
