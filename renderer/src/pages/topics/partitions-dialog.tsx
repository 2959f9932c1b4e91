// Add partitions: the new total, a preview with what it means for keyed records, then apply.
import { useRef, useState } from 'react';
import type { CreatePartitionsResult } from '../../../../shared/topics/topic-actions';
import { useCreatePartitions } from '../../api/topics';
import { ConfirmApply } from '../group/confirm-apply';

export function PartitionsDialog({ topic, current, onClose }: { topic: string; current: number; onClose: () => void }) {
  const [count, setCount] = useState(String(current + 1));
  const [plan, setPlan] = useState<CreatePartitionsResult | null>(null);
  const [done, setDone] = useState(false);
  const previewAction = useCreatePartitions();
  const applyAction = useCreatePartitions();
  const applying = useRef(false);
  const valid = /^\d+$/.test(count) && Number(count) >= 1;
  const apply = (confirmation: string | undefined) => {
    if (!plan || applying.current) return;
    applying.current = true;
    applyAction.mutate({ topic, partitions: plan.requested, expectedCurrent: plan.current, dryRun: false, confirmation },
      { onSuccess: () => setDone(true), onSettled: () => { applying.current = false; } });
  };
  const error = applyAction.error ?? previewAction.error;
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="dialog card" role="dialog" aria-modal="true" aria-label="Add partitions">
        <h2>Add partitions to <span className="mono">{topic}</span></h2>
        <div className="config-edit-row">
          <label className="field">New total (now {current})<input value={count} onChange={(e) => { setPlan(null); setCount(e.target.value); }} inputMode="numeric" data-testid="partition-count" /></label>
          <button type="button" className="primary" disabled={!valid || previewAction.isPending || done} onClick={() => { setPlan(null); previewAction.mutate({ topic, partitions: Number(count), dryRun: true }, { onSuccess: setPlan }); }} data-testid="preview-partitions">Preview</button>
        </div>
        {plan && (
          <>
            <p>{plan.added > 0 ? <>Adds <strong>{plan.added}</strong> partition{plan.added === 1 ? '' : 's'}: {plan.current} → {plan.requested}.</> : 'Nothing to add.'}</p>
            {plan.notes.map((n) => <p key={n} className="muted small">{n}</p>)}
            {done ? (
              <div className="actions"><span className="ok-text" role="status">Added and recorded in the audit log.</span><span className="spacer" /><button type="button" className="primary" onClick={onClose}>Done</button></div>
            ) : (
              <ConfirmApply blockedReason={plan.blockedReason} requiresConfirmation={plan.requiresConfirmation} command={plan.command}
                applying={applyAction.isPending} label="Add partitions" onApply={apply} onCancel={onClose} />
            )}
          </>
        )}
        {error && <p className="error-text" role="alert">{error.message}</p>}
        {!plan && <div className="actions"><span className="spacer" /><button type="button" onClick={onClose}>Close</button></div>}
      </div>
    </div>
  );
}
