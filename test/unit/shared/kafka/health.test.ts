import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePartition as evaluateRuns, groupStatus, windowOf, appendObservation, type PartitionHealthInput, type WindowEntry, type WindowRun } from '../../../../shared/kafka/health';

// Tests speak in plain observations; the evaluator takes them run-length encoded.
const evaluatePartition = (input: Omit<PartitionHealthInput, 'window'> & { window: WindowEntry[] }) => evaluateRuns({ ...input, window: windowOf(input.window) });

const entries = (rows: Array<[offset: number, logEnd: number]>, start = 0, step = 5_000): WindowEntry[] =>
  rows.map(([offset, logEndOffset], i) => ({ at: start + i * step, offset, logEndOffset, lag: Math.max(0, logEndOffset - offset) }));
const base = { hasActiveMembers: true, now: 50_000, lastOffsetChangeAt: 45_000 };

describe('evaluatePartition (Burrow rules, current lag)', () => {
  it('is OK when caught up, whatever the window says', () => {
    const window = entries([[10, 50], [10, 60], [10, 70]]);
    expect(evaluatePartition({ ...base, window, currentLag: 0 }).status).toBe('OK');
  });
  it('is WARN when offsets move but lag never decreases (falling behind)', () => {
    const window = entries([[10, 20], [15, 30], [20, 40], [25, 55]]);
    const health = evaluatePartition({ ...base, window, currentLag: 30 });
    expect(health.status).toBe('WARN');
    expect(health.rule).toMatch(/never decreased/);
  });
  it('is STALL when a consumer with members sits on one offset with lag', () => {
    const window = entries([[10, 20], [10, 25], [10, 30]]);
    expect(evaluatePartition({ ...base, window, currentLag: 20 }).status).toBe('STALL');
  });
  it('is STOP when nobody commits, no member is left, and records keep arriving', () => {
    const window = entries([[10, 20], [10, 25], [10, 30]]);
    const health = evaluatePartition({ ...base, hasActiveMembers: false, lastOffsetChangeAt: -60_000, window, currentLag: 20 });
    expect(health.status).toBe('STOP');
    expect(health.rule).toMatch(/no active members/);
  });
  it('never raises STOP on a quiet topic (no new records in the window): a backlog nobody reads is a STALL', () => {
    const window = entries([[10, 30], [10, 30], [10, 30]]);
    const health = evaluatePartition({ ...base, hasActiveMembers: false, lastOffsetChangeAt: -600_000, window, currentLag: 20 });
    expect(health.status).toBe('STALL');
    expect(health.rule).toMatch(/no new records/);
  });
  it('re-evaluates lag against the current log end: a consumer idle on a caught-up quiet topic is OK', () => {
    // Burrow would call this STOP (old commit); with current lag 0 it is simply caught up.
    const window = entries([[30, 30], [30, 30], [30, 30]]);
    expect(evaluatePartition({ ...base, hasActiveMembers: false, lastOffsetChangeAt: -3_600_000, window, currentLag: 0 }).status).toBe('OK');
  });
  it('is REWIND when the committed offset went backwards', () => {
    const window = entries([[100, 150], [40, 160], [45, 170]]);
    expect(evaluatePartition({ ...base, window, currentLag: 125 }).status).toBe('REWIND');
  });
  it('is OK when lag touched zero in the window', () => {
    const window = entries([[20, 20], [20, 25], [20, 30]]);
    expect(evaluatePartition({ ...base, window, currentLag: 10 }).status).toBe('OK');
  });
  it('is an incomplete OK while the window is still filling', () => {
    expect(evaluatePartition({ ...base, window: entries([[1, 50]]), currentLag: 49 })).toMatchObject({ status: 'OK', complete: false });
  });
});

const windowArb = fc.array(fc.tuple(fc.nat(1000), fc.nat(1000)), { minLength: 1, maxLength: 12 }).map((rows) => {
  // Log ends never go backwards; offsets are whatever consumers committed.
  let logEnd = 0;
  return rows.map(([offset, grow], i) => {
    logEnd += grow;
    return { at: i * 5_000, offset: Math.min(offset, logEnd), logEndOffset: logEnd, lag: Math.max(0, logEnd - Math.min(offset, logEnd)) };
  });
});

