// The console's view of the verification API (shared/openapi/verification-api.v1.json). The HTTP
// client checks every response against that OpenAPI document; these zod schemas give the console
// its types and are checked against the same document by test/unit/openapi-contract.test.ts.
import { z } from 'zod';
import { nullableText, rowSchema } from '../common/database-row';

export { rowSchema, type Row } from '../common/database-row';

export const mismatchKinds = ['missing', 'extra', 'differs'] as const;
export const recoveryStages = ['retry', 'batch', 'manual'] as const;
export const mismatchStatuses = ['pending', 'divergent', 'resolved'] as const;
/** Status filter: `open` is pending or divergent. */
export const mismatchStatusFilters = ['open', ...mismatchStatuses] as const;
export const replicatedTables = ['payments', 'approvals', 'cancellations', 'ledger_entries'] as const;

export const pipelineSchema = z.object({
  id: z.string(),
  name: z.string(),
  topic: z.string(),
  source: z.string(),
  target: z.string(),
  replicatorGroupId: z.string(),
  verifierGroupId: z.string(),
  verifyDelayMs: z.number(),
  retryAfterMs: z.number(),
  batchAfterMs: z.number(),
  replicatorLag: z.number(),
  verifierLag: z.number(),
  verifierState: z.enum(['running', 'stopped']),
  openByStage: z.object({ retry: z.number(), batch: z.number(), manual: z.number() }),
  openByStatus: z.object({ pending: z.number(), divergent: z.number() }),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

export const columnDifferenceSchema = z.object({ name: z.string(), source: nullableText, target: nullableText });
export type ColumnDifference = z.infer<typeof columnDifferenceSchema>;

export const eventCoordinatesSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  timestamp: z.string(),
  operation: z.enum(['insert', 'update', 'delete']),
});

export const mismatchSchema = z.object({
  id: z.string(),
  pipelineId: z.string(),
  table: z.string(),
  key: z.record(z.string(), z.string()),
  kind: z.enum(mismatchKinds),
  stage: z.enum(recoveryStages),
  status: z.enum(mismatchStatuses),
  columns: z.array(columnDifferenceSchema),
  /** null when the table scan found a target row that no event explains (extra in target). */
  event: eventCoordinatesSchema.nullable(),
  detectedAt: z.string(),
  resolvedAt: nullableText,
  resolution: nullableText,
});
export type Mismatch = z.infer<typeof mismatchSchema>;

export const mismatchPageSchema = z.object({ items: z.array(mismatchSchema), nextCursor: nullableText });
export type MismatchPage = z.infer<typeof mismatchPageSchema>;

export const mismatchDetailSchema = z.object({
  mismatch: mismatchSchema,
  sourceRow: rowSchema.nullable(),
  targetRow: rowSchema.nullable(),
  history: z.array(z.object({ at: z.string(), stage: z.enum(recoveryStages), action: z.string(), detail: z.string() })),
});
export type MismatchDetail = z.infer<typeof mismatchDetailSchema>;

const reconcileAction = z.enum(['insert', 'update', 'delete', 'none']);

export const reconcilePlanSchema = z.object({
  mismatchId: z.string(),
  action: reconcileAction,
  table: z.string(),
  key: z.record(z.string(), z.string()),
  sourceOfTruth: z.literal('source'),
  guards: z.array(z.string()),
  difference: z.object({ kind: z.enum(mismatchKinds), columns: z.array(columnDifferenceSchema) }).nullable(),
  statements: z.array(z.object({ sql: z.string(), params: z.array(nullableText) })),
  sql: z.array(z.string()),
});
export type ReconcilePlan = z.infer<typeof reconcilePlanSchema>;

export const reconcileResultSchema = z.object({
  mismatchId: z.string(),
  idempotencyKey: z.string(),
  applied: z.boolean(),
  replayed: z.boolean(),
  action: reconcileAction,
  sql: z.array(z.string()),
  verified: z.boolean(),
  status: z.enum(['resolved', 'divergent']),
  appliedAt: z.string(),
});
export type ReconcileResult = z.infer<typeof reconcileResultSchema>;

export const reconcileResponseSchema = z.discriminatedUnion('dryRun', [
  z.object({ dryRun: z.literal(true), plan: reconcilePlanSchema }),
  z.object({ dryRun: z.literal(false), result: reconcileResultSchema }),
]);
export type ReconcileResponse = z.infer<typeof reconcileResponseSchema>;

export const mismatchFilterSchema = z.object({
  pipelineId: z.string().min(1).optional(),
  table: z.enum(replicatedTables).optional(),
  kind: z.enum(mismatchKinds).optional(),
  stage: z.enum(recoveryStages).optional(),
  status: z.enum(mismatchStatusFilters).optional(),
}).strict();
export type MismatchFilter = z.infer<typeof mismatchFilterSchema>;

export const reconcileJobSchema = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  filter: z.record(z.string(), z.unknown()),
  state: z.enum(['running', 'cancelled', 'done']),
  total: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ mismatchId: z.string(), message: z.string() })),
  startedAt: z.string(),
  finishedAt: nullableText,
});
export type ReconcileJob = z.infer<typeof reconcileJobSchema>;

/** Idempotency keys: one per user intent (a click), reused by every retry of that intent. */
// It travels in an HTTP header: other characters make fetch throw before a request is even sent.
export const idempotencyKeySchema = z.string().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'an idempotency key is printable ASCII without spaces, such as a UUID');
