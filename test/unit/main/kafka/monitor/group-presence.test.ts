import { describe, expect, it } from 'vitest';
import { GroupPresence } from '../../../../../main/kafka/monitor/group-presence';

const settings = { graceMs: 30_000, graceSweeps: 3, retentionMs: 3_600_000 };
const ids = (...names: string[]) => new Set(names);

describe('GroupPresence', () => {
  it('keeps a group that one sweep did not list (a broker answering [] after a restart), marked missing since then', () => {
    const presence = new GroupPresence(settings);
    const verdict = presence.afterSweep(ids(), [['a', 1_000], ['b', 1_000]], 5_000);
    expect([...verdict.missing]).toEqual([['a', 5_000], ['b', 5_000]]);
    expect(verdict.expired).toEqual([]);
    expect(presence.missingSince('a')).toBe(5_000);
  });

  it('drops a group from the list only after it was missing from enough consecutive sweeps over the grace period', () => {
    const presence = new GroupPresence(settings);
    const known = [['a', 0]] as const;
    // Three sweeps within 10 s: enough sweeps, not enough time.
    for (const at of [5_000, 10_000, 15_000]) expect(presence.afterSweep(ids(), known, at).missing.has('a')).toBe(true);
    // Past the grace period, but one sweep later: gone from the list, history kept (not expired).
    const later = presence.afterSweep(ids(), known, 36_000);
    expect(later.missing.has('a')).toBe(false);
    expect(later.expired).toEqual([]);
  });

  it('needs consecutive sweeps too: a long grace period with a single missing sweep keeps the group', () => {
    const presence = new GroupPresence(settings);
    expect(presence.afterSweep(ids(), [['a', 0]], 60_000).missing.has('a')).toBe(true);
  });

  it('starts counting again when the group is listed in between', () => {
    const presence = new GroupPresence(settings);
    presence.afterSweep(ids(), [['a', 0]], 5_000);
    presence.afterSweep(ids(), [['a', 0]], 10_000);
    presence.afterSweep(ids('a'), [['a', 15_000]], 15_000);
    expect(presence.missingSince('a')).toBeNull();
    const verdict = presence.afterSweep(ids(), [['a', 15_000]], 50_000);
    expect([...verdict.missing]).toEqual([['a', 50_000]]);
  });

  it('expires the history of a group absent for longer than the retention', () => {
    const presence = new GroupPresence(settings);
    const verdict = presence.afterSweep(ids(), [['old', 0], ['recent', 3_000_000]], 3_600_000);
    expect(verdict.expired).toEqual(['old']);
    expect(verdict.missing.has('recent')).toBe(true);
    expect(presence.missingSince('old')).toBeNull();
  });

  it('forgets a group that Sluice deleted', () => {
    const presence = new GroupPresence(settings);
    presence.afterSweep(ids(), [['a', 0]], 5_000);
    presence.forget('a');
    expect(presence.missingSince('a')).toBeNull();
  });
});
