// What changed in a watched group, topic or pipeline between two looks, as timeline entries. Pure:
// main's watcher feeds it what the cluster monitor and the verification API answer; the state it
// keeps per watched thing is rebuilt from the session's own entries after a restart, so nothing is
// recorded twice and nothing already above a threshold is announced again.
import type { GroupEventView } from '../kafka/monitoring';
import type { Entry, Thresholds, WatchTarget } from './session';
import type { ChangeKind } from './session';

type Scalar = string | number | boolean | null;

export interface ChangeDraft {
  subject: WatchTarget;
  change: ChangeKind;
  title: string;
  /** When it happened (ms); the time of the look when only a look tells. */
  at: number;
  from?: Scalar;
  to?: Scalar;
  detail?: Record<string, Scalar>;
  /** Where to jump: the mismatch page for a mismatch; otherwise the subject's own page. */
  link?: string;
}

export interface GroupLook {
  state: string;
  members: number | null;
  lag: number | null;
  lagSeconds: number | null;
  health: 'OK' | 'WARN' | 'ERR' | null;
}

export interface GroupWatchState {
  /** Events of the monitor's history up to this time are recorded (or predate the watch). */
  eventsUntil: number;
  /** The last look, for telling what changed; null before the first one. */
  last: GroupLook | null;
  lagAbove: boolean | null;
  lagSecondsAbove: boolean | null;
  health: GroupLook['health'];
  /** Looks in a row in which the group was not listed; it is called gone after two (a transient empty answer deletes nothing). */
  missing: number;
  gone: boolean;
}

const fmt = (n: number) => n.toLocaleString('en');
const seconds = (s: number) => (s < 120 ? `${Math.round(s)} s` : s < 7_200 ? `${Math.round(s / 60)} min` : `${(s / 3_600).toFixed(1)} h`);

const changesOf = (entries: readonly Entry[], subject: WatchTarget) =>
  entries.filter((e): e is Extract<Entry, { kind: 'change' }> => e.kind === 'change' && e.data.subject.kind === subject.kind && e.data.subject.id === subject.id);

/** A group's watch state as the session's entries leave it (a restart picks up where it was). */
export function restoreGroupWatch(entries: readonly Entry[], groupId: string, since: number): GroupWatchState {
  const state: GroupWatchState = { eventsUntil: since, last: null, lagAbove: null, lagSecondsAbove: null, health: null, missing: 0, gone: false };
  for (const entry of changesOf(entries, { kind: 'group', id: groupId })) {
    const d = entry.data;
    const at = Date.parse(entry.at);
    if (['state', 'group-epoch', 'assignment-epoch', 'member-joined', 'member-left'].includes(d.change)) state.eventsUntil = Math.max(state.eventsUntil, at);
    if (d.change === 'lag-above') state.lagAbove = true;
    if (d.change === 'lag-below') state.lagAbove = false;
    if (d.change === 'lag-seconds-above') state.lagSecondsAbove = true;
    if (d.change === 'lag-seconds-below') state.lagSecondsAbove = false;
    if (d.change === 'health') state.health = (d.to as GroupLook['health']) ?? null;
    if (d.change === 'gone') state.gone = true;
    if (d.change === 'appeared') state.gone = false;
  }
  return state;
}

/** The monitor's history events after what is recorded: state changes, epochs, members joining and leaving. */
export function groupEventChanges(groupId: string, events: readonly GroupEventView[], state: GroupWatchState): ChangeDraft[] {
  const subject: WatchTarget = { kind: 'group', id: groupId };
  const drafts: ChangeDraft[] = [];
  let until = state.eventsUntil;
  for (const event of events) {
    if (event.at <= state.eventsUntil) continue;
    until = Math.max(until, event.at);
    switch (event.kind) {
      case 'state':
        drafts.push({ subject, change: 'state', at: event.at, from: event.from, to: event.to, title: `${groupId}: ${event.from} → ${event.to}` });
        break;
      case 'group-epoch':
      case 'assignment-epoch':
        drafts.push({ subject, change: event.kind, at: event.at, from: event.from, to: event.to, title: `${groupId}: ${event.kind === 'group-epoch' ? 'group' : 'assignment'} epoch ${event.from} → ${event.to}` });
        break;
      case 'join':
      case 'leave':
        drafts.push({
          subject, change: event.kind === 'join' ? 'member-joined' : 'member-left', at: event.at, detail: { memberId: event.memberId, clientId: event.clientId },
          title: `${groupId}: member ${event.kind === 'join' ? 'joined' : 'left'} (${event.clientId || event.memberId})`,
        });
        break;
      case 'type':
        drafts.push({ subject, change: 'state', at: event.at, from: event.from, to: event.to, title: `${groupId}: type ${event.from} → ${event.to}`, detail: { type: true } });
        break;
    }
  }
  state.eventsUntil = until;
  return drafts;
}

