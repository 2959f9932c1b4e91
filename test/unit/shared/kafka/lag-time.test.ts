import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolatedLag, ratePerSecond, recordSample, timeToDrain, timestampLag, type OffsetSample } from '../../../../shared/kafka/lag-time';

const s = (offset: number, firstAt: number, lastAt = firstAt): OffsetSample => ({ offset, firstAt, lastAt });

describe('interpolatedLag', () => {
  it('reads off when the log end passed the committed offset', () => {
    // Log end went 100 → 200 between t=10 s and t=20 s; offset 149 was produced at ~15 s.
    const lag = interpolatedLag([s(100, 0, 10_000), s(200, 20_000, 30_000)], 149, 30_000);
    expect(lag.atLeast).toBe(false);
    expect(lag.seconds).toBeCloseTo(15, 0);
  });
  it('is zero when caught up', () => expect(interpolatedLag([s(5, 0)], 5, 10_000)).toEqual({ seconds: 0, atLeast: false, method: 'interpolated' }));
  it('says "at least" when the committed offset is older than every sample', () => {
    expect(interpolatedLag([s(100, 5_000)], 50, 20_000)).toEqual({ seconds: 15, atLeast: true, method: 'lower-bound' });
    // With a produce rate (100 offsets in 5 s), 50 offsets before the oldest sample is 2.5 s further back.
    expect(interpolatedLag([s(100, 5_000), s(200, 10_000)], 50, 20_000)).toEqual({ seconds: 17.5, atLeast: false, method: 'extrapolated' });
  });
  it('is unknown without a committed offset', () => expect(interpolatedLag([s(1, 0)], null, 1)).toEqual({ seconds: null, atLeast: false }));
  it('grows with the committed offset falling further behind (monotone in offset)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 20 }), fc.nat(2000), fc.nat(2000), (steps, x, y) => {
      let offset = 0;
      const samples = steps.map((step, i) => s((offset += step), i * 1000, i * 1000 + 500));
      const now = steps.length * 1000 + 1000;
      const [older, newer] = x < y ? [x, y] : [y, x];
      const a = interpolatedLag(samples, older, now).seconds ?? 0;
      const b = interpolatedLag(samples, newer, now).seconds ?? 0;
      expect(a).toBeGreaterThanOrEqual(b - 1e-9);
    }));
  });
  it('is never negative', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }), fc.nat(2000), (steps, c) => {
      let offset = 0;
      const samples = steps.map((step, i) => s((offset += step), i * 1000, i * 1000));
      const lag = interpolatedLag(samples, c, steps.length * 1000);
      if (lag.seconds !== null) expect(lag.seconds).toBeGreaterThanOrEqual(0);
    }));
  });
});

describe('recordSample', () => {
  it('keeps one sample per value, extends its last-seen time, and caps the count', () => {
    const samples: OffsetSample[] = [];
    recordSample(samples, 1, 0, 3);
    recordSample(samples, 1, 5, 3);
    recordSample(samples, 2, 10, 3);
    recordSample(samples, 3, 15, 3);
    recordSample(samples, 4, 20, 3);
    expect(samples).toEqual([s(2, 10), s(3, 15), s(4, 20)]);
    recordSample(samples, 4, 25, 3);
    expect(samples[2]).toEqual(s(4, 20, 25));
  });
});

describe('rates and time to drain', () => {
  it('measures offsets per second', () => expect(ratePerSecond([s(0, 0), s(100, 10_000)], 10_000)).toBeCloseTo(10));
  it('drains at the net rate', () => expect(timeToDrain(100, 15, 5)).toEqual({ seconds: 10, catchingUp: true }));
  it('says "not catching up" when consumption does not outpace production', () => {
    expect(timeToDrain(100, 5, 5)).toEqual({ seconds: null, catchingUp: false });
    expect(timeToDrain(100, 2, 5)).toEqual({ seconds: null, catchingUp: false });
  });
  it('is done when there is no lag', () => expect(timeToDrain(0, 0, 0)).toEqual({ seconds: 0, catchingUp: true }));
  it('timestamp model: now − record time, zero when caught up', () => {
    expect(timestampLag(1_000, 5, 11_000)).toBe(10);
    expect(timestampLag(null, 0, 11_000)).toBe(0);
    expect(timestampLag(null, 5, 11_000)).toBeNull();
  });
});
