import { describe, expect, it } from 'vitest';
import { partitionLag, totalLag } from '../../../../shared/kafka/lag';

describe('partitionLag', () => {
  it('is log-end minus committed', () => expect(partitionLag(90, 100)).toBe(10));
  it('is zero when caught up', () => expect(partitionLag(100, 100)).toBe(0));
  it('is never negative when a commit runs ahead of a stale log-end read', () => expect(partitionLag(105, 100)).toBe(0));
  it('is null ("no offset"), not zero, without a committed offset', () => {
    expect(partitionLag(null, 100)).toBeNull();
    expect(partitionLag(-1, 100)).toBeNull();
  });
  it('is null when the log-end offset is unknown', () => expect(partitionLag(5, null)).toBeNull());
});

describe('totalLag', () => {
  it('sums the known lags and skips unknown ones', () => expect(totalLag([3, null, 4])).toBe(7));
  it('is null when no partition has a lag', () => expect(totalLag([null, null])).toBeNull());
  it('is zero (not null) when every known lag is zero', () => expect(totalLag([0, null])).toBe(0));
  it('is null for no partitions', () => expect(totalLag([])).toBeNull());
});
