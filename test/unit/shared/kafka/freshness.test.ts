import { describe, expect, it } from 'vitest';
import { isStale, overdueAfterMs, sweepFreshness, type SweepTiming } from '../../../../shared/kafka/freshness';

const timing = (over: Partial<SweepTiming>): SweepTiming => ({ lastCompleteAt: 100_000, lastDurationMs: 400, inFlightSince: null, lastError: null, intervalMs: 5_000, ...over });

describe('sweepFreshness', () => {
  it('is current between sweeps and while a sweep runs as long as sweeps usually take', () => {
    expect(sweepFreshness(timing({}), 105_000)).toEqual({ asOf: 100_000, status: 'current', reason: null });
    expect(sweepFreshness(timing({ inFlightSince: 105_400 }), 108_000).status).toBe('current');
  });

  it('dates a current answer from the first sweep that gave it, so an unchanged answer stays identical', () => {
    expect(sweepFreshness(timing({ unchangedSince: 80_000 }), 105_000)).toEqual({ asOf: 80_000, status: 'current', reason: null });
    // Old data is dated by the last sweep that succeeded: that is how old it really is.
    expect(sweepFreshness(timing({ unchangedSince: 80_000, inFlightSince: 105_400 }), 111_000).asOf).toBe(100_000);
  });

  it('is overdue when a sweep has run far longer than usual (a hung broker), with the time of the last good data', () => {
    const hung = sweepFreshness(timing({ inFlightSince: 105_400 }), 111_000);
    expect(hung).toMatchObject({ asOf: 100_000, status: 'overdue' });
    expect(hung.reason).toMatch(/not answering/);
    expect(isStale(hung)).toBe(true);
  });

  it('keeps the same reason while the wait grows, so an unchanged list is not pushed again every poll', () => {
    expect(sweepFreshness(timing({ inFlightSince: 105_400 }), 111_000)).toEqual(sweepFreshness(timing({ inFlightSince: 105_400 }), 160_000));
  });

  it('is overdue as soon as the cluster stops answering the probe, before any sweep is late', () => {
    const silent = sweepFreshness(timing({ silentSince: 104_000 }), 106_100);
    expect(silent).toMatchObject({ asOf: 100_000, status: 'overdue' });
    expect(silent.reason).toMatch(/not answering/);
    // Before the first complete sweep there is nothing old to label: still partial.
    expect(sweepFreshness(timing({ lastCompleteAt: null, lastDurationMs: null, inFlightSince: 99_000, silentSince: 99_100 }), 101_200, 99_000).status).toBe('partial');
  });

  it('is partial, with its reason and not stale, when the last sweep carried some log ends; overdue and failing still win', () => {
    const carried = sweepFreshness(timing({ partialReason: '1 partition did not say its log end', unchangedSince: 80_000 }), 105_000);
    expect(carried).toEqual({ asOf: 100_000, status: 'partial', reason: '1 partition did not say its log end' });
    expect(isStale(carried)).toBe(false);
    expect(sweepFreshness(timing({ partialReason: 'x', silentSince: 104_000 }), 106_100).status).toBe('overdue');
    expect(sweepFreshness(timing({ partialReason: 'x', lastError: 'boom' }), 105_000).status).toBe('failing');
  });

  it('is overdue when no sweep ran for much longer than the interval', () => {
    expect(sweepFreshness(timing({}), 111_000).status).toBe('overdue');
  });

  it('is failing, with the error, when the last sweep failed', () => {
    expect(sweepFreshness(timing({ lastError: 'No broker answered at b1:9092.' }), 106_000)).toEqual({
      asOf: 100_000, status: 'failing', reason: 'The last reading of the cluster failed: No broker answered at b1:9092.',
    });
  });

  it('is partial while the first sweep streams in', () => {
    expect(sweepFreshness(timing({ lastCompleteAt: null, lastDurationMs: null, inFlightSince: 99_000 }), 99_500, 99_000)).toMatchObject({ asOf: 99_000, status: 'partial' });
  });

  it('waits longer before calling a slow cluster overdue: three times its usual sweep', () => {
    expect(overdueAfterMs({ lastDurationMs: 400, intervalMs: 5_000 })).toBe(5_000);
    expect(overdueAfterMs({ lastDurationMs: 4_000, intervalMs: 5_000 })).toBe(12_000);
    expect(overdueAfterMs({ lastDurationMs: 100, intervalMs: 20_000 })).toBe(20_000);
  });
});