describe('evaluatePartition properties', () => {
  it('a partition with zero current lag is always OK', () => {
    fc.assert(fc.property(windowArb, fc.boolean(), (window, members) => {
      expect(evaluatePartition({ window, currentLag: 0, hasActiveMembers: members, lastOffsetChangeAt: 0, now: 100_000 }).status).toBe('OK');
    }));
  });
  it('a quiet topic (log end unchanged over the window) never raises STOP', () => {
    fc.assert(fc.property(fc.nat(1000), fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }), fc.nat(10_000_000), (logEnd, offsets, idle) => {
      const window = offsets.map((o, i) => ({ at: i * 5_000, offset: Math.min(o, logEnd), logEndOffset: logEnd, lag: logEnd - Math.min(o, logEnd) }));
      const currentLag = window[window.length - 1]!.lag;
      const h = evaluatePartition({ window, currentLag, hasActiveMembers: false, lastOffsetChangeAt: -idle, now: 60_000 });
      expect(h.status).not.toBe('STOP');
    }));
  });
  it('a group with active members is never STOP', () => {
    fc.assert(fc.property(windowArb, fc.nat(1000), (window, lag) => {
      expect(evaluatePartition({ window, currentLag: lag, hasActiveMembers: true, lastOffsetChangeAt: -1e9, now: 1e6 }).status).not.toBe('STOP');
    }));
  });
  it('always explains itself', () => {
    fc.assert(fc.property(windowArb, fc.nat(1000), fc.boolean(), (window, lag, members) => {
      expect(evaluatePartition({ window, currentLag: lag, hasActiveMembers: members, lastOffsetChangeAt: 0, now: 1e6 }).rule.length).toBeGreaterThan(10);
    }));
  });
  it('only a monotonically non-decreasing offset sequence avoids REWIND', () => {
    fc.assert(fc.property(windowArb, (window) => {
      const h = evaluatePartition({ window, currentLag: 1, hasActiveMembers: true, lastOffsetChangeAt: 0, now: 1e6 });
      const last10 = window.slice(-10);
      const rewound = last10.some((e, i) => i > 0 && e.offset < last10[i - 1]!.offset);
      if (h.status === 'REWIND') expect(rewound).toBe(true);
    }));
  });
});

describe('window runs', () => {
  it('collapse identical observations and keep at most N in all', () => {
    const window: WindowRun[] = [];
    for (let i = 0; i < 12; i++) appendObservation(window, { at: i * 1000, offset: 5, logEndOffset: 9, lag: 4 }, 10);
    expect(window).toHaveLength(1);
    expect(window[0]).toMatchObject({ count: 10, lastAt: 11_000 });
    expect(window[0]!.firstAt).toBeCloseTo(2_000);
    appendObservation(window, { at: 12_000, offset: 6, logEndOffset: 9, lag: 3 }, 10);
    expect(window.map((r) => r.count)).toEqual([9, 1]);
  });
  it('give the same verdicts as the expanded observations', () => {
    fc.assert(fc.property(windowArb, fc.nat(1000), fc.boolean(), (entries, lag, members) => {
      const runs = windowOf(entries);
      const a = evaluateRuns({ window: runs, currentLag: lag, hasActiveMembers: members, lastOffsetChangeAt: 0, now: 1e6 });
      // Reference: each observation its own run.
      const singles = entries.slice(-10).map((e) => ({ offset: e.offset, lag: e.lag, logEndOffset: e.logEndOffset, firstAt: e.at, lastAt: e.at, count: 1 }));
      const b = evaluateRuns({ window: singles, currentLag: lag, hasActiveMembers: members, lastOffsetChangeAt: 0, now: 1e6 });
      expect(a.status).toBe(b.status);
    }));
  });
  it('leave the rule empty when no explanation is asked for', () => {
    expect(evaluateRuns({ window: windowOf(entries([[10, 20], [10, 25], [10, 30]])), currentLag: 20, hasActiveMembers: true, lastOffsetChangeAt: 0, now: 1 }, undefined, false)).toMatchObject({ status: 'STALL', rule: '' });
  });
});

describe('groupStatus', () => {
  it('takes the worst partition, with STOP/STALL/REWIND as ERR', () => {
    expect(groupStatus([{ status: 'OK' }, { status: 'WARN' }])).toBe('WARN');
    expect(groupStatus([{ status: 'WARN' }, { status: 'STALL' }])).toBe('ERR');
    expect(groupStatus([{ status: 'REWIND' }])).toBe('ERR');
    expect(groupStatus([])).toBe('OK');
  });
});
