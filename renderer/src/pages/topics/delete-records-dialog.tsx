// Delete records before an offset: per partition (or every partition up to its end), a preview of
// what goes — records per partition, and the groups that have not read them yet — then apply.
import { useRef, useState } from 'react';
import { HIGH_WATERMARK, type DeleteRecordsResult } from '../../../../shared/topics/topic-actions';
import type { TopicPartition } from '../../../../shared/topics/topics';
import { useDeleteRecords } from '../../api/topics';
import { formatNumber } from '../../components/badges';
import { ConfirmApply } from '../group/confirm-apply';

export function DeleteRecordsDialog({ topic, partitions, onClose }: { topic: string; partitions: TopicPartition[]; onClose: () => void }) {
  const [scope, setScope] = useState<'all' | number>('all');
  const [offset, setOffset] = useState('');
  const [plan, setPlan] = useState<DeleteRecordsResult | null>(null);
  const [done, setDone] = useState<DeleteRecordsResult | null>(null);
  const previewAction = useDeleteRecords();
  const applyAction = useDeleteRecords();
  const applying = useRef(false);
  // Empty offset: everything now on the partition (up to its high watermark).
  const target = offset.trim() === '' ? HIGH_WATERMARK : /^\d+$/.test(offset.trim()) ? Number(offset) : null;
  const request = target === null ? null : (scope === 'all' ? partitions.map((p) => p.partition) : [scope]).map((partition) => ({ partition, offset: target }));
  const changed = (f: () => void) => { setPlan(null); f(); };
  const apply = (confirmation: string | undefined) => {
    if (!plan || !request || applying.current) return;
    applying.current = true;
    applyAction.mutate({ topic, partitions: request, dryRun: false, confirmation }, { onSuccess: setDone, onSettled: () => { applying.current = false; } });
  };
  const error = applyAction.error ?? previewAction.error;
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="dialog card" role="dialog" aria-modal="true" aria-label="Delete records">
        <h2>Delete records of <span className="mono">{topic}</span></h2>
        <div className="config-edit-row">
          <label className="field">Partitions
            <select value={String(scope)} onChange={(e) => changed(() => setScope(e.target.value === 'all' ? 'all' : Number(e.target.value)))} data-testid="delete-records-scope">
              <option value="all">all {partitions.length}</option>
              {partitions.map((p) => <option key={p.partition} value={p.partition}>{p.partition}</option>)}
            </select>
          </label>
          <label className="field">Before offset <span className="muted small">(empty: everything now on it)</span>
            <input value={offset} onChange={(e) => changed(() => setOffset(e.target.value))} inputMode="numeric" data-testid="delete-records-offset" />
          </label>
          <button type="button" className="primary" disabled={!request || previewAction.isPending || !!done} data-testid="preview-delete-records"
            onClick={() => { if (request) { setPlan(null); previewAction.mutate({ topic, partitions: request, dryRun: true }, { onSuccess: setPlan }); } }}>Preview</button>
        </div>
        {plan && (
          <>
            <p>What goes: <strong data-testid="records-deleted">{formatNumber(plan.totals.recordsDeleted)}</strong> records.</p>
            <table className="grid compact" data-testid="delete-records-plan">
              <thead><tr><th className="num">Partition</th><th className="num">Log start now</th><th className="num">New log start</th><th className="num">High watermark</th><th className="num">Records deleted</th></tr></thead>
              <tbody>{plan.rows.map((r) => <tr key={r.partition}><td className="num">{r.partition}</td><td className="num">{formatNumber(r.lowWatermark)}</td><td className="num">{formatNumber(r.deleteBefore)}</td><td className="num">{formatNumber(r.highWatermark)}</td><td className="num">{formatNumber(r.recordsDeleted)}</td></tr>)}</tbody>
            </table>
            {plan.skippedReaders.length > 0 && (
              <>
                <p className="error-text">Groups that have not read what goes:</p>
                <table className="grid compact" data-testid="skipped-readers"><tbody>
                  {plan.skippedReaders.map((s) => <tr key={`${s.groupId}-${s.partition}`}><td className="mono">{s.groupId}</td><td className="num">partition {s.partition}</td><td className="num">committed {formatNumber(s.committedOffset)}</td><td className="num">{formatNumber(s.unread)} unread records lost</td></tr>)}
                </tbody></table>
              </>
            )}
            {plan.notes.map((n) => <p key={n} className="muted small">{n}</p>)}
            {done ? (
              <div className="actions"><span className="ok-text" role="status">Deleted and recorded in the audit log.</span><span className="spacer" /><button type="button" className="primary" onClick={onClose}>Done</button></div>
            ) : (
              <ConfirmApply blockedReason={plan.blockedReason} requiresConfirmation={plan.requiresConfirmation} command={plan.command}
                applying={applyAction.isPending} label="Delete records" onApply={apply} onCancel={onClose} />
            )}
          </>
        )}
        {error && <p className="error-text" role="alert">{error.message}</p>}
        {!plan && <div className="actions"><span className="spacer" /><button type="button" onClick={onClose}>Close</button></div>}
      </div>
    </div>
  );
}
