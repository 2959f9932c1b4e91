// Delete a topic: the preview says what goes (partitions, records, size) and who reads it; then,
// confirmed, it goes, and the audit log says so.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDeleteTopic } from '../../api/topics';
import { formatNumber } from '../../components/badges';
import { hrefFor, navigate } from '../../router';
import { ConfirmApply } from '../group/confirm-apply';
import { formatBytes } from './topic-format';

export function DeleteTopicDialog({ topic, onClose }: { topic: string; onClose: () => void }) {
  const previewAction = useDeleteTopic();
  const applyAction = useDeleteTopic();
  const [done, setDone] = useState(false);
  const applying = useRef(false);
  const { mutate: preview } = previewAction;
  const run = useCallback(() => preview({ topic, dryRun: true }), [preview, topic]);
  useEffect(() => run(), [run]);
  const plan = previewAction.data;
  const apply = (confirmation: string | undefined) => {
    if (applying.current) return;
    applying.current = true;
    applyAction.mutate({ topic, dryRun: false, confirmation }, { onSuccess: () => setDone(true), onSettled: () => { applying.current = false; } });
  };
  const error = applyAction.error ?? previewAction.error;
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="dialog card" role="dialog" aria-modal="true" aria-label="Delete topic">
        <h2>Delete topic <span className="mono">{topic}</span></h2>
        {!plan && previewAction.isPending && <p className="muted">Previewing…</p>}
        {plan && (
          <>
            <p data-testid="delete-topic-summary">{formatNumber(plan.partitions)} partitions, {formatNumber(plan.records)} records, {formatBytes(plan.sizeBytes)} on disk go.</p>
            {plan.readers.length > 0 && (
              <>
                <p className="error-text">Groups reading it:</p>
                <ul data-testid="delete-topic-readers">{plan.readers.map((r) => <li key={r.groupId}><a className="mono" href={hrefFor({ page: 'group', groupId: r.groupId })}>{r.groupId}</a> <span className="muted small">({r.type}, lag {formatNumber(r.lag)})</span></li>)}</ul>
              </>
            )}
            {plan.notes.map((n) => <p key={n} className="muted small">{n}</p>)}
            {done ? (
              <div className="actions"><span className="ok-text" role="status">Deleted and recorded in the audit log.</span><span className="spacer" />
                <button type="button" className="primary" onClick={() => { onClose(); navigate({ page: 'topics' }); }}>Done</button></div>
            ) : (
              <ConfirmApply blockedReason={plan.blockedReason} requiresConfirmation={plan.requiresConfirmation} command={plan.command}
                applying={applyAction.isPending} label="Delete topic" onApply={apply} onCancel={onClose} />
            )}
          </>
        )}
        {error && <p className="error-text" role="alert">{error.message}</p>}
        {!plan && error && <div className="actions"><button type="button" onClick={onClose}>Close</button></div>}
      </div>
    </div>
  );
}
