// Change-only point lists (a value recorded only when it changed) aligned on one time axis for a
// chart: each series carries its last value forward, and is null before its first point.
export function alignStepSeries(series: ReadonlyArray<ReadonlyArray<readonly [number, number | null]>>, until?: number): { times: number[]; values: Array<Array<number | null>> } {
  const timeSet = new Set<number>();
  for (const points of series) for (const [t] of points) timeSet.add(t);
  if (until !== undefined && timeSet.size > 0) timeSet.add(until);
  const times = [...timeSet].sort((a, b) => a - b);
  const values = series.map((points) => {
    const out: Array<number | null> = [];
    let i = 0;
    let current: number | null = null;
    for (const t of times) {
      while (i < points.length && points[i]![0] <= t) current = points[i++]![1];
      out.push(i === 0 ? null : current);
    }
    return out;
  });
  return { times, values };
}

/** Rebuilds a stepped epoch series from "epoch changed from → to" events and the current value. */
export function epochSteps(events: ReadonlyArray<{ at: number; from: number; to: number }>, current: number | null, since: number | null): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  const first = events[0];
  if (first && since !== null && since < first.at) points.push([since, first.from]);
  for (const e of events) points.push([e.at, e.to]);
  if (points.length === 0 && current !== null && since !== null) points.push([since, current]);
  return points;
}
