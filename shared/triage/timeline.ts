// The timeline builder: a session's entries (in the order they were written, possibly merged from
// teammates' machines) folded into what the session is now — its title and severity, watch list,
// write grants, whether it ended — and the timeline people read: in time order, each action's
// intent paired with its outcome, pins folded onto the entries they mark, filtered by kind.
import { z } from 'zod';
import { auditProfileSchema } from '../audit/audit-record';
import {
  entryKinds, entrySchema, severities, thresholdsSchema, watchTargetSchema,
  type Entry, type EntryKind, type EntryOf, type Thresholds, type WatchTarget,
} from './session';

export const watchItemSchema = z.object({ target: watchTargetSchema, thresholds: thresholdsSchema.nullable(), since: z.string() });
export type WatchItem = z.infer<typeof watchItemSchema>;

export const grantViewSchema = z.object({
  grantId: z.string(),
  profile: auditProfileSchema,
  reason: z.string(),
  minutes: z.number(),
  by: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(['active', 'expired', 'revoked']),
  /** When it stopped (expiry or revocation), once it has. */
  endedAt: z.string().nullable(),
});
export type GrantView = z.infer<typeof grantViewSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: z.enum(severities),
  who: z.string(),
  profiles: z.array(auditProfileSchema),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  summary: z.string().nullable(),
  entries: z.number(),
  /** Everyone who wrote to it, and from which machines. */
  participants: z.array(z.string()),
  machines: z.array(z.string()),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionStateSchema = sessionSummarySchema.extend({
  findings: z.array(z.string()),
  followUps: z.array(z.string()),
  watches: z.array(watchItemSchema),
  grants: z.array(grantViewSchema),
  counts: z.record(z.string(), z.number()),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const actionOutcomeSchema = z.object({
  at: z.string(),
  result: z.string().nullable(),
  error: z.string().nullable(),
  note: z.string().nullable(),
  after: z.unknown().optional(),
  command: z.string().nullable(),
});
export type ActionOutcome = z.infer<typeof actionOutcomeSchema>;

export const timelineItemSchema = z.object({
  entry: entrySchema,
  pinned: z.boolean(),
  /** For an action's intent: its outcome, or null while there is none (pending). */
  outcome: actionOutcomeSchema.nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export interface TimelineOptions {
  kinds?: readonly EntryKind[];
  /** At most this many items, the newest ones (the total is still counted). */
  limit?: number;
  /** Main's clock, to tell an active grant from an expired one. */
  now?: number;
  /** Only items whose title or text contains these words. */
  text?: string;
}

export interface Timeline {
  state: SessionState | null;
  items: TimelineItem[];
  /** Items that matched the filter; `items` holds the newest `limit` of them. */
  matching: number;
}

const watchKey = (t: WatchTarget) => `${t.kind}\u0000${t.id}`;

/** Entries in time order, each id once (a teammate's copy of an entry is the same entry). */
export function orderEntries(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  const unique: Array<{ entry: Entry; index: number }> = [];
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) return;
    seen.add(entry.id);
    unique.push({ entry, index });
  });
  unique.sort((a, b) => (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.index - b.index));
  return unique.map((u) => u.entry);
}

/** What the entries say the session is now; null when they hold no start. */
export function sessionState(ordered: readonly Entry[], now = Date.now()): SessionState | null {
  const started = ordered.find((e): e is EntryOf<'session'> => e.kind === 'session' && e.data.event === 'started');
  if (!started || started.data.event !== 'started') return null;
  let ended: Extract<EntryOf<'session'>['data'], { event: 'ended' }> | null = null;
  let endedAt: string | null = null;
  const watches = new Map<string, WatchItem>();
  const grants = new Map<string, GrantView>();
  const participants = new Set<string>([started.data.who]);
  const machines = new Set<string>();
  const counts: Record<string, number> = Object.fromEntries(entryKinds.map((k) => [k, 0]));
  for (const entry of ordered) {
    counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
    machines.add(entry.machine);
    if (entry.actor !== 'Sluice') participants.add(entry.actor);
    if (entry.kind === 'session' && entry.data.event === 'ended') {
      ended = entry.data;
      endedAt = entry.at;
    } else if (entry.kind === 'watch') {
      const key = watchKey(entry.data.target);
      if (entry.data.on) watches.set(key, { target: entry.data.target, thresholds: entry.data.thresholds, since: watches.get(key)?.since ?? entry.at });
      else watches.delete(key);
    } else if (entry.kind === 'access') {
      const d = entry.data;
      if (d.event === 'granted') {
        grants.set(d.grantId, { grantId: d.grantId, profile: d.profile, reason: d.reason, minutes: d.minutes, by: entry.actor, grantedAt: entry.at, expiresAt: d.expiresAt, state: 'active', endedAt: null });
      } else {
        const grant = grants.get(d.grantId);
        if (grant && grant.state === 'active') grants.set(d.grantId, { ...grant, state: d.event, endedAt: entry.at });
      }
    }
  }
  for (const [id, grant] of grants) {
    if (grant.state !== 'active') continue;
    const expiry = Date.parse(grant.expiresAt);
    // Ending the session ends its grants; a grant is over at its expiry even before the expiry
    // entry is written (the app was closed at the time).
    if (endedAt !== null && Date.parse(endedAt) < expiry) grants.set(id, { ...grant, state: 'revoked', endedAt });
    else if (expiry <= now) grants.set(id, { ...grant, state: 'expired', endedAt: grant.expiresAt });
  }
  return {
    id: started.sessionId, title: started.data.title, severity: started.data.severity, who: started.data.who, profiles: started.data.profiles,
    startedAt: started.at, endedAt, summary: ended?.summary ?? null, findings: ended?.findings ?? [], followUps: ended?.followUps ?? [],
    entries: ordered.length, participants: [...participants], machines: [...machines],
    watches: [...watches.values()], grants: [...grants.values()], counts,
  };
}

/** The text a filter's words are looked for in. */
const searchableText = (entry: Entry): string => {
  const extra = entry.kind === 'note' ? entry.data.markdown : entry.kind === 'action' ? `${entry.data.action} ${entry.data.command ?? ''}` : entry.kind === 'access' ? entry.data.reason : '';
  return `${entry.title} ${extra}`.toLowerCase();
};

export function buildTimeline(entries: readonly Entry[], options: TimelineOptions = {}): Timeline {
  const ordered = orderEntries(entries);
  const state = sessionState(ordered, options.now);
  const pinned = new Set<string>();
  const outcomes = new Map<string, ActionOutcome>();
  for (const entry of ordered) {
    if (entry.kind === 'pin' && entry.data.entryId) {
      if (entry.data.pinned) pinned.add(entry.data.entryId);
      else pinned.delete(entry.data.entryId);
    } else if (entry.kind === 'action' && entry.data.phase === 'outcome' && entry.data.intentId) {
      outcomes.set(entry.data.intentId, { at: entry.at, result: entry.data.result, error: entry.data.error, note: entry.data.note, command: entry.data.command, ...(entry.data.after === undefined ? {} : { after: entry.data.after }) });
    }
  }
  const intents = new Set(ordered.flatMap((e) => (e.kind === 'action' && e.data.phase === 'intent' && e.data.auditId ? [e.data.auditId] : [])));
  const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const words = (options.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const items: TimelineItem[] = [];
  for (const entry of ordered) {
    // Pins of other entries mark them; an outcome is shown with its intent (alone only when its intent is not in the session).
    if (entry.kind === 'pin' && entry.data.entryId) continue;
    if (entry.kind === 'action' && entry.data.phase === 'outcome' && entry.data.intentId && intents.has(entry.data.intentId)) continue;
    const isPinned = pinned.has(entry.id) || entry.kind === 'pin';
    if (kinds && !kinds.has(entry.kind) && !(kinds.has('pin') && isPinned)) continue;
    if (words.length > 0 && !words.every((w) => searchableText(entry).includes(w))) continue;
    const outcome = entry.kind === 'action' && entry.data.phase === 'intent' && entry.data.auditId ? outcomes.get(entry.data.auditId) ?? null : null;
    items.push({ entry, pinned: isPinned, outcome });
  }
  const limit = options.limit ?? items.length;
  return { state, items: items.length > limit ? items.slice(items.length - limit) : items, matching: items.length };
}

/** The watch list's thresholds for one target (null when it has none). */
export const thresholdsOf = (state: SessionState | null, target: WatchTarget): Thresholds | null =>
  state?.watches.find((w) => w.target.kind === target.kind && w.target.id === target.id)?.thresholds ?? null;
