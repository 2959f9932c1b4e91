import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PointRing } from '../../../../../main/kafka/monitor/point-ring';

describe('PointRing', () => {
  it('keeps points in order, grows up to its cap, then drops the oldest', () => {
    const ring = new PointRing(2, 5, 1);
    for (let i = 0; i < 8; i++) ring.push([i, i * 10]);
    expect(ring.length).toBe(5);
    expect(ring.toArray()).toEqual([[3, 30], [4, 40], [5, 50], [6, 60], [7, 70]]);
    expect(ring.last()).toEqual([7, 70]);
  });
  it('keeps null as null', () => {
    const ring = new PointRing(3, 4);
    ring.push([1, null, 2]);
    expect(ring.toArray()).toEqual([[1, null, 2]]);
  });
  it('always equals the last `cap` rows pushed', () => {
    fc.assert(fc.property(fc.array(fc.integer(), { maxLength: 60 }), fc.integer({ min: 1, max: 20 }), (values, cap) => {
      const ring = new PointRing(1, cap, 1);
      for (const v of values) ring.push([v]);
      expect(ring.toArray()).toEqual(values.slice(-cap).map((v) => [v]));
    }));
  });
});
