import { describe, expect, it } from 'vitest';
import { filterAndSortGroups } from '../../../../shared/kafka/group-filter';
import type { GroupSummary } from '../../../../shared/kafka/groups';

const g = (groupId: string, type: GroupSummary['type'], state: string, members: number | null, totalLag: number | null): GroupSummary =>
  ({ groupId, type, state, members, coordinator: null, totalLag, health: null, lagSeconds: null });
const groups = [g('payments', 'consumer', 'Stable', 3, 10), g('orders', 'classic', 'Empty', 0, null), g('audit', 'consumer', 'Reconciling', 1, 500), g('billing', 'share', 'Stable', null, null)];
const byId = { key: 'groupId' as const, descending: false };

describe('filterAndSortGroups', () => {
  it('matches every word against id, state and type', () => {
    expect(filterAndSortGroups(groups, { text: 'stable consumer', types: [], sort: byId }).map((r) => r.groupId)).toEqual(['payments']);
    expect(filterAndSortGroups(groups, { text: 'ORD', types: [], sort: byId }).map((r) => r.groupId)).toEqual(['orders']);
  });
  it('filters by type', () => {
    expect(filterAndSortGroups(groups, { text: '', types: ['classic', 'share'], sort: byId }).map((r) => r.groupId)).toEqual(['billing', 'orders']);
  });
  it('sorts lag descending with unknown lags last', () => {
    expect(filterAndSortGroups(groups, { text: '', types: [], sort: { key: 'totalLag', descending: true } }).map((r) => r.groupId)).toEqual(['audit', 'payments', 'billing', 'orders']);
  });
  it('keeps unknown values last when ascending too', () => {
    expect(filterAndSortGroups(groups, { text: '', types: [], sort: { key: 'members', descending: false } }).map((r) => r.groupId)).toEqual(['orders', 'audit', 'payments', 'billing']);
  });
  it('does not mutate its input', () => {
    const copy = [...groups];
    filterAndSortGroups(groups, { text: '', types: [], sort: { key: 'state', descending: true } });
    expect(groups).toEqual(copy);
  });
});

import { alignStepSeries, epochSteps } from '../../../../shared/kafka/series';

describe('alignStepSeries', () => {
  it('carries each series forward on the union of times, null before its first point', () => {
    const { times, values } = alignStepSeries([[[1, 10], [3, 30]], [[2, 5]]], 4);
    expect(times).toEqual([1, 2, 3, 4]);
    expect(values).toEqual([[10, 10, 30, 30], [null, 5, 5, 5]]);
  });
  it('rebuilds epoch steps from change events', () => {
    expect(epochSteps([{ at: 10, from: 3, to: 4 }, { at: 20, from: 4, to: 6 }], 6, 0)).toEqual([[0, 3], [10, 4], [20, 6]]);
    expect(epochSteps([], 7, 5)).toEqual([[5, 7]]);
  });
});
