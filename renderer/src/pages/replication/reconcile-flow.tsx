// One-click reconcile: preview (the plan and its SQL, from a live re-query) → confirm → apply →
// re-verified → resolved, in one panel. The idempotency key is made when the preview opens and
// reused by every click and retry of that intent, so it applies at most once.
import { useRef, useState } from 'react';
import type { Mismatch, ReconcilePlan, ReconcileResult } from '../../../../shared/replication/verification';
import { useReconcile } from '../../api/replication';

type Step = { step: 'idle' } | { step: 'preview'; key: string; plan: ReconcilePlan } | { step: 'done'; result: ReconcileResult };

const actionText: Record<ReconcilePlan['action'], string> = {
  insert: 'Insert the source row into the target',
  update: 'Update the differing columns in the target from the source',
  delete: 'Delete the row from the target (the source does not have it)',
  none: 'Nothing to change: source and target agree now',
};

export function ReconcileFlow({ mismatch }: { mismatch: Mismatch }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const preview = useReconcile();
  const apply = useReconcile();
  const applying = useRef(false);

  const openPreview = () => {
    const key = crypto.randomUUID();
    preview.mutate({ id: mismatch.id, dryRun: true, idempotencyKey: key }, {
      onSuccess: (response) => { if (response.dryRun) setState({ step: 'preview', key, plan: response.plan }); },
    });
  };
  const confirm = (key: string) => {
    if (applying.current) return; // the second click of a double click
    applying.current = true;
    apply.mutate({ id: mismatch.id, dryRun: false, idempotencyKey: key }, {
      onSuccess: (response) => { if (!response.dryRun) setState({ step: 'done', result: response.result }); },
      onSettled: () => { applying.current = false; },
    });
  };

  if (mismatch.status === 'resolved' && state.step !== 'done') return <p className="ok-text" data-testid="resolved-note">Resolved{mismatch.resolution ? ` (${mismatch.resolution})` : ''} at {mismatch.resolvedAt}.</p>;
  if (state.step === 'done') {
    const r = state.result;
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
  if (state.step === 'preview') {
    const { plan, key } = state;
    return (
      <div className="reconcile-panel" data-testid="reconcile-preview">
        <h3>{actionText[plan.action]}</h3>
        {mismatch.status === 'pending' && <p className="error-text">This mismatch is pending: the replicator has not reached its event yet, so it may fix itself. Reconcile only if you are sure.</p>}
        <ul className="guards">{plan.guards.map((g) => <li key={g}>{g}</li>)}</ul>
        {plan.sql.length > 0 && <><div className="muted small">SQL that will run on the target</div><pre className="sql" data-testid="reconcile-sql">{plan.sql.join(';\n')};</pre></>}
        {apply.error && <p className="error-text" role="alert">{apply.error.message} Retrying is safe: it applies at most once.</p>}
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={() => setState({ step: 'idle' })} disabled={apply.isPending}>Cancel</button>
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
