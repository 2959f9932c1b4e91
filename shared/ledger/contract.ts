// The INSERT-only payment ledger: a payment's whole lifecycle, a merchant's payments, outbox health.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import { outboxHealthSchema, paymentLifecycleSchema, paymentPageSchema } from './ledger';

export const ledgerContract = {
  'ledger.payment': method({ input: z.object({ paymentId: z.string().min(1).max(200) }).strict(), output: paymentLifecycleSchema }),
  'ledger.payments': method({
    input: z.object({ merchantId: z.string().min(1).max(200), from: z.string().optional(), to: z.string().optional(), cursor: z.string().max(1000).optional() }).strict(),
    output: paymentPageSchema,
  }),
  'ledger.outboxHealth': method({ input: noInput, output: outboxHealthSchema, live: 3_000 }),
};
