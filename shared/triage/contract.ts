// Incident triage sessions: start one, watch groups, topics and pipelines (their changes are
// recorded by main), capture what a page shows, write notes and pins, grant time-boxed write access
// to a production profile, end with a summary, and export a postmortem, a decision draft and the
// whole session as JSON. The active session and its timeline are live (pushed by main).
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import { entryIdSchema, entryKinds, sessionIdSchema, severities, thresholdsSchema, triageLimits, watchTargetSchema } from './session';
import { grantViewSchema, sessionStateSchema, sessionSummarySchema, timelineItemSchema, watchItemSchema } from './timeline';

/** A page of the console to jump back to: its address (#/groups/…). */
const linkSchema = z.string().max(1000).regex(/^#\//, 'a link is a console address starting with #/');
const lines = (max: number) => z.array(z.string().max(2_000)).max(max);

export const teamStatusSchema = z.object({
  /** SLUICE_TEAM_DB_URL is set. */
  configured: z.boolean(),
  reachable: z.boolean(),
  lastSyncAt: z.string().nullable(),
  /** Local entries and audit records not yet in the team database. */
  pending: z.number(),
  problem: z.string().nullable(),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

export const listedSessionSchema = sessionSummarySchema.extend({
  active: z.boolean(),
  /** local: a file on this machine (perhaps also shared); team: only in the team database. */
  origin: z.enum(['local', 'team']),
});
export type ListedSession = z.infer<typeof listedSessionSchema>;

export const activeSessionSchema = z.object({
  session: sessionSummarySchema.nullable(),
  /** Write grants running now, with their expiry (the production bar counts down to it). */
  grants: z.array(grantViewSchema),
  watches: z.number(),
  /** Who this machine writes as: the OS user name unless the session set one. */
  who: z.string(),
  /** Main's clock, so a countdown does not depend on the page's. */
  now: z.string(),
});
export type ActiveSession = z.infer<typeof activeSessionSchema>;

export const sessionViewSchema = z.object({
  state: sessionStateSchema.nullable(),
  active: z.boolean(),
  items: z.array(timelineItemSchema),
  matching: z.number(),
  /** Lines of the session file that are not entries (a torn tail a crash left, or damage). */
  damagedLines: z.number(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const exportResultSchema = z.object({
  sessionId: z.string(),
  /** The folder under the data folder the postmortem, its charts and the JSON were written to. */
  folder: z.string(),
  postmortem: z.object({ fileName: z.string(), mediaType: z.string(), content: z.string() }),
  json: z.object({ fileName: z.string(), bytes: z.number() }),
  charts: z.number(),
  /** The decision draft written into the open workspace, or why there is none. */
  adr: z.object({ path: z.string(), number: z.number() }).nullable(),
  adrProblem: z.string().nullable(),
  durationMs: z.number(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

const captureInput = z.object({
  /** Which view was captured: group-history, group-health, mismatch, pipelines, ledger… */
  view: z.string().min(1).max(100),
  title: z.string().min(1).max(triageLimits.title * 2),
  link: linkSchema,
  subject: watchTargetSchema.nullable().default(null),
  /** What the page shows, as data. */
  data: z.unknown(),
  /** The chart, when there is one: a PNG, base64, bounded. */
  image: z.object({
    pngBase64: z.string().max(triageLimits.captureImage).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the image is base64'),
    width: z.number().int().min(1).max(8_000),
    height: z.number().int().min(1).max(8_000),
  }).strict().nullable().default(null),
}).strict();
export type CaptureInput = z.input<typeof captureInput>;

const sessionReaders = ['triage.session', 'triage.active', 'triage.list'] as const;

export const triageContract = {
  'triage.start': method({
    input: z.object({
      title: z.string().trim().min(1).max(triageLimits.title),
      severity: z.enum(severities).default('SEV3'),
      /** The profiles involved; the active one when none is named. */
      profileIds: z.array(z.string().min(1).max(100)).max(20).optional(),
      /** Who is triaging; the OS user name when not set. */
      who: z.string().trim().min(1).max(triageLimits.who).optional(),
    }).strict(),
    output: sessionStateSchema,
    invalidates: sessionReaders,
  }),
  'triage.end': method({
    input: z.object({ summary: z.string().max(triageLimits.summary), findings: lines(100).default([]), followUps: lines(100).default([]) }).strict(),
    output: sessionStateSchema,
    invalidates: [...sessionReaders, 'audit.list'],
  }),
  'triage.list': method({
    input: z.object({ text: z.string().max(200).optional(), limit: z.number().int().min(1).max(1_000).optional() }).strict(),
    output: z.object({ sessions: z.array(listedSessionSchema), team: teamStatusSchema }),
    live: 5_000,
  }),
  'triage.session': method({
    input: z.object({
      /** A session by id; the active one when absent. */
      id: sessionIdSchema.optional(),
      kinds: z.array(z.enum(entryKinds)).max(entryKinds.length).optional(),
      text: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    }).strict(),
    output: sessionViewSchema,
    live: 2_000,
  }),
  'triage.active': method({ input: noInput, output: activeSessionSchema, live: 2_000 }),
  'triage.note': method({
    input: z.object({ markdown: z.string().trim().min(1).max(triageLimits.note), link: linkSchema.nullable().default(null) }).strict(),
    output: z.object({ entryId: z.string() }),
    invalidates: ['triage.session'],
  }),
  'triage.pin': method({
    input: z.object({
      /** The entry to pin (or unpin); absent to pin a moment of its own, titled. */
      entryId: entryIdSchema.optional(),
      title: z.string().trim().min(1).max(triageLimits.title * 2).optional(),
      pinned: z.boolean().default(true),
      link: linkSchema.nullable().default(null),
    }).strict(),
    output: z.object({ entryId: z.string() }),
    invalidates: ['triage.session'],
  }),
  'triage.capture': method({ input: captureInput, output: z.object({ entryId: z.string(), image: z.boolean() }), invalidates: ['triage.session'] }),
  'triage.watch': method({
    input: z.object({ target: watchTargetSchema, on: z.boolean().default(true), thresholds: thresholdsSchema.nullable().default(null) }).strict(),
    output: z.object({ watches: z.array(watchItemSchema) }),
    invalidates: sessionReaders,
  }),
  'triage.grantWrite': method({
    input: z.object({
      /** The production profile to open for writing; the active one when absent. */
      profileId: z.string().min(1).max(100).optional(),
      minutes: z.number().positive().max(triageLimits.grantMinutes.max)
        .refine((m) => m >= triageLimits.grantMinutes.min, `a write grant lasts at least ${triageLimits.grantMinutes.min} minutes (15 s)`),
      reason: z.string().trim().min(3).max(triageLimits.reason),
    }).strict(),
    output: grantViewSchema,
    invalidates: [...sessionReaders, 'audit.list'],
  }),
  'triage.revokeWrite': method({
    input: z.object({ grantId: z.string().min(1).max(100) }).strict(),
    output: grantViewSchema,
    invalidates: [...sessionReaders, 'audit.list'],
  }),
  'triage.join': method({
    input: z.object({ id: sessionIdSchema, who: z.string().trim().min(1).max(triageLimits.who).optional() }).strict(),
    output: sessionStateSchema,
    invalidates: sessionReaders,
  }),
  'triage.attachment': method({
    input: z.object({ sessionId: sessionIdSchema, file: z.string().regex(/^[A-Za-z0-9_-]{1,100}\.png$/, 'an attachment is a .png file name') }).strict(),
    output: z.object({ mediaType: z.literal('image/png'), base64: z.string() }),
  }),
  'triage.export': method({
    input: z.object({
      /** A session by id; the active one (or the last one) when absent. */
      id: sessionIdSchema.optional(),
      /** Also write a decision draft into the open workspace. */
      adr: z.boolean().default(true),
    }).strict(),
    output: exportResultSchema,
    invalidates: ['triage.list', 'workspace.state', 'workspace.file', 'governance.overview'],
  }),
};