/**
 * One look at a group from the groups list: health transitions, lag crossing the thresholds (either
 * way; already above at the first look counts), the group going away and coming back. State and
 * member changes come from the history events when `stateFromEvents`; otherwise from the looks.
 */
export function groupLookChanges(groupId: string, look: GroupLook | null, thresholds: Thresholds | null, state: GroupWatchState, at: number, stateFromEvents: boolean): ChangeDraft[] {
  const subject: WatchTarget = { kind: 'group', id: groupId };
  const drafts: ChangeDraft[] = [];
  if (!look) {
    state.missing++;
    if (state.missing >= 2 && !state.gone) {
      state.gone = true;
      drafts.push({ subject, change: 'gone', at, from: state.last?.state ?? null, title: `${groupId}: no longer listed by the cluster (deleted, or its members left and its offsets expired)` });
    }
    return drafts;
  }
  state.missing = 0;
  if (state.gone) {
    state.gone = false;
    drafts.push({ subject, change: 'appeared', at, to: look.state, title: `${groupId}: listed again (${look.state})` });
  }
  const last = state.last;
  if (!stateFromEvents && last && last.state !== look.state) {
    drafts.push({ subject, change: 'state', at, from: last.state, to: look.state, title: `${groupId}: ${last.state} → ${look.state}` });
  }
  if (!stateFromEvents && last && last.members !== null && look.members !== null && last.members !== look.members) {
    const joined = look.members > last.members;
    drafts.push({ subject, change: joined ? 'member-joined' : 'member-left', at, from: last.members, to: look.members, title: `${groupId}: ${joined ? 'members joined' : 'members left'} (${last.members} → ${look.members})` });
  }
  if (look.health !== null && state.health !== null && look.health !== state.health) {
    drafts.push({ subject, change: 'health', at, from: state.health, to: look.health, title: `${groupId}: health ${state.health} → ${look.health}` });
  }
  if (look.health !== null) state.health = look.health;
  if (thresholds?.lag !== null && thresholds?.lag !== undefined && look.lag !== null) {
    const above = look.lag > thresholds.lag;
    if (above !== state.lagAbove && (state.lagAbove !== null || above)) {
      drafts.push({
        subject, change: above ? 'lag-above' : 'lag-below', at, to: look.lag, detail: { threshold: thresholds.lag, lagSeconds: look.lagSeconds },
        title: `${groupId}: lag ${above ? 'above' : 'back below'} ${fmt(thresholds.lag)} records (${fmt(look.lag)})`,
      });
    }
    state.lagAbove = above;
  }
  if (thresholds?.lagSeconds !== null && thresholds?.lagSeconds !== undefined && look.lagSeconds !== null) {
    const above = look.lagSeconds > thresholds.lagSeconds;
    if (above !== state.lagSecondsAbove && (state.lagSecondsAbove !== null || above)) {
      drafts.push({
        subject, change: above ? 'lag-seconds-above' : 'lag-seconds-below', at, to: look.lagSeconds, detail: { threshold: thresholds.lagSeconds, lag: look.lag },
        title: `${groupId}: ${above ? 'more than' : 'back within'} ${seconds(thresholds.lagSeconds)} behind (${seconds(look.lagSeconds)})`,
      });
    }
    state.lagSecondsAbove = above;
  }
  // What the looks told is recorded: the history's events up to now are not told again.
  if (drafts.some((d) => d.change === 'state' || d.change === 'member-joined' || d.change === 'member-left')) state.eventsUntil = Math.max(state.eventsUntil, at);
  state.last = look;
  return drafts;
}

/** Whether a look differs from the last one in a way the history events explain (worth reading them). */
export const groupMoved = (state: GroupWatchState, look: GroupLook | null) =>
  !!look && (!state.last || state.last.state !== look.state || state.last.members !== look.members);

export interface TopicLook { partitions: number }
export interface TopicWatchState { last: TopicLook | null; missing: number; gone: boolean }

export function topicLookChanges(topic: string, look: TopicLook | null, state: TopicWatchState, at: number): ChangeDraft[] {
  const subject: WatchTarget = { kind: 'topic', id: topic };
  if (!look) {
    state.missing++;
    if (state.missing >= 2 && !state.gone && state.last) {
      state.gone = true;
      return [{ subject, change: 'gone', at, title: `Topic ${topic}: no longer listed (deleted?)` }];
    }
    return [];
  }
  const drafts: ChangeDraft[] = [];
  state.missing = 0;
  if (state.gone) {
    state.gone = false;
    drafts.push({ subject, change: 'appeared', at, to: look.partitions, title: `Topic ${topic}: listed again (${look.partitions} partitions)` });
  } else if (state.last && state.last.partitions !== look.partitions) {
    drafts.push({ subject, change: 'partitions', at, from: state.last.partitions, to: look.partitions, title: `Topic ${topic}: ${state.last.partitions} → ${look.partitions} partitions` });
  }
  state.last = look;
  return drafts;
}

