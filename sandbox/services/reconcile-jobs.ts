// Reconcile many: a job over a snapshot of the open mismatches matching a filter, with progress and
// cancellation. Each item is reconciled under `<job key>:<mismatch id>`, so re-running a job (or a
// job racing single reconciles) applies every row at most once.
import { randomUUID } from 'node:crypto';
import type { MismatchFilter, MismatchStore } from './mismatch-store';
import { ReconcileError, type Reconciler } from './reconcile';
import { mapLimit } from '../../shared/common/concurrency';

export interface ReconcileJob {
  id: string;
  idempotencyKey: string;
  filter: MismatchFilter;
  state: 'running' | 'cancelled' | 'done';
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
  errors: { mismatchId: string; message: string }[];
  startedAt: string;
  finishedAt: string | null;
}

const MAX_JOB_ITEMS = 100_000;

export class ReconcileJobs {
  private jobs = new Map<string, ReconcileJob>();
  private idsByKey = new Map<string, string>();

  constructor(private readonly mismatches: MismatchStore, private readonly reconciler: Reconciler, private readonly concurrency = 8) {}

  async start(filter: MismatchFilter, idempotencyKey: string): Promise<ReconcileJob> {
    const existing = this.idsByKey.get(idempotencyKey);
    if (existing) return this.jobs.get(existing)!;
    const job: ReconcileJob = {
      id: randomUUID(), idempotencyKey, filter, state: 'running', total: 0, succeeded: 0, failed: 0, skipped: 0, errors: [],
      startedAt: new Date().toISOString(), finishedAt: null,
    };
    this.idsByKey.set(idempotencyKey, job.id);
    this.jobs.set(job.id, job);
    const ids = await this.mismatches.openIds(filter, MAX_JOB_ITEMS);
    job.total = ids.length;
    void mapLimit(ids, this.concurrency, async (id) => {
      if (job.state === 'cancelled') return;
      try {
        const result = await this.reconciler.apply(id, `${idempotencyKey}:${id}`);
        if (result.verified) job.succeeded++;
        else job.failed++;
      } catch (error) {
        if (error instanceof ReconcileError && error.code === 'NOT_FOUND') job.skipped++;
        else {
          job.failed++;
          if (job.errors.length < 20) job.errors.push({ mismatchId: id, message: error instanceof Error ? error.message : String(error) });
        }
      }
    }).finally(() => {
      if (job.state === 'running') job.state = 'done';
      job.finishedAt = new Date().toISOString();
    });
    return job;
  }

  get(id: string): ReconcileJob | null {
    return this.jobs.get(id) ?? null;
  }

  byKey(idempotencyKey: string): ReconcileJob | null {
    const id = this.idsByKey.get(idempotencyKey);
    return id ? (this.jobs.get(id) ?? null) : null;
  }

  cancel(id: string): ReconcileJob | null {
    const job = this.jobs.get(id);
    if (job && job.state === 'running') job.state = 'cancelled';
    return job ?? null;
  }
}
