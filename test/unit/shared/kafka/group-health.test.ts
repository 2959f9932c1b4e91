import { describe, expect, it } from 'vitest';
import { groupHealthFacts, lagPointMoved, stuckMembers, timeInState, worstLagSeconds, worstTimeLag, type PartitionHealthFacts, type TimeLagView } from '../../../../shared/kafka/group-health';

const exact = (interpolated: number | null, recordTimestamp: number | null = null): TimeLagView => ({ interpolated, atLeast: false, method: interpolated === null ? null : 'interpolated', recordTimestamp });
const lowerBound = (interpolated: number): TimeLagView => ({ interpolated, atLeast: true, method: 'lower-bound', recordTimestamp: null });
const partition = (over: Partial<PartitionHealthFacts>): PartitionHealthFacts => ({ status: 'OK', complete: true, lag: 0, lagSeconds: exact(0), consumeRate: null, produceRate: null, ...over });

describe('worstTimeLag', () => {
  it('takes the worst partition, with the method that produced its number', () => {
    expect(worstTimeLag([exact(5), { ...exact(40), method: 'extrapolated' }, exact(null)])).toEqual({ interpolated: 40, atLeast: false, method: 'extrapolated', recordTimestamp: null });
  });
  it('is a lower bound when any partition is one, even if an exact partition is larger', () => {
    const worst = worstTimeLag([exact(100), lowerBound(50)]);
    expect(worst).toMatchObject({ interpolated: 100, atLeast: true, method: 'interpolated' });
  });
  it('knows nothing about a group without partitions', () => {
    expect(worstTimeLag([])).toEqual({ interpolated: null, atLeast: false, method: null, recordTimestamp: null });
  });
  it('keeps the largest record-timestamp lag separately', () => {
    expect(worstTimeLag([exact(1, 30), exact(2, 10), exact(null, null)]).recordTimestamp).toBe(30);
  });
});

describe('worstLagSeconds', () => {
  it('is the largest known value, marked as a lower bound when one of the values is', () => {
    expect(worstLagSeconds([{ seconds: 3, atLeast: false }, { seconds: null, atLeast: false }, { seconds: 9, atLeast: false }])).toEqual({ seconds: 9, atLeast: false });
    expect(worstLagSeconds([{ seconds: 3, atLeast: true }, { seconds: 9, atLeast: false }])).toEqual({ seconds: 9, atLeast: true });
    expect(worstLagSeconds([{ seconds: null, atLeast: true }])).toEqual({ seconds: null, atLeast: false });
  });
});

describe('groupHealthFacts', () => {
  it('takes the worst partition as the verdict (STALL counts as ERR) and sums lags and rates', () => {
    const facts = groupHealthFacts([
      partition({ status: 'OK', lag: 10, consumeRate: 5, produceRate: 1 }),
      partition({ status: 'STALL', lag: 30, consumeRate: null, produceRate: 2 }),
    ]);
    expect(facts).toMatchObject({ status: 'ERR', lag: 40, consumeRate: 5, produceRate: 3, complete: true });
    expect(facts.drain).toEqual({ seconds: 20, catchingUp: true });
  });
  it('says "not catching up" when production outpaces consumption', () => {
    expect(groupHealthFacts([partition({ status: 'WARN', lag: 100, consumeRate: 1, produceRate: 4 })])).toMatchObject({ status: 'WARN', drain: { seconds: null, catchingUp: false } });
  });
  it('is incomplete while any partition is still collecting observations', () => {
    expect(groupHealthFacts([partition({}), partition({ complete: false })]).complete).toBe(false);
  });
  it('has no verdict, lag or rates without evaluated partitions', () => {
    expect(groupHealthFacts([])).toMatchObject({ status: null, lag: null, consumeRate: null, produceRate: null, complete: true, drain: { seconds: null, catchingUp: false } });
  });
});

describe('timeInState', () => {
  it('adds closed intervals per state and the current state up to now', () => {
    const spans = [{ state: 'Stable', from: 0, to: 100 }, { state: 'Reconciling', from: 100, to: 130 }, { state: 'Stable', from: 130, to: 200 }];
    expect(timeInState(spans, { state: 'Reconciling', since: 200 }, 260)).toEqual({ Stable: 170, Reconciling: 90 });
  });
});

describe('stuckMembers', () => {
  it('lists members behind the group epoch for at least the threshold, with how long', () => {
    const members = new Map([
      ['a', { clientId: 'c-a', memberEpoch: 3, behindSince: 1_000 }],
      ['b', { clientId: 'c-b', memberEpoch: 4, behindSince: 20_000 }],
      ['c', { clientId: 'c-c', memberEpoch: 5, behindSince: null }],
    ]);
    expect(stuckMembers(members, 31_000, 30_000)).toEqual([{ memberId: 'a', clientId: 'c-a', memberEpoch: 3, behindSince: 1_000, behindForMs: 30_000 }]);
  });
});

describe('lagPointMoved', () => {
  it('records the first point, any change in offsets, and time lag that moved by a second and 5 %', () => {
    expect(lagPointMoved(undefined, null, null)).toBe(true);
    expect(lagPointMoved({ totalLag: 5, lagSeconds: 100 }, 6, 100)).toBe(true);
    expect(lagPointMoved({ totalLag: 5, lagSeconds: 100 }, 5, 104)).toBe(false);
    expect(lagPointMoved({ totalLag: 5, lagSeconds: 100 }, 5, 105)).toBe(true);
    expect(lagPointMoved({ totalLag: 5, lagSeconds: 2 }, 5, 3)).toBe(true);
    expect(lagPointMoved({ totalLag: 5, lagSeconds: null }, 5, 0)).toBe(true);
    expect(lagPointMoved({ totalLag: 5, lagSeconds: 0 }, 5, null)).toBe(true);
  });
});
