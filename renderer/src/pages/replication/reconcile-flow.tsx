// One-click reconcile: preview (the plan and its SQL, from a live re-query) → confirm → apply →
// re-verified → resolved, in one panel. The idempotency key is made when the preview opens and
// reused by every click and retry of that intent, so it applies at most once.
import { useRef } from 'react';
import type { Mismatch, ReconcilePlan } from '../../../../shared/replication/verification';
import { useReconcile } from '../../api/replication';

const actionText: Record<ReconcilePlan['action'], string> = {
  insert: 'Insert the source row into the target',
  update: 'Update the differing columns in the target from the source',
  delete: 'Delete the row from the target (the source does not have it)',
  none: 'Nothing to change: source and target agree now',
};

export function ReconcileFlow({ mismatch }: { mismatch: Mismatch }) {
  // The steps are the two calls' own state: the plan is the preview's answer, the idempotency key
  // the one the preview was asked with, the result the apply's answer.
  const preview = useReconcile();
  const apply = useReconcile();
  const applying = useRef(false);
  const plan = preview.data?.dryRun ? preview.data.plan : null;
  const key = preview.variables?.idempotencyKey ?? null;
  const result = apply.data && !apply.data.dryRun ? apply.data.result : null;

  const openPreview = () => preview.mutate({ id: mismatch.id, dryRun: true, idempotencyKey: crypto.randomUUID() });
  const confirm = (idempotencyKey: string) => {
    if (applying.current) return; // the second click of a double click
    applying.current = true;
    apply.mutate({ id: mismatch.id, dryRun: false, idempotencyKey }, { onSettled: () => { applying.current = false; } });
  };
  const cancel = () => { preview.reset(); apply.reset(); };

  if (mismatch.status === 'resolved' && !result) return <p className="ok-text" data-testid="resolved-note">Resolved{mismatch.resolution ? ` (${mismatch.resolution})` : ''} at {mismatch.resolvedAt}.</p>;
  if (result) {
    const r = result;
    return (
      <div className="reconcile-panel" data-testid="reconcile-result" role="status">
        <p className={r.verified ? 'ok-text' : 'error-text'}>
          {r.verified ? 'Reconciled and re-verified: source and target agree. ' : 'Applied, but the re-check still finds a difference. '}
          <span className="badge state-ok" data-testid="reconcile-status">{r.status}</span>
        </p>
        {r.sql.length > 0 && <pre className="sql">{r.sql.join(';\n')};</pre>}
        <p className="muted small">Recorded in the audit log{r.replayed ? ' (this was a repeat of an earlier apply; nothing ran twice)' : ''}.</p>
      </div>
    );
  }
  if (plan && key) {
    return (
      <div className="reconcile-panel" data-testid="reconcile-preview">
        <h3>{actionText[plan.action]}</h3>
        {mismatch.status === 'pending' && <p className="error-text">This mismatch is pending: the replicator has not reached its event yet, so it may fix itself. Reconcile only if you are sure.</p>}
        <ul className="guards">{plan.guards.map((g) => <li key={g}>{g}</li>)}</ul>
        {plan.sql.length > 0 && <><div className="muted small">SQL that will run on the target</div><pre className="sql" data-testid="reconcile-sql">{plan.sql.join(';\n')};</pre></>}
        {apply.error && <p className="error-text" role="alert">{apply.error.message} Retrying is safe: it applies at most once.</p>}
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={cancel} disabled={apply.isPending}>Cancel</button>
          <button type="button" className="primary" data-testid="reconcile-apply" disabled={apply.isPending} onClick={() => confirm(key)}>
            {apply.isPending ? 'Applying…' : plan.action === 'none' ? 'Mark verified' : apply.error ? 'Retry apply' : 'Apply and re-verify'}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="reconcile-panel">
      {preview.error && <p className="error-text" role="alert">{preview.error.message}</p>}
      <button type="button" className="primary" data-testid="reconcile" onClick={openPreview} disabled={preview.isPending}>
        {preview.isPending ? 'Planning…' : 'Reconcile…'}
      </button>
      <span className="muted small"> Shows the plan and its SQL first; nothing changes until you confirm.</span>
    </div>
  );
}
