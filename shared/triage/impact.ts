// The impact of an incident, measured from what the session holds: the captures (a group's history
// chart carries its lag series and state spans; health and overview captures a lag reading; the
// replication captures the mismatch counts) and the changes the watcher recorded (state changes,
// lag crossing thresholds, divergent mismatches raised and resolved). Every figure says where it
// came from, so a postmortem can be checked.
import type { Entry, EntryOf } from './session';

export interface Reading { value: number; at: number }

export interface GroupImpact {
  groupId: string;
  peakLag: Reading | null;
  peakLagSeconds: Reading | null;
  /** How long the group was in a state other than Stable, within what the session knows of it. */
  notStableMs: number | null;
  /** The period the state figures cover. */
  stateCoverage: { from: number; to: number } | null;
  statesSeen: string[];
  membersLeft: number;
  membersJoined: number;
  /** Where the figures come from: "2 history captures", "watched changes". */
  sources: string[];
}

export interface PipelineImpact {
  pipelineId: string;
  name: string;
  raised: number;
  resolved: number;
  divergentAtStart: number | null;
  divergentPeak: number | null;
  divergentAtEnd: number | null;
}

export interface ActionCounts { applied: number; refused: number; failed: number; unknown: number; pending: number; refusedReadOnly: number }

export interface Impact {
  from: number;
  to: number;
  groups: GroupImpact[];
  pipelines: PipelineImpact[];
  mismatchesRaised: number;
  mismatchesResolved: number;
  actions: ActionCounts;
  captures: number;
  changes: number;
  writeGrants: Array<{ profile: string; minutes: number; reason: string; by: string }>;
}

const STABLE = new Set(['stable']);
const isStable = (state: string) => STABLE.has(state.toLowerCase());
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const obj = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : null);

interface GroupFacts {
  lag: Reading[];
  lagSeconds: Reading[];
  /** State from time t on. */
  transitions: Array<{ at: number; state: string }>;
  left: number;
  joined: number;
  historyCaptures: number;
  otherCaptures: number;
  changes: number;
}

const peak = (readings: Reading[]): Reading | null => readings.reduce<Reading | null>((best, r) => (best === null || r.value > best.value ? r : best), null);

/** Time in states other than Stable over the transitions, up to `end`. */
function notStable(transitions: Array<{ at: number; state: string }>, end: number): { ms: number; from: number; to: number; states: string[] } | null {
  const sorted = [...transitions].sort((a, b) => a.at - b.at);
  if (sorted.length === 0) return null;
  let ms = 0;
  const states = new Set<string>();
  sorted.forEach((t, i) => {
    states.add(t.state);
    const until = Math.min(end, sorted[i + 1]?.at ?? end);
    if (!isStable(t.state) && until > t.at) ms += until - t.at;
  });
  return { ms, from: sorted[0]!.at, to: Math.max(end, sorted.at(-1)!.at), states: [...states] };
}