export interface PipelineLook {
  name: string;
  pending: number;
  divergent: number;
  verifierState: string;
}

export interface MismatchLook { id: string; table: string; kind: string; status: string; detectedAt: string; key: Record<string, string> }

export interface PipelineWatchState {
  last: PipelineLook | null;
  /** Divergent mismatches recorded as raised, and those recorded as resolved. */
  raised: Set<string>;
  resolved: Set<string>;
}

export function restorePipelineWatch(entries: readonly Entry[], pipelineId: string): PipelineWatchState {
  const state: PipelineWatchState = { last: null, raised: new Set(), resolved: new Set() };
  for (const entry of changesOf(entries, { kind: 'pipeline', id: pipelineId })) {
    const d = entry.data;
    const id = typeof d.detail?.mismatchId === 'string' ? d.detail.mismatchId : null;
    if (d.change === 'divergent-mismatch' && id) state.raised.add(id);
    if (d.change === 'mismatch-resolved' && id) state.resolved.add(id);
    if (d.change === 'mismatches' && d.detail) {
      state.last = { name: String(d.detail.name ?? pipelineId), pending: Number(d.detail.pending ?? 0), divergent: Number(d.detail.divergent ?? 0), verifierState: String(d.detail.verifierState ?? 'running') };
    }
    if (d.change === 'verifier' && state.last) state.last = { ...state.last, verifierState: String(d.to) };
  }
  return state;
}

/** Count changes and the verifier starting or stopping; the first look records where the counts start. */
export function pipelineLookChanges(pipelineId: string, look: PipelineLook, state: PipelineWatchState, at: number): ChangeDraft[] {
  const subject: WatchTarget = { kind: 'pipeline', id: pipelineId };
  const drafts: ChangeDraft[] = [];
  const last = state.last;
  const detail = { name: look.name, pending: look.pending, divergent: look.divergent, verifierState: look.verifierState };
  if (!last) {
    drafts.push({ subject, change: 'mismatches', at, from: null, to: look.divergent, detail, title: `${look.name}: ${look.divergent} divergent and ${look.pending} pending mismatches when watching began` });
  } else if (last.divergent !== look.divergent) {
    drafts.push({ subject, change: 'mismatches', at, from: last.divergent, to: look.divergent, detail, title: `${look.name}: divergent mismatches ${last.divergent} → ${look.divergent} (${look.pending} pending)` });
  }
  if (last && last.verifierState !== look.verifierState) {
    drafts.push({ subject, change: 'verifier', at, from: last.verifierState, to: look.verifierState, title: `${look.name}: verifier ${look.verifierState}` });
  }
  state.last = look;
  return drafts;
}

/**
 * Divergent mismatches detected since watching began that are not yet recorded (new), and recorded
 * ones that are now resolved. `current` is the pipeline's divergent list; `lookedUp` the status of
 * recorded ones that left it.
 */
export function mismatchChanges(pipelineId: string, pipelineName: string, since: number, current: readonly MismatchLook[], lookedUp: readonly MismatchLook[], state: PipelineWatchState, at: number, mismatchLink: (id: string) => string): ChangeDraft[] {
  const subject: WatchTarget = { kind: 'pipeline', id: pipelineId };
  const drafts: ChangeDraft[] = [];
  for (const m of current) {
    if (m.status !== 'divergent' || state.raised.has(m.id) || Date.parse(m.detectedAt) < since) continue;
    state.raised.add(m.id);
    drafts.push({
      subject, change: 'divergent-mismatch', at: Math.max(Date.parse(m.detectedAt) || at, since), link: mismatchLink(m.id),
      detail: { mismatchId: m.id, table: m.table, kind: m.kind, key: Object.entries(m.key).map(([k, v]) => `${k}=${v}`).join(', ') },
      title: `${pipelineName}: new divergent mismatch in ${m.table} (${m.kind}, ${Object.entries(m.key).map(([k, v]) => `${k}=${v}`).join(', ')})`,
    });
  }
  for (const m of lookedUp) {
    if (m.status !== 'resolved' || !state.raised.has(m.id) || state.resolved.has(m.id)) continue;
    state.resolved.add(m.id);
    drafts.push({ subject, change: 'mismatch-resolved', at, link: mismatchLink(m.id), detail: { mismatchId: m.id, table: m.table, kind: m.kind }, title: `${pipelineName}: mismatch in ${m.table} resolved` });
  }
  return drafts;
}
