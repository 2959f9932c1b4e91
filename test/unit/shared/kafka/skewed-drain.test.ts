// Time to drain that accounts for partition skew (issue 11, 7c): the slowest partition decides.
import { describe, expect, it } from 'vitest';
import { skewedTimeToDrain, type PartitionDrainInput } from '../../../../shared/kafka/lag-time';

const p = (partition: number, lag: number, consumeRate: number | null, produceRate: number | null, topic = 'orders'): PartitionDrainInput => ({ topic, partition, lag, consumeRate, produceRate });

describe('skewedTimeToDrain', () => {
  it('is drained when no partition lags', () => {
    expect(skewedTimeToDrain([p(0, 0, 5, 5), p(1, 0, null, null)])).toMatchObject({ status: 'drained', seconds: 0, decidedBy: null, lagging: 0 });
  });

  it('takes the slowest partition, not the totals, and names it', () => {
    // Totals: 1,100 lag at a net (37 − 16) 21/s → 52 s. But partition 1 drains at 1/s: 100 s.
    const drain = skewedTimeToDrain([p(0, 1_000, 30, 10), p(1, 100, 2, 1), p(2, 0, 5, 5)]);
    expect(drain.status).toBe('draining');
    expect(drain.seconds).toBeCloseTo(100);
    expect(drain.decidedBy).toEqual({ topic: 'orders', partition: 1, lag: 100, seconds: 100 });
    expect(drain.fromTotals.seconds).toBeCloseTo(1_100 / 21);
    expect(drain.lagging).toBe(2);
  });

  it('never drains when one lagging partition falls behind, though the totals say it catches up', () => {
    const drain = skewedTimeToDrain([p(0, 5_000, 100, 10), p(1, 300, 4, 6), p(2, 50, 1, 1)]);
    expect(drain.fromTotals.catchingUp).toBe(true);
    expect(drain).toMatchObject({ status: 'not-catching-up', seconds: null, notCatchingUp: 2 });
    // Of the two not catching up, the one with more lag is named.
    expect(drain.decidedBy).toMatchObject({ partition: 1, lag: 300 });
  });

  it('says it is still measuring when a lagging partition has no rates yet', () => {
    expect(skewedTimeToDrain([p(0, 10, 5, 1), p(1, 20, null, 1)])).toMatchObject({ status: 'unknown', decidedBy: { partition: 1 } });
  });

  it('a partition with no lag never decides, however slow its consumer', () => {
    expect(skewedTimeToDrain([p(0, 0, 0, 50), p(1, 10, 2, 1)])).toMatchObject({ status: 'draining', seconds: 10, decidedBy: { partition: 1 } });
  });

  it('compares across topics and names the topic', () => {
    expect(skewedTimeToDrain([p(0, 10, 2, 1, 'a'), p(0, 10, 1.5, 1, 'b')]).decidedBy).toMatchObject({ topic: 'b', partition: 0, seconds: 20 });
  });
});
