// The audit log of every control action: actions (intent with outcome) newest first, filtered by
// time, profile, action, target and result, with the state of the log's hash chain; the chain
// checked on demand; and an export of what the filter shows.
import { z } from 'zod';
import { method } from '../common/contract-method';
import { auditActionSchema, auditFilterSchema, chainReportSchema } from './audit-record';

export const auditContract = {
  'audit.list': method({
    input: auditFilterSchema.extend({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({
      actions: z.array(auditActionSchema),
      /** Actions that match the filter, of which the newest `limit` are listed. */
      matching: z.number(),
      chain: chainReportSchema,
      /** Lines of the log that are not records (a torn tail after a failed write, or damage). */
      damagedLines: z.number(),
    }),
    live: 5_000,
  }),
  'audit.verify': method({ input: z.object({}).strict(), output: chainReportSchema }),
  'audit.export': method({
    input: auditFilterSchema.extend({ format: z.enum(['jsonl', 'csv']) }).strict(),
    output: z.object({ fileName: z.string(), mediaType: z.string(), content: z.string(), actions: z.number() }),
  }),
};
