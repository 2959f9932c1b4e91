// The timeline builder: entries (possibly merged from several machines) into the session's state
// and the timeline people read.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../shared/triage/session';
import { buildTimeline, orderEntries, sessionState } from '../../../../shared/triage/timeline';

const prod = { id: 'prod', name: 'Payments prod', production: true };
let serial = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 10, minute)).toISOString();
function entry<E extends Entry>(minute: number, fields: Omit<E, 'id' | 'sessionId' | 'at' | 'actor' | 'machine' | 'link'> & Partial<Pick<E, 'actor' | 'machine' | 'link' | 'id'>>): E {
  return { id: `e${++serial}`, sessionId: 's1', at: at(minute), actor: 'ana', machine: 'laptop-1', link: null, ...fields } as E;
}

const started = entry(0, { kind: 'session', title: 'Session started: Lag', data: { event: 'started', title: 'Lag', severity: 'SEV2', profiles: [prod], who: 'ana' } });

describe('orderEntries', () => {
  it('orders by time, keeps the written order for equal times, and keeps each id once', () => {
    const a = entry(5, { kind: 'note', title: 'a', data: { markdown: 'a' } });
    const b = entry(3, { kind: 'note', title: 'b', data: { markdown: 'b' } });
    const c = entry(3, { kind: 'note', title: 'c', data: { markdown: 'c' } });
    expect(orderEntries([started, a, b, c, { ...b }]).map((e) => e.title)).toEqual(['Session started: Lag', 'b', 'c', 'a']);
  });
});

describe('sessionState', () => {
  it('is null without a start', () => {
    expect(sessionState([entry(1, { kind: 'note', title: 'x', data: { markdown: 'x' } })])).toBeNull();
  });

  it('folds the watch list, the grants (active, expired by the clock, revoked, ended with the session) and the end', () => {
    const entries: Entry[] = [
      started,
      entry(1, { kind: 'watch', title: 'w', data: { target: { kind: 'group', id: 'g1' }, on: true, thresholds: { lag: 10, lagSeconds: null } } }),
      entry(2, { kind: 'watch', title: 'w', data: { target: { kind: 'group', id: 'g2' }, on: true, thresholds: null } }),
      entry(3, { kind: 'watch', title: 'w', data: { target: { kind: 'group', id: 'g1' }, on: true, thresholds: { lag: 99, lagSeconds: 5 } } }),
      entry(4, { kind: 'watch', title: 'w', data: { target: { kind: 'group', id: 'g2' }, on: false, thresholds: null } }),
      entry(5, { kind: 'access', title: 'g', data: { event: 'granted', grantId: 'a', profile: prod, minutes: 10, reason: 'fix', expiresAt: at(15) } }),
      entry(6, { kind: 'access', title: 'g', data: { event: 'granted', grantId: 'b', profile: prod, minutes: 5, reason: 'more', expiresAt: at(11) } }),
      entry(7, { kind: 'access', title: 'r', data: { event: 'revoked', grantId: 'b', profile: prod, minutes: 5, reason: 'more', expiresAt: at(11) } }),
      entry(8, { kind: 'note', title: 'bo was here', actor: 'bo', machine: 'laptop-2', data: { markdown: 'hi' } }),
    ];
    const during = sessionState(entries, Date.parse(at(9)))!;
    expect(during.watches).toEqual([{ target: { kind: 'group', id: 'g1' }, thresholds: { lag: 99, lagSeconds: 5 }, since: at(1) }]);
    expect(during.grants.map((g) => [g.grantId, g.state])).toEqual([['a', 'active'], ['b', 'revoked']]);
    expect(during.participants).toEqual(['ana', 'bo']);
    expect(during.machines).toEqual(['laptop-1', 'laptop-2']);
    expect(sessionState(entries, Date.parse(at(16)))!.grants[0]).toMatchObject({ state: 'expired', endedAt: at(15) });
    const ended = sessionState([...entries, entry(12, { kind: 'session', title: 'end', data: { event: 'ended', summary: 'over', findings: ['f'], followUps: ['u'] } })], Date.parse(at(13)))!;
    expect(ended).toMatchObject({ endedAt: at(12), summary: 'over', findings: ['f'], followUps: ['u'] });
    expect(ended.grants[0]).toMatchObject({ state: 'revoked', endedAt: at(12) });
    expect(ended.counts).toMatchObject({ session: 2, watch: 4, access: 3, note: 1 });
  });
});

