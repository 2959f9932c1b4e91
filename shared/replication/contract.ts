// CDC replication as the verification API sees it: pipelines, mismatches, and reconciliation (one
// mismatch, or every one matching a filter as a job). Each reconcile carries an idempotency key.
import { z } from 'zod';
import { method, noInput } from '../common/contract-method';
import {
  idempotencyKeySchema, mismatchDetailSchema, mismatchFilterSchema, mismatchPageSchema, pipelineSchema, reconcileJobSchema, reconcileResponseSchema,
} from './verification';

const byId = z.object({ id: z.string().min(1) }).strict();

export const replicationContract = {
  'replication.pipelines': method({ input: noInput, output: z.object({ items: z.array(pipelineSchema) }), live: 3_000 }),
  'replication.mismatches': method({
    input: mismatchFilterSchema.extend({ cursor: z.string().max(1000).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: mismatchPageSchema,
    live: 3_000,
  }),
  'replication.mismatch': method({ input: byId, output: mismatchDetailSchema, live: 3_000 }),
  'replication.reconcile': method({
    input: z.object({ id: z.string().min(1), dryRun: z.boolean(), idempotencyKey: idempotencyKeySchema }).strict(),
    output: reconcileResponseSchema,
    invalidates: ['replication.mismatches', 'replication.mismatch', 'replication.pipelines', 'audit.list'],
  }),
  'replication.reconcileMany': method({
    input: z.object({ filter: mismatchFilterSchema.omit({ status: true }), idempotencyKey: idempotencyKeySchema }).strict(),
    output: reconcileJobSchema,
    invalidates: ['replication.reconcileJob', 'replication.mismatches', 'audit.list'],
  }),
  'replication.reconcileJob': method({ input: byId, output: reconcileJobSchema, live: 1_000 }),
  'replication.cancelReconcileJob': method({
    input: z.object({ id: z.string().min(1), idempotencyKey: idempotencyKeySchema }).strict(),
    output: reconcileJobSchema,
    invalidates: ['replication.reconcileJob', 'audit.list'],
  }),
};
