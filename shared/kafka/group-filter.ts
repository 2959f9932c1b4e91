// Filtering and sorting of the groups table, kept pure so it can be tested and timed at 10,000 rows.
import type { GroupSummary, GroupType } from './groups';

export type GroupSortKey = 'groupId' | 'type' | 'state' | 'members' | 'totalLag' | 'lagSeconds' | 'health';

const healthRank = { OK: 0, WARN: 1, ERR: 2 } as const;

export interface GroupQuery {
  text: string;
  types: GroupType[];
  sort: { key: GroupSortKey; descending: boolean };
}

/** Text matches group id, state or type, case-insensitively; every word must match. */
export function filterAndSortGroups(groups: readonly GroupSummary[], query: GroupQuery): GroupSummary[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const types = new Set(query.types);
  const rows = groups.filter((g) => {
    if (types.size > 0 && !types.has(g.type)) return false;
    if (words.length === 0) return true;
    const haystack = `${g.groupId} ${g.state} ${g.type}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const { key, descending } = query.sort;
  const direction = descending ? -1 : 1;
  // Unknown numbers (no lag, no member count) sort last in either direction.
  // Health sorts by severity, not alphabetically.
  const valueOf = (g: GroupSummary) => (key === 'health' ? (g.health === null ? null : healthRank[g.health]) : g[key]);
  const compare = (a: GroupSummary, b: GroupSummary): number => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === y) return a.groupId.localeCompare(b.groupId);
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * direction;
    return String(x).localeCompare(String(y)) * direction;
  };
  return rows.sort(compare);
}