export function measureImpact(entries: readonly Entry[], window: { from: number; to: number }): Impact {
  const groups = new Map<string, GroupFacts>();
  const factsOf = (groupId: string) => {
    let facts = groups.get(groupId);
    if (!facts) groups.set(groupId, (facts = { lag: [], lagSeconds: [], transitions: [], left: 0, joined: 0, historyCaptures: 0, otherCaptures: 0, changes: 0 }));
    return facts;
  };
  const pipelines = new Map<string, PipelineImpact & { counts: Reading[] }>();
  const pipelineOf = (id: string, name?: string) => {
    let p = pipelines.get(id);
    if (!p) pipelines.set(id, (p = { pipelineId: id, name: name ?? id, raised: 0, resolved: 0, divergentAtStart: null, divergentPeak: null, divergentAtEnd: null, counts: [] }));
    if (name) p.name = name;
    return p;
  };
  const resolvedIds = new Set<string>();
  const raisedIds = new Set<string>();
  const actions: ActionCounts = { applied: 0, refused: 0, failed: 0, unknown: 0, pending: 0, refusedReadOnly: 0 };
  const outcomes = new Map<string, string>();
  const writeGrants: Impact['writeGrants'] = [];
  let captures = 0;
  let changes = 0;

  for (const entry of entries) if (entry.kind === 'action' && entry.data.phase === 'outcome' && entry.data.intentId) outcomes.set(entry.data.intentId, entry.data.result ?? 'unknown');

  for (const entry of entries) {
    const at = Date.parse(entry.at);
    if (entry.kind === 'capture') {
      captures++;
      readCapture(entry, at, factsOf, pipelineOf);
    } else if (entry.kind === 'change') {
      changes++;
      const d = entry.data;
      if (d.subject.kind === 'group' && d.subject.id !== '*') {
        const facts = factsOf(d.subject.id);
        facts.changes++;
        if (d.change === 'state' && typeof d.to === 'string' && !d.detail?.type) {
          if (typeof d.from === 'string' && facts.transitions.length === 0) facts.transitions.push({ at: Math.min(at, window.from), state: d.from });
          facts.transitions.push({ at, state: d.to });
        }
        if (d.change === 'member-left') facts.left += typeof d.from === 'number' && typeof d.to === 'number' ? d.from - d.to : 1;
        if (d.change === 'member-joined') facts.joined += typeof d.from === 'number' && typeof d.to === 'number' ? d.to - d.from : 1;
        if ((d.change === 'lag-above' || d.change === 'lag-below') && num(d.to) !== null) facts.lag.push({ value: num(d.to)!, at });
        if ((d.change === 'lag-seconds-above' || d.change === 'lag-seconds-below') && num(d.to) !== null) facts.lagSeconds.push({ value: num(d.to)!, at });
        if (num(d.detail?.lagSeconds) !== null) facts.lagSeconds.push({ value: num(d.detail?.lagSeconds)!, at });
        if (num(d.detail?.lag) !== null) facts.lag.push({ value: num(d.detail?.lag)!, at });
      } else if (d.subject.kind === 'pipeline' && d.subject.id !== '*') {
        const p = pipelineOf(d.subject.id, typeof d.detail?.name === 'string' ? d.detail.name : undefined);
        const id = typeof d.detail?.mismatchId === 'string' ? d.detail.mismatchId : null;
        if (d.change === 'divergent-mismatch' && id && !raisedIds.has(id)) { raisedIds.add(id); p.raised++; }
        if (d.change === 'mismatch-resolved' && id && !resolvedIds.has(id)) { resolvedIds.add(id); p.resolved++; }
        if (d.change === 'mismatches' && num(d.to) !== null) p.counts.push({ value: num(d.to)!, at });
      }
    } else if (entry.kind === 'action') {
      const d = entry.data;
      if (d.phase === 'refused') {
        actions.refused++;
        actions.refusedReadOnly++;
      } else if (d.phase === 'intent' && d.auditId) {
        const result = outcomes.get(d.auditId) ?? 'pending';
        if (result === 'applied' || result === 'refused' || result === 'failed' || result === 'unknown' || result === 'pending') actions[result]++;
        else actions.unknown++;
        const target = obj(d.target);
        // A reconcile that resolved a mismatch counts as resolved, once.
        if (d.action === 'replication.reconcile' && result === 'applied' && typeof target?.mismatchId === 'string') {
          const outcome = entries.find((e): e is EntryOf<'action'> => e.kind === 'action' && e.data.intentId === d.auditId);
          const status = obj(outcome?.data.after)?.status;
          // The outcome does not name the pipeline: it counts in the total only.
          if (status === 'resolved') resolvedIds.add(target.mismatchId);
        }
      }
    } else if (entry.kind === 'access' && entry.data.event === 'granted') {
      writeGrants.push({ profile: entry.data.profile.name, minutes: entry.data.minutes, reason: entry.data.reason, by: entry.actor });
    }
  }

  const groupImpacts: GroupImpact[] = [...groups.entries()].map(([groupId, f]) => {
    const states = notStable(f.transitions, window.to);
    const sources = [
      f.historyCaptures ? `${f.historyCaptures} history capture${f.historyCaptures === 1 ? '' : 's'}` : null,
      f.otherCaptures ? `${f.otherCaptures} other capture${f.otherCaptures === 1 ? '' : 's'}` : null,
      f.changes ? 'watched changes' : null,
    ].filter((s): s is string => s !== null);
    return {
      groupId, peakLag: peak(f.lag), peakLagSeconds: peak(f.lagSeconds),
      notStableMs: states?.ms ?? null, stateCoverage: states ? { from: states.from, to: states.to } : null, statesSeen: states?.states ?? [],
      membersLeft: f.left, membersJoined: f.joined, sources,
    };
  }).sort((a, b) => (b.peakLag?.value ?? -1) - (a.peakLag?.value ?? -1) || a.groupId.localeCompare(b.groupId));

  const pipelineImpacts: PipelineImpact[] = [...pipelines.values()].map(({ counts, ...p }) => {
    const sorted = [...counts].sort((a, b) => a.at - b.at);
    return { ...p, divergentAtStart: sorted[0]?.value ?? null, divergentPeak: peak(sorted)?.value ?? null, divergentAtEnd: sorted.at(-1)?.value ?? null };
  });

  return {
    from: window.from, to: window.to, groups: groupImpacts, pipelines: pipelineImpacts,
    mismatchesRaised: raisedIds.size, mismatchesResolved: resolvedIds.size, actions, captures, changes, writeGrants,
  };
}

