// The console's view of the ledger API (shared/openapi/ledger-api.v1.json); see verification.ts.
import { z } from 'zod';
import { rowSchema } from '../common/database-row';

export const publicationSchema = z.object({ topic: z.string(), partition: z.number().int(), offset: z.string(), publishedAt: z.string() });

export const outboxEventSchema = z.object({
  eventId: z.string(),
  idempotencyKey: z.string(),
  table: z.string(),
  rowKey: z.string(),
  eventType: z.string(),
  createdAt: z.string(),
  publications: z.array(publicationSchema),
});
export type OutboxEvent = z.infer<typeof outboxEventSchema>;

export const paymentLifecycleSchema = z.object({
  payment: rowSchema,
  approvals: z.array(rowSchema),
  cancellations: z.array(rowSchema),
  ledgerEntries: z.array(rowSchema),
  outboxEvents: z.array(outboxEventSchema),
});
export type PaymentLifecycle = z.infer<typeof paymentLifecycleSchema>;

export const paymentPageSchema = z.object({ items: z.array(rowSchema), nextCursor: z.string().nullable() });
export type PaymentPage = z.infer<typeof paymentPageSchema>;

export const outboxHealthSchema = z.object({
  unpublishedCount: z.number(),
  oldestUnpublishedAt: z.string().nullable(),
  oldestUnpublishedAgeMs: z.number().nullable(),
  duplicateKeys: z.array(z.object({ idempotencyKey: z.string(), publications: z.number() })),
  publisher: z.enum(['running', 'stopped']),
});
export type OutboxHealth = z.infer<typeof outboxHealthSchema>;
