// The audit log's records. Every control action writes two: an *intent* before anything is applied
// (a disk that cannot take it refuses the action) and an *outcome* after it — applied, refused,
// failed (nothing changed, and that is known), or unknown (the answer was lost and the target
// could not be read back). Records form a hash chain: each carries the SHA-256 of the one before.
// Records written before the chain existed (result ok/error, no phase) are still read and shown.
import { z } from 'zod';

export const actionResults = ['applied', 'refused', 'failed', 'unknown'] as const;
export type ActionResult = (typeof actionResults)[number];
/** Results of records written before intents and outcomes. */
const legacyResults = ['ok', 'error'] as const;

export const auditProfileSchema = z.object({ id: z.string(), name: z.string(), production: z.boolean() });

export const auditRecordSchema = z.object({
  id: z.string(),
  /** Position in the chain (absent on records older than the chain). */
  seq: z.number().int().nonnegative().optional(),
  time: z.string(),
  phase: z.enum(['intent', 'outcome']).optional(),
  /** On an outcome: the intent it completes. */
  intentId: z.string().optional(),
  profile: auditProfileSchema,
  action: z.string(),
  /** Where the action was applied: bootstrap brokers, a registry or service URL. */
  endpoint: z.string().optional(),
  target: z.unknown(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  result: z.enum([...actionResults, ...legacyResults]).optional(),
  error: z.string().optional(),
  /** For an outcome that was not answered: what reading the target back found. */
  readBack: z.unknown().optional(),
  /** A sentence for people: "applied, though the service's answer was lost". */
  note: z.string().optional(),
  /** The equivalent command line, for the record and for people who prefer the CLI. */
  command: z.string().optional(),
  prevHash: z.string().optional(),
  hash: z.string().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** One action as the Audit page shows it: its intent and its outcome (either may be missing). */
export const auditActionSchema = z.object({
  id: z.string(),
  time: z.string(),
  profile: auditProfileSchema,
  action: z.string(),
  endpoint: z.string().nullable(),
  target: z.unknown(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  command: z.string().nullable(),
  /** `pending` while an intent has no outcome yet (or the process stopped before writing it). */
  result: z.enum([...actionResults, 'pending']),
  error: z.string().nullable(),
  note: z.string().nullable(),
  readBack: z.unknown().optional(),
  outcomeTime: z.string().nullable(),
});
export type AuditAction = z.infer<typeof auditActionSchema>;

export const chainProblemKinds = ['altered', 'removed', 'reordered', 'truncated', 'torn'] as const;
export const chainReportSchema = z.object({
  state: z.enum(['intact', 'broken', 'empty']),
  file: z.string(),
  /** Records checked in the chain, and older unchained records before it. */
  records: z.number(),
  unchained: z.number(),
  firstProblem: z.object({ kind: z.enum(chainProblemKinds), seq: z.number().nullable(), line: z.number(), message: z.string() }).nullable(),
  problems: z.number(),
});
export type ChainReport = z.infer<typeof chainReportSchema>;

export const auditFilterSchema = z.object({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  profile: z.string().max(200).optional(),
  action: z.string().max(200).optional(),
  /** Words that must all appear in the target (group, subject, mismatch…). */
  target: z.string().max(500).optional(),
  result: z.enum([...actionResults, 'pending']).optional(),
}).strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;
