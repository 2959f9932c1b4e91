// The audit log of every control action, newest first.
import { z } from 'zod';
import { method } from '../common/contract-method';
import { auditRecordSchema } from './audit-record';

export const auditContract = {
  'audit.list': method({
    input: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({ records: z.array(auditRecordSchema) }),
    live: 5_000,
  }),
};
