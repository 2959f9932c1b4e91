// What changed in a watched group, topic or pipeline between looks, and how a restart picks up.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../shared/triage/session';
import {
  groupEventChanges, groupLookChanges, mismatchChanges, pipelineLookChanges, restoreGroupWatch, restorePipelineWatch, topicLookChanges, type GroupLook,
} from '../../../../shared/triage/watch-diff';

const look = (fields: Partial<GroupLook> = {}): GroupLook => ({ state: 'Stable', members: 3, lag: 0, lagSeconds: 0, health: 'OK', ...fields });
const fresh = () => restoreGroupWatch([], 'g', 1_000);

describe('group events', () => {
  it('records the monitor’s events after what is recorded, once', () => {
    const state = fresh();
    const events = [
      { at: 900, kind: 'leave' as const, memberId: 'm0', clientId: 'c0' },
      { at: 1_100, kind: 'leave' as const, memberId: 'm1', clientId: 'consumer-1' },
      { at: 1_200, kind: 'state' as const, from: 'Stable', to: 'Reconciling' },
      { at: 1_200, kind: 'group-epoch' as const, from: 4, to: 5 },
      { at: 1_300, kind: 'join' as const, memberId: 'm2', clientId: '' },
    ];
    expect(groupEventChanges('g', events, state).map((d) => d.title)).toEqual([
      'g: member left (consumer-1)', 'g: Stable → Reconciling', 'g: group epoch 4 → 5', 'g: member joined (m2)',
    ]);
    expect(groupEventChanges('g', events, state)).toEqual([]);
    expect(state.eventsUntil).toBe(1_300);
  });
});

describe('group looks', () => {
  it('announces lag above a threshold (already above at the first look too) and back below, once each', () => {
    const state = fresh();
    const t = { lag: 1_000, lagSeconds: 60 };
    expect(groupLookChanges('g', look({ lag: 5_000, lagSeconds: 30 }), t, state, 1, true).map((d) => d.change)).toEqual(['lag-above']);
    expect(groupLookChanges('g', look({ lag: 6_000, lagSeconds: 90 }), t, state, 2, true).map((d) => [d.change, d.to])).toEqual([['lag-seconds-above', 90]]);
    expect(groupLookChanges('g', look({ lag: 7_000, lagSeconds: 95 }), t, state, 3, true)).toEqual([]);
    expect(groupLookChanges('g', look({ lag: 10, lagSeconds: 1 }), t, state, 4, true).map((d) => d.title)).toEqual([
      'g: lag back below 1,000 records (10)', 'g: back within 60 s behind (1 s)',
    ]);
    expect(groupLookChanges('g', look({ lag: 0 }), null, fresh(), 5, true)).toEqual([]);
  });

  it('announces health transitions, and state and member changes when no history told them', () => {
    const state = fresh();
    groupLookChanges('g', look(), null, state, 2_000, false);
    const drafts = groupLookChanges('g', look({ state: 'Reconciling', members: 2, health: 'WARN' }), null, state, 3_000, false);
    expect(drafts.map((d) => d.title)).toEqual(['g: Stable → Reconciling', 'g: members left (3 → 2)', 'g: health OK → WARN']);
    expect(state.eventsUntil).toBe(3_000);
    expect(groupLookChanges('g', look({ state: 'Stable', members: 3, health: 'WARN' }), null, state, 4_000, true)).toEqual([]);
  });

  it('calls a group gone only after two looks without it, and listed again when it comes back', () => {
    const state = fresh();
    groupLookChanges('g', look(), null, state, 1, true);
    expect(groupLookChanges('g', null, null, state, 2, true)).toEqual([]);
    expect(groupLookChanges('g', null, null, state, 3, true).map((d) => d.change)).toEqual(['gone']);
    expect(groupLookChanges('g', null, null, state, 4, true)).toEqual([]);
    expect(groupLookChanges('g', look({ state: 'Empty' }), null, state, 5, true).map((d) => d.title)).toEqual(['g: listed again (Empty)']);
  });

  it('restores from the session’s entries, so a restart announces nothing twice', () => {
    const change = (change: string, at: number, to: unknown = null) => ({ id: `${change}${at}`, sessionId: 's', at: new Date(at).toISOString(), actor: 'Sluice', machine: 'm', link: null, title: change, kind: 'change', data: { subject: { kind: 'group', id: 'g' }, change, to } }) as Entry;
    const state = restoreGroupWatch([change('lag-above', 5_000, 2_000), change('member-left', 6_000), change('health', 6_500, 'ERR')], 'g', 1_000);
    expect(state).toMatchObject({ eventsUntil: 6_000, lagAbove: true, health: 'ERR' });
    expect(groupLookChanges('g', look({ lag: 3_000, health: 'ERR' }), { lag: 1_000, lagSeconds: null }, state, 7_000, true)).toEqual([]);
    expect(groupEventChanges('g', [{ at: 6_000, kind: 'leave', memberId: 'm', clientId: 'c' }], state)).toEqual([]);
  });
});

describe('topics and pipelines', () => {
  it('records partition count changes and a topic going away', () => {
    const state = { last: null, missing: 0, gone: false };
    expect(topicLookChanges('t', { partitions: 3 }, state, 1)).toEqual([]);
    expect(topicLookChanges('t', { partitions: 6 }, state, 2).map((d) => d.title)).toEqual(['Topic t: 3 → 6 partitions']);
    topicLookChanges('t', null, state, 3);
    expect(topicLookChanges('t', null, state, 4).map((d) => d.change)).toEqual(['gone']);
  });

  it('records where the counts start, their changes, the verifier, new divergent mismatches and their resolution', () => {
    const state = restorePipelineWatch([], 'p1');
    const base = { name: 'ledger → reporting', pending: 2, divergent: 1, verifierState: 'running' };
    expect(pipelineLookChanges('p1', base, state, 1).map((d) => d.title)).toEqual(['ledger → reporting: 1 divergent and 2 pending mismatches when watching began']);
    expect(pipelineLookChanges('p1', { ...base, divergent: 3, verifierState: 'stopped' }, state, 2).map((d) => d.change)).toEqual(['mismatches', 'verifier']);
    const old = { id: 'old', table: 'payments', kind: 'differs', status: 'divergent', detectedAt: new Date(500).toISOString(), key: { id: '1' } };
    const raised = { id: 'new', table: 'payments', kind: 'missing', status: 'divergent', detectedAt: new Date(1_500).toISOString(), key: { id: '7' } };
    const link = (id: string) => `#/replication/mismatches/${id}`;
    const drafts = mismatchChanges('p1', base.name, 1_000, [old, raised], [], state, 2_000, link);
    expect(drafts.map((d) => [d.change, d.link, d.at])).toEqual([['divergent-mismatch', '#/replication/mismatches/new', 1_500]]);
    expect(mismatchChanges('p1', base.name, 1_000, [raised], [], state, 2_100, link)).toEqual([]);
    expect(mismatchChanges('p1', base.name, 1_000, [], [{ ...raised, status: 'resolved' }], state, 3_000, link).map((d) => d.change)).toEqual(['mismatch-resolved']);
    expect(mismatchChanges('p1', base.name, 1_000, [], [{ ...raised, status: 'resolved' }], state, 3_100, link)).toEqual([]);
  });
});
