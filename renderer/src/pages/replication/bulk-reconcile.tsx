// Reconcile every open mismatch matching the filter, as a job in the verification service: confirm,
// watch progress (pushed from main), cancel. One idempotency key per confirmed intent, so a double
// click or a retried request starts one job.
import { useRef, useState } from 'react';
import type { MismatchFilter } from '../../../../shared/replication/verification';
import { useCancelReconcileJob, useReconcileJob, useReconcileMany } from '../../api/replication';
import { formatNumber } from '../../components/badges';

const describe = (filter: MismatchFilter) => Object.entries(filter).filter(([name, value]) => value && name !== 'status').map(([name, value]) => `${name} = ${value}`).join(', ') || 'all open mismatches';

function JobProgress({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const job = useReconcileJob(jobId);
  const cancel = useCancelReconcileJob();
  const cancelKey = useRef(crypto.randomUUID());
  const data = job.data;
  if (!data) return <div className="bulk-progress muted" role="status">Starting the reconcile job…</div>;
  const done = data.succeeded + data.failed + data.skipped;
  const percent = data.total === 0 ? 100 : Math.round((done / data.total) * 100);
  return (
    <div className="bulk-progress" data-testid="bulk-progress" role="status" aria-live="polite">
      <progress max={Math.max(1, data.total)} value={done} aria-label="Reconcile progress" />
      <span data-testid="bulk-counts">{formatNumber(done)} of {formatNumber(data.total)} ({percent} %) · {formatNumber(data.succeeded)} resolved · {formatNumber(data.failed)} failed{data.skipped ? ` · ${formatNumber(data.skipped)} gone` : ''}</span>
      <span className={`badge ${data.state === 'done' ? 'state-ok' : data.state === 'cancelled' ? 'state-idle' : 'state-moving'}`} data-testid="bulk-state">{data.state}</span>
      {data.state === 'running'
        ? <button type="button" className="danger" disabled={cancel.isPending} onClick={() => cancel.mutate({ id: jobId, idempotencyKey: cancelKey.current })}>Cancel</button>
        : <button type="button" onClick={onClose}>Close</button>}
      {data.errors.length > 0 && <details><summary>{data.errors.length} errors</summary><ul>{data.errors.map((e) => <li key={e.mismatchId}>#{e.mismatchId}: {e.message}</li>)}</ul></details>}
    </div>
  );
}

export function BulkReconcile({ filter, openCount }: { filter: MismatchFilter; openCount: number | null }) {
  const [confirming, setConfirming] = useState(false);
  const start = useReconcileMany();
  // The job being watched is the one this start answered with; closing forgets it.
  const jobId = start.data?.id ?? null;
  const intent = useRef<string | null>(null);
  const submitted = useRef(false);

  if (jobId) return <JobProgress jobId={jobId} onClose={() => start.reset()} />;
  if (!confirming) {
    return <button type="button" data-testid="bulk-reconcile" onClick={() => { intent.current = crypto.randomUUID(); submitted.current = false; setConfirming(true); }}>Reconcile all matching…</button>;
  }
  const { status: _status, ...jobFilter } = filter;
  return (
    <div className="bulk-confirm" role="dialog" aria-label="Reconcile all matching">
      <span>Reconcile <strong>{openCount === null ? 'every' : formatNumber(openCount)}</strong> open mismatch{openCount === 1 ? '' : 'es'} matching <em>{describe(filter)}</em> from the source of truth? Each is re-queried, applied, re-verified and audited.</span>
      {filter.status && <span className="muted small">The status filter does not apply to jobs: pending mismatches are included.</span>}
      {start.error && <span className="error-text" role="alert">{start.error.message}</span>}
      <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
      <button type="button" className="primary" data-testid="bulk-apply" disabled={start.isPending}
        onClick={() => {
          if (submitted.current) return; // a double click starts one job
          submitted.current = true;
          start.mutate({ filter: jobFilter, idempotencyKey: intent.current! }, {
            onSuccess: () => setConfirming(false),
            onError: () => { submitted.current = false; },
          });
        }}>
        {start.isPending ? 'Starting…' : 'Start reconcile job'}
      </button>
    </div>
  );
}
