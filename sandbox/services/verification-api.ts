// The verification API (shared/openapi/verification-api.v1.json): pipelines with their groups and
// lag, mismatches (filtered, cursor pages), one mismatch with a live re-query of both rows, reconcile
// one (dry run or apply), reconcile many as a job.
import { ApiError, decodeCursor, encodeCursor, JsonApi, limitParam } from './http-api';
import { keyOf, replicatedTableNames } from './ledger-schema';
import { statusOf, type MismatchFilter, type MismatchRecord, type MismatchStore, type ReplicatorOffsets } from './mismatch-store';
import type { PipelineOffsets } from './pipeline-offsets';
import { ReconcileError, type Reconciler } from './reconcile';
import type { ReconcileJobs } from './reconcile-jobs';
import { readRow } from './row-diff';
import type { Sql } from './sql';
import type { Verifier } from './verifier';

export interface PipelineDescription {
  id: string;
  name: string;
  topic: string;
  source: string;
  target: string;
  replicatorGroupId: string;
  verifierGroupId: string;
  verifyDelayMs: number;
  retryAfterMs: number;
  batchAfterMs: number;
}

interface VerificationParts {
  pipeline: PipelineDescription;
  source: Sql;
  target: Sql;
  mismatches: MismatchStore;
  offsets: PipelineOffsets;
  verifier: Verifier;
  reconciler: Reconciler;
  jobs: ReconcileJobs;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], name: string): T | undefined => {
  if (value === null || value === '') return undefined;
  if (!allowed.includes(value as T)) throw new ApiError(400, 'BAD_REQUEST', `${name} must be one of ${allowed.join(', ')}`);
  return value as T;
};

function filterFrom(input: Record<string, unknown> | URLSearchParams): MismatchFilter {
  const get = (name: string) => (input instanceof URLSearchParams ? input.get(name) : typeof input[name] === 'string' ? (input[name] as string) : null);
  return {
    pipelineId: get('pipelineId') ?? undefined,
    table: oneOf(get('table'), replicatedTableNames, 'table'),
    kind: oneOf(get('kind'), ['missing', 'extra', 'differs'] as const, 'kind'),
    stage: oneOf(get('stage'), ['retry', 'batch', 'manual'] as const, 'stage'),
    status: oneOf(get('status'), ['open', 'pending', 'divergent', 'resolved'] as const, 'status'),
  };
}

const present = (mismatch: MismatchRecord, replicator: ReplicatorOffsets) => ({
  id: mismatch.id, pipelineId: mismatch.pipelineId, table: mismatch.table, key: mismatch.key, kind: mismatch.kind, stage: mismatch.stage,
  status: statusOf(mismatch, replicator), columns: mismatch.columns, event: mismatch.event,
  detectedAt: mismatch.detectedAt, resolvedAt: mismatch.resolvedAt, resolution: mismatch.resolution,
});

export function verificationApi(parts: VerificationParts, token: string, log: (line: string) => void): JsonApi {
  const { pipeline, mismatches, offsets, reconciler, jobs } = parts;
  const replicatorOffsets = () => offsets.committed(pipeline.replicatorGroupId);
  const reconcileError = (error: unknown): never => {
    if (error instanceof ReconcileError) throw new ApiError(error.code === 'NOT_FOUND' ? 404 : 409, error.code, error.message);
    throw error;
  };
  return new JsonApi(token, log)
    .route('GET', '/v1/pipelines', async () => {
      const [replicatorLag, verifierLag, counts, replicator] = await Promise.all([
        offsets.lag(pipeline.replicatorGroupId), offsets.lag(pipeline.verifierGroupId), mismatches.counts(), replicatorOffsets(),
      ]);
      const byStage = { retry: 0, batch: 0, manual: 0 };
      for (const row of counts) byStage[row.stage as keyof typeof byStage] = Number(row.count);
      const pending = await mismatches.count({ status: 'pending' }, replicator);
      const open = byStage.retry + byStage.batch + byStage.manual;
      return {
        items: [{
          ...pipeline, replicatorLag, verifierLag, verifierState: parts.verifier.state,
          openByStage: byStage, openByStatus: { pending, divergent: Math.max(0, open - pending) },
        }],
      };
    })
    .route('GET', '/v1/mismatches', async ({ query }) => {
      const filter = filterFrom(query);
      const after = decodeCursor<{ id: string }>(query.get('cursor'));
      const replicator = await replicatorOffsets();
      const page = await mismatches.list(filter, replicator, after?.id ?? null, limitParam(query, 100, 1000));
      const last = page.items[page.items.length - 1];
      return { items: page.items.map((m) => present(m, replicator)), nextCursor: page.more && last ? encodeCursor({ id: last.id }) : null };
    })
    .route('GET', '/v1/mismatches/{id}', async ({ params }) => {
      const mismatch = await mismatches.get(params.id!);
      if (!mismatch) throw new ApiError(404, 'NOT_FOUND', `No mismatch ${params.id}`);
      const key = mismatch.key[keyOf(mismatch.table)]!;
      // Live re-query: what both databases hold now, not what they held at detection.
      const [sourceRow, targetRow, history, replicator] = await Promise.all([
        readRow(parts.source, mismatch.table, key), readRow(parts.target, mismatch.table, key), mismatches.historyOf(mismatch.id), replicatorOffsets(),
      ]);
      return { mismatch: present(mismatch, replicator), sourceRow, targetRow, history };
    })
    .route('POST', '/v1/mismatches/{id}/reconcile', async ({ params, body, idempotencyKey }) => {
      const dryRun = (body as { dryRun?: unknown }).dryRun;
      if (typeof dryRun !== 'boolean') throw new ApiError(400, 'BAD_REQUEST', 'dryRun must be true or false');
      try {
        if (dryRun) return { dryRun: true, plan: await reconciler.plan(params.id!) };
        return { dryRun: false, result: await reconciler.apply(params.id!, idempotencyKey!) };
      } catch (error) {
        return reconcileError(error);
      }
    })
    .route('GET', '/v1/reconciles/{idempotencyKey}', async ({ params }) => {
      const result = await reconciler.storedResult(params.idempotencyKey!);
      if (!result) throw new ApiError(404, 'NOT_FOUND', `Nothing was applied under idempotency key ${params.idempotencyKey}`);
      return result;
    })
    .route('GET', '/v1/reconcile-jobs/by-key/{idempotencyKey}', async ({ params }) => {
      const job = jobs.byKey(params.idempotencyKey!);
      if (!job) throw new ApiError(404, 'NOT_FOUND', `No reconcile job was started under idempotency key ${params.idempotencyKey}`);
      return job;
    })
    .route('POST', '/v1/reconcile-jobs', async ({ body, idempotencyKey }) => {
      const filter = filterFrom(((body as { filter?: Record<string, unknown> }).filter ?? {}));
      return jobs.start({ ...filter, status: undefined }, idempotencyKey!);
    }, 202)
    .route('GET', '/v1/reconcile-jobs/{id}', async ({ params }) => {
      const job = jobs.get(params.id!);
      if (!job) throw new ApiError(404, 'NOT_FOUND', `No reconcile job ${params.id}`);
      return job;
    })
    .route('POST', '/v1/reconcile-jobs/{id}/cancel', async ({ params }) => {
      const job = jobs.cancel(params.id!);
      if (!job) throw new ApiError(404, 'NOT_FOUND', `No reconcile job ${params.id}`);
      return job;
    });
}
