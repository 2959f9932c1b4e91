// Reconcile jobs: progress counts, one job per idempotency key, cancellation that stops new items
// while the ones in flight finish, and failures kept with their reason.
import { describe, expect, it } from 'vitest';
import { ReconcileJobs } from '../../../../sandbox/services/reconcile-jobs';
import { ReconcileError, type Reconciler, type ReconcileResult } from '../../../../sandbox/services/reconcile';
import type { MismatchStore } from '../../../../sandbox/services/mismatch-store';

const until = async (check: () => boolean) => { while (!check()) await new Promise((r) => setTimeout(r, 5)); };

function setup(ids: string[], behaviour: (id: string) => Promise<Partial<ReconcileResult>>) {
  const calls: { id: string; key: string }[] = [];
  const store = { openIds: async () => ids } as unknown as MismatchStore;
  const reconciler = { apply: async (id: string, key: string) => { calls.push({ id, key }); return { verified: true, ...(await behaviour(id)) } as ReconcileResult; } } as unknown as Reconciler;
  return { jobs: new ReconcileJobs(store, reconciler, 2), calls };
}

describe('reconcile jobs', () => {
  it('counts progress and keys each item under the job’s key', async () => {
    const { jobs, calls } = setup(['1', '2', '3'], async (id) => (id === '2' ? { verified: false } : {}));
    const job = await jobs.start({ kind: 'missing' }, 'job-key');
    await until(() => job.state === 'done');
    expect(job).toMatchObject({ total: 3, succeeded: 2, failed: 1, skipped: 0 });
    expect(calls.map((c) => c.key)).toEqual(['job-key:1', 'job-key:2', 'job-key:3']);
    expect(await jobs.start({ kind: 'missing' }, 'job-key')).toBe(job); // same key, same job
  });

  it('stops taking new items when cancelled; items in flight finish', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const { jobs, calls } = setup(Array.from({ length: 50 }, (_, i) => String(i)), async () => { await gate; return {}; });
    const job = await jobs.start({}, 'cancel-me');
    await until(() => calls.length === 2);
    expect(jobs.cancel(job.id)?.state).toBe('cancelled');
    release();
    await until(() => job.finishedAt !== null);
    expect(job.state).toBe('cancelled');
    expect(job.succeeded).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it('keeps the reason of a failure and counts a vanished mismatch as skipped', async () => {
    const { jobs } = setup(['1', '2'], async (id) => { throw id === '1' ? new ReconcileError('NOT_FOUND', 'gone') : new Error('target database is read-only'); });
    const job = await jobs.start({}, 'errors');
    await until(() => job.state === 'done');
    expect(job).toMatchObject({ skipped: 1, failed: 1, errors: [{ mismatchId: '2', message: 'target database is read-only' }] });
  });
});
