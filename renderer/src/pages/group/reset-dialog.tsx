// Reset offsets: choose where to and for which partitions, preview (always first), then apply.
import { useRef, useState } from 'react';
import type { GroupDetail } from '../../../../shared/kafka/groups';
import { resetKinds, type ResetKind, type ResetResult, type ResetTarget } from '../../../../shared/kafka/offset-reset';
import { useResetOffsets } from '../../api/kafka';
import { formatNumber } from '../../components/badges';
import { ConfirmApply } from './confirm-apply';

const kindLabels: Record<ResetKind, string> = {
  earliest: 'To earliest', latest: 'To latest', timestamp: 'To a date and time', offset: 'To an offset',
  shiftBy: 'Shift by N', duration: 'Back by a duration', fromGroup: 'Copy from another group',
};
const placeholders: Partial<Record<ResetKind, string>> = { timestamp: '2026-11-22T09:30:00Z', offset: '0', shiftBy: '-100', duration: 'PT30M', fromGroup: 'other-group-id' };

function target(kind: ResetKind, value: string): ResetTarget | string {
  switch (kind) {
    case 'earliest': case 'latest': return { kind };
    case 'timestamp': return Number.isNaN(Date.parse(value)) ? 'Enter a date and time, for example 2026-11-22T09:30:00Z' : { kind, value: new Date(value).toISOString() };
    case 'offset': return /^\d+$/.test(value.trim()) ? { kind, value: Number(value) } : 'Enter an offset (a whole number ≥ 0)';
    case 'shiftBy': return /^-?\d+$/.test(value.trim()) ? { kind, value: Number(value) } : 'Enter a whole number; negative moves back';
    case 'duration': return /^P/.test(value.trim()) ? { kind, value: value.trim() } : 'Enter an ISO-8601 duration, for example PT30M or P1DT2H';
    case 'fromGroup': return value.trim() ? { kind, value: value.trim() } : 'Enter the group to copy from';
  }
}

/** A reset filled in by another page (Skip this record: one partition to offset + 1); still previewed first. */
export interface ResetPreset {
  kind: ResetKind;
  value: string;
  partitions: Array<{ topic: string; partition: number }>;
}

