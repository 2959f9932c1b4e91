// An incident triage session: an append-only list of entries, each with its time, who wrote it
// (a person, or Sluice watching), the machine it came from and the live page it points to. The
// session's state (title, watch list, write grants, whether it ended) is whatever its entries say:
// nothing is edited in place, so a crash can lose at most an entry that was never acknowledged.
import { z } from 'zod';
import { auditProfileSchema } from '../audit/audit-record';

/** Bounds that keep one session file, one push and one HTTP body (1 MB) sane. */
export const triageLimits = {
  title: 200,
  who: 100,
  reason: 500,
  note: 20_000,
  summary: 20_000,
  /** A capture's on-screen data, as JSON text. */
  captureData: 300_000,
  /** A capture's chart, as base64 PNG: about 450 KB of image. */
  captureImage: 600_000,
  watches: 2_000,
  /** Write grants run from fifteen seconds (a test, a single change) to eight hours. */
  grantMinutes: { min: 0.25, max: 480 },
} as const;

export const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof severities)[number];

/** Session ids name files: lower-case letters, digits and dashes. */
export const sessionIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'a session id is lower-case letters, digits and dashes');
export const entryIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'an entry id is letters, digits, dashes and underscores');

export const watchKinds = ['group', 'topic', 'pipeline'] as const;
export type WatchKind = (typeof watchKinds)[number];
export const watchTargetSchema = z.object({ kind: z.enum(watchKinds), id: z.string().min(1).max(255) }).strict();
export type WatchTarget = z.infer<typeof watchTargetSchema>;

/** Lag thresholds the user sets per watched group: crossing one either way is a timeline entry. */
export const thresholdsSchema = z.object({
  lag: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  lagSeconds: z.number().min(0).max(31_536_000).nullable().default(null),
}).strict();
export type Thresholds = z.infer<typeof thresholdsSchema>;

const profileRef = auditProfileSchema;
export type ProfileRef = z.infer<typeof profileRef>;

const sessionEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('started'), title: z.string(), severity: z.enum(severities), profiles: z.array(profileRef), who: z.string() }),
  z.object({ event: z.literal('ended'), summary: z.string(), findings: z.array(z.string()), followUps: z.array(z.string()) }),
  /** Someone on another machine joined (team store). */
  z.object({ event: z.literal('joined'), who: z.string() }),
  /** The app started again while this session was active. */
  z.object({ event: z.literal('resumed') }),
]);

export const changeKinds = [
  'state', 'group-epoch', 'assignment-epoch', 'member-joined', 'member-left', 'health', 'lag-above', 'lag-below',
  'lag-seconds-above', 'lag-seconds-below', 'gone', 'appeared', 'partitions', 'mismatches', 'divergent-mismatch',
  'mismatch-resolved', 'verifier', 'unreadable',
] as const;
export type ChangeKind = (typeof changeKinds)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const imageRefSchema = z.object({ file: z.string(), width: z.number(), height: z.number(), bytes: z.number() });
export type ImageRef = z.infer<typeof imageRefSchema>;

export const entryKinds = ['session', 'watch', 'action', 'change', 'capture', 'note', 'pin', 'access'] as const;
export type EntryKind = (typeof entryKinds)[number];

const base = {
  id: z.string(),
  sessionId: z.string(),
  /** ISO time the thing happened. */
  at: z.string(),
  /** Who: the person in the session on that machine, or "Sluice" for what it observed. */
  actor: z.string(),
  /** The machine that wrote the entry (teammates can join from elsewhere). */
  machine: z.string(),
  /** The console page it came from (#/groups/…), to jump back to the live view. */
  link: z.string().nullable(),
  /** One line for the timeline. */
  title: z.string(),
};

export const entrySchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('session'), data: sessionEventSchema }),
  z.object({ ...base, kind: z.literal('watch'), data: z.object({ target: watchTargetSchema, on: z.boolean(), thresholds: thresholdsSchema.nullable() }) }),
  z.object({
    ...base, kind: z.literal('action'),
    data: z.object({
      /** The audit record this entry mirrors; for a refusal by the production guard, null. */
      auditId: z.string().nullable(),
      /** The intent an outcome completes. */
      intentId: z.string().nullable(),
      phase: z.enum(['intent', 'outcome', 'refused']),
      action: z.string(),
      profile: profileRef,
      target: z.unknown(),
      before: z.unknown().optional(),
      after: z.unknown().optional(),
      command: z.string().nullable(),
      result: z.string().nullable(),
      error: z.string().nullable(),
      note: z.string().nullable(),
    }),
  }),
  z.object({
    ...base, kind: z.literal('change'),
    data: z.object({ subject: watchTargetSchema, change: z.enum(changeKinds), from: scalar.optional(), to: scalar.optional(), detail: z.record(z.string(), scalar).optional() }),
  }),
  z.object({
    ...base, kind: z.literal('capture'),
    data: z.object({ view: z.string(), subject: watchTargetSchema.nullable(), data: z.unknown(), image: imageRefSchema.nullable() }),
  }),
  z.object({ ...base, kind: z.literal('note'), data: z.object({ markdown: z.string() }) }),
  /** Pins a key event: another entry, or (with no entryId) a moment of its own. */
  z.object({ ...base, kind: z.literal('pin'), data: z.object({ entryId: z.string().nullable(), pinned: z.boolean() }) }),
  z.object({
    ...base, kind: z.literal('access'),
    data: z.object({
      event: z.enum(['granted', 'expired', 'revoked']),
      grantId: z.string(),
      profile: profileRef,
      minutes: z.number(),
      reason: z.string(),
      expiresAt: z.string(),
    }),
  }),
]);
export type Entry = z.infer<typeof entrySchema>;
export type EntryOf<K extends EntryKind> = Extract<Entry, { kind: K }>;

/** What a person (or Sluice) adds; the store fills in id, session, time, actor and machine. */
export type NewEntry = { [K in EntryKind]: Omit<EntryOf<K>, 'id' | 'sessionId' | 'at' | 'actor' | 'machine'> & Partial<Pick<EntryOf<K>, 'at' | 'actor'>> }[EntryKind];