describe('buildTimeline', () => {
  const intent = entry(2, { kind: 'action', title: 'reset', data: { auditId: 'i1', intentId: null, phase: 'intent', action: 'groups.resetOffsets', profile: prod, target: { groupId: 'g1' }, command: 'kafka-consumer-groups --execute', result: null, error: null, note: null } });
  const outcome = entry(3, { kind: 'action', title: 'reset: applied', data: { auditId: 'o1', intentId: 'i1', phase: 'outcome', action: 'groups.resetOffsets', profile: prod, target: { groupId: 'g1' }, command: null, result: 'applied', error: null, note: null, after: [1] } });
  const orphan = entry(4, { kind: 'action', title: 'orphan outcome', data: { auditId: 'o2', intentId: 'i-elsewhere', phase: 'outcome', action: 'registry.register', profile: prod, target: {}, command: null, result: 'failed', error: 'x', note: null } });
  const note = entry(5, { kind: 'note', title: 'Rebalance storm', data: { markdown: 'members **keep** leaving' } });
  const change = entry(6, { kind: 'change', title: 'g1: Stable → Reconciling', data: { subject: { kind: 'group', id: 'g1' }, change: 'state', from: 'Stable', to: 'Reconciling' } });
  const pin = entry(7, { kind: 'pin', title: 'Pinned', data: { entryId: note.id, pinned: true } });
  const moment = entry(8, { kind: 'pin', title: 'Customers report it', data: { entryId: null, pinned: true } });
  const all = [started, intent, outcome, orphan, note, change, pin, moment];

  it('pairs an action’s intent with its outcome, folds pins onto what they pin, and keeps moments', () => {
    const { items, matching } = buildTimeline(all);
    expect(items.map((i) => i.entry.title)).toEqual(['Session started: Lag', 'reset', 'orphan outcome', 'Rebalance storm', 'g1: Stable → Reconciling', 'Customers report it']);
    expect(matching).toBe(6);
    expect(items[1]!.outcome).toEqual({ at: at(3), result: 'applied', error: null, note: null, command: null, after: [1] });
    expect(items.filter((i) => i.pinned).map((i) => i.entry.title)).toEqual(['Rebalance storm', 'Customers report it']);
    const unpinned = buildTimeline([...all, entry(9, { kind: 'pin', title: 'Unpinned', data: { entryId: note.id, pinned: false } })]);
    expect(unpinned.items.filter((i) => i.pinned).map((i) => i.entry.title)).toEqual(['Customers report it']);
  });

  it('filters by kind (pins show what is pinned), by words, and keeps the newest up to the limit', () => {
    expect(buildTimeline(all, { kinds: ['action'] }).items.map((i) => i.entry.title)).toEqual(['reset', 'orphan outcome']);
    expect(buildTimeline(all, { kinds: ['pin'] }).items.map((i) => i.entry.title)).toEqual(['Rebalance storm', 'Customers report it']);
    expect(buildTimeline(all, { text: 'KEEP leaving' }).items.map((i) => i.entry.title)).toEqual(['Rebalance storm']);
    expect(buildTimeline(all, { text: '--execute' }).items.map((i) => i.entry.title)).toEqual(['reset']);
    const limited = buildTimeline(all, { limit: 2 });
    expect(limited.items.map((i) => i.entry.title)).toEqual(['g1: Stable → Reconciling', 'Customers report it']);
    expect(limited.matching).toBe(6);
  });
});
