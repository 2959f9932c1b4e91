// The palette's results for one query: per source, its best matches (a few, so 10,000 groups never
// reach the DOM) and how many matched in all; the sources ordered by their best match, so what the
// user most likely means is at the top whatever its kind. Pure: tested and timed without a browser.
import { normalizeQuery, rank, type Hit } from './match';
import type { PaletteItem, PaletteSource, SourceSnapshot } from './palette-source';

export interface ResultGroup {
  source: PaletteSource;
  /** How many items of this source matched; more than hits.length when the rest were left out. */
  total: number;
  hits: Hit<PaletteItem>[];
}

/** Matches shown per kind: enough to choose from, few enough to read at a glance. */
export const RESULTS_PER_KIND = 6;

export function paletteResults(
  query: string,
  sources: readonly PaletteSource[],
  snapshots: Readonly<Record<string, SourceSnapshot | undefined>>,
  perKind = RESULTS_PER_KIND,
): ResultGroup[] {
  const normalized = normalizeQuery(query);
  const groups: ResultGroup[] = [];
  for (const source of sources) {
    const snapshot = snapshots[source.kind];
    if (!snapshot || (normalized === '' && !source.showWhenEmpty)) continue;
    // Before anything is typed a source lists itself in its own order, all of it.
    const { total, hits } = rank(normalized, snapshot.items, normalized === '' ? snapshot.items.length : perKind);
    if (hits.length > 0) groups.push({ source, total, hits });
  }
  // Stable: sources whose best matches tie keep their listed order.
  return groups.sort((a, b) => b.hits[0]!.score - a.hits[0]!.score);
}