/** Reads the figures of the views the console captures (shared/triage/captures.ts); others are only counted. */
function readCapture(entry: EntryOf<'capture'>, at: number, factsOf: (groupId: string) => GroupFacts, pipelineOf: (id: string, name?: string) => { counts: Reading[] }) {
  const data = obj(entry.data.data);
  if (!data) return;
  const groupId = typeof data.groupId === 'string' ? data.groupId : entry.data.subject?.kind === 'group' ? entry.data.subject.id : null;
  switch (data.kind) {
    case 'group-history': {
      if (!groupId) return;
      const facts = factsOf(groupId);
      facts.historyCaptures++;
      for (const point of Array.isArray(data.lag) ? data.lag : []) {
        if (!Array.isArray(point)) continue;
        const t = num(point[0]);
        if (t === null) continue;
        if (num(point[1]) !== null) facts.lag.push({ value: num(point[1])!, at: t });
        if (num(point[2]) !== null) facts.lagSeconds.push({ value: num(point[2])!, at: t });
      }
      for (const span of Array.isArray(data.states) ? data.states : []) {
        const s = obj(span);
        if (s && typeof s.state === 'string' && num(s.from) !== null) facts.transitions.push({ at: num(s.from)!, state: s.state });
      }
      return;
    }
    case 'group-health': {
      if (!groupId) return;
      const facts = factsOf(groupId);
      facts.otherCaptures++;
      const t = num(data.evaluatedAt) ?? at;
      if (num(data.lag) !== null) facts.lag.push({ value: num(data.lag)!, at: t });
      if (num(data.lagSeconds) !== null) facts.lagSeconds.push({ value: num(data.lagSeconds)!, at: t });
      return;
    }
    case 'group': {
      if (!groupId) return;
      const facts = factsOf(groupId);
      facts.otherCaptures++;
      const t = num(data.at) ?? at;
      if (num(data.lag) !== null) facts.lag.push({ value: num(data.lag)!, at: t });
      if (typeof data.state === 'string') facts.transitions.push({ at: t, state: data.state });
      return;
    }
    case 'pipelines': {
      for (const item of Array.isArray(data.pipelines) ? data.pipelines : []) {
        const p = obj(item);
        const byStatus = obj(p?.openByStatus);
        if (p && typeof p.id === 'string' && num(byStatus?.divergent) !== null) pipelineOf(p.id, typeof p.name === 'string' ? p.name : undefined).counts.push({ value: num(byStatus!.divergent)!, at: num(data.at) ?? at });
      }
      return;
    }
    default:
      return;
  }
}