export function ResetDialog({ group, onClose, preset }: { group: GroupDetail; onClose: () => void; preset?: ResetPreset }) {
  const topics = [...new Set(group.offsets.map((o) => o.topic))];
  const [kind, setKind] = useState<ResetKind>(preset?.kind ?? 'earliest');
  const [value, setValue] = useState(preset?.value ?? '');
  const [scope, setScope] = useState<'all' | 'topics' | 'partitions'>(preset ? 'partitions' : 'all');
  const [chosenTopics, setChosenTopics] = useState<string[]>([]);
  const [chosenPartitions, setChosenPartitions] = useState<string[]>(preset?.partitions.map((p) => `${p.topic}\u0000${p.partition}`) ?? []);
  // The plan on screen is dropped in the same render as any change to what it previews, so what
  // is applied is always what was previewed (a mutation's reset would clear it a tick later).
  const [plan, setPlan] = useState<ResetResult | null>(null);
  const previewAction = useResetOffsets();
  const applyAction = useResetOffsets();
  // Set synchronously on the first click: a double click arrives before React re-renders the
  // button disabled. (Main refuses a repeated apply as well.)
  const applying = useRef(false);
  const to = target(kind, value);
  const scopeInput = scope === 'topics' && chosenTopics.length ? { topics: chosenTopics }
    : scope === 'partitions' && chosenPartitions.length ? { partitions: chosenPartitions.map((k) => { const [t, p] = k.split('\u0000'); return { topic: t!, partition: Number(p) }; }) } : {};
  const scopeMissing = scope !== 'all' && Object.keys(scopeInput).length === 0;

  const preview = () => {
    if (typeof to === 'string' || scopeMissing) return;
    setPlan(null);
    previewAction.mutate({ groupId: group.groupId, to, dryRun: true, ...scopeInput }, { onSuccess: setPlan });
  };
  const apply = (confirmation: string | undefined) => {
    if (!plan || typeof to === 'string' || applying.current) return;
    applying.current = true;
    applyAction.mutate({
      groupId: group.groupId, to, dryRun: false, ...scopeInput, confirmation,
      expectedCurrent: plan.partitions.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.currentOffset })),
    }, {
      onSuccess: setPlan,
      onSettled: () => { applying.current = false; },
    });
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="dialog card" role="dialog" aria-modal="true" aria-label="Reset offsets">
        <h2>Reset offsets of <span className="mono">{group.groupId}</span></h2>
        <div className="row">
          <label>Reset
            <select value={kind} onChange={(e) => { setKind(e.target.value as ResetKind); setPlan(null); }} aria-label="Reset kind" autoFocus>
              {resetKinds.map((k) => <option key={k} value={k}>{kindLabels[k]}</option>)}
            </select>
          </label>
          {kind !== 'earliest' && kind !== 'latest' && (
            <label>Value<input value={value} placeholder={placeholders[kind]} onChange={(e) => { setValue(e.target.value); setPlan(null); }} aria-label="Reset value" onKeyDown={(e) => { if (e.key === 'Enter') preview(); }} /></label>
          )}
          <label>For
            <select value={scope} onChange={(e) => { setScope(e.target.value as typeof scope); setPlan(null); }} aria-label="Reset scope">
              <option value="all">All partitions with offsets</option>
              <option value="topics">Chosen topics</option>
              <option value="partitions">Chosen partitions</option>
            </select>
          </label>
        </div>
        {scope === 'topics' && (
          <div className="chips">{topics.map((t) => <button type="button" key={t} className={`chip ${chosenTopics.includes(t) ? 'on' : ''}`} onClick={() => { setChosenTopics((c) => c.includes(t) ? c.filter((x) => x !== t) : [...c, t]); setPlan(null); }}>{t}</button>)}</div>
        )}
        {scope === 'partitions' && (
          <div className="chips">{group.offsets.map((o) => { const k = `${o.topic}\u0000${o.partition}`; return <button type="button" key={k} className={`chip ${chosenPartitions.includes(k) ? 'on' : ''}`} onClick={() => { setChosenPartitions((c) => c.includes(k) ? c.filter((x) => x !== k) : [...c, k]); setPlan(null); }}>{o.topic}-{o.partition}</button>; })}</div>
        )}
        {typeof to === 'string' && value !== '' && <p className="error-text">{to}</p>}
        <div className="actions">
          <button type="button" className="primary" data-testid="preview" disabled={typeof to === 'string' || scopeMissing || previewAction.isPending} onClick={preview}>{previewAction.isPending ? 'Previewing…' : 'Preview'}</button>
          {!plan && <button type="button" onClick={onClose}>Cancel</button>}
        </div>
        {previewAction.error && <p className="error-text" role="alert">{previewAction.error.message}</p>}
        {plan && (
          <>
            <table className="grid compact" data-testid="reset-preview">
              <thead><tr><th>Partition</th><th className="num">Current</th><th className="num">New</th><th className="num">Replayed</th><th className="num">Skipped</th><th className="num">Log start – end</th></tr></thead>
              <tbody>
                {plan.partitions.map((r) => (
                  <tr key={`${r.topic}-${r.partition}`} data-testid="reset-row">
                    <td className="mono">{r.topic}-{r.partition}</td>
                    <td className="num">{r.currentOffset === null ? <span className="muted">no offset</span> : formatNumber(r.currentOffset)}</td>
                    <td className="num" data-testid="new-offset"><strong>{formatNumber(r.newOffset)}</strong></td>
                    <td className="num">{r.replayed ? formatNumber(r.replayed) : '—'}</td>
                    <td className="num">{r.skipped ? <span className="error-text">{formatNumber(r.skipped)}</span> : '—'}</td>
                    <td className="num muted">{formatNumber(r.logStartOffset)} – {formatNumber(r.logEndOffset)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p data-testid="reset-totals"><strong>{plan.totals.partitions}</strong> partitions: <strong>{formatNumber(plan.totals.replayed)}</strong> records replayed, <strong className={plan.totals.skipped ? 'error-text' : ''}>{formatNumber(plan.totals.skipped)}</strong> skipped, {plan.totals.unchanged} unchanged.</p>
            {plan.notes.map((n) => <p key={n} className="muted small">{n}</p>)}
            {plan.applied ? (
              <div className="actions"><span className="ok-text" role="status" data-testid="reset-applied">Applied and recorded in the audit log.</span><span className="spacer" /><button type="button" className="primary" onClick={onClose}>Done</button></div>
            ) : (
              <ConfirmApply blockedReason={plan.blockedReason} requiresConfirmation={plan.requiresConfirmation} command={plan.command.replace('--dry-run', '--execute')}
                applying={applyAction.isPending} label="Apply reset" onApply={apply} onCancel={onClose} />
            )}
            {applyAction.error && <p className="error-text" role="alert" data-testid="apply-error">{applyAction.error.message}</p>}
          </>
        )}
      </div>
    </div>
  );
}
