import { z } from 'zod';

export const auditRecordSchema = z.object({
  id: z.string(),
  time: z.string(),
  profile: z.object({ id: z.string(), name: z.string(), production: z.boolean() }),
  action: z.string(),
  /** Where the action was applied: bootstrap brokers, a registry or service URL. */
  endpoint: z.string().optional(),
  target: z.unknown(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  result: z.enum(['ok', 'error']),
  error: z.string().optional(),
  /** The equivalent command line, for the record and for people who prefer the CLI. */
  command: z.string().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;
