// Change configs of a topic or a group: set or delete keys, preview (always first: the diff of old
// and new, Kafka's own validation, the kafka-configs command), then apply — confirmed on production
// and recorded in the audit log. The preview is dropped as soon as what it previews changes.
import { useRef, useState } from 'react';
import type { AlterConfigsResult, ConfigChanges, ConfigEntryView } from '../../../../shared/kafka/configs';
import { ConfirmApply } from '../group/confirm-apply';

export interface ConfigChangeRequest {
  changes: ConfigChanges;
  dryRun: boolean;
  confirmation?: string;
  expectedBefore?: Record<string, string | null>;
}

export type RunConfigChange = (request: ConfigChangeRequest, callbacks: { onSuccess: (result: AlterConfigsResult) => void; onSettled?: () => void }) => void;

interface EditRow { name: string; op: 'set' | 'delete'; value: string }

function changesOf(rows: EditRow[]): ConfigChanges | string {
  const named = rows.filter((r) => r.name.trim());
  if (named.length === 0) return 'Name a config to change.';
  const names = named.map((r) => r.name.trim());
  if (new Set(names).size !== names.length) return 'Each config once.';
  return {
    set: Object.fromEntries(named.filter((r) => r.op === 'set').map((r) => [r.name.trim(), r.value])),
    delete: named.filter((r) => r.op === 'delete').map((r) => r.name.trim()),
  };
}

/** What a config holds at the resource's own level, as the apply's guard compares it. */
const ownValue = (c: ConfigEntryView | undefined) => (c && c.source === 'dynamic' ? c.value : null);

export function ConfigEditDialog({ title, configs, initialName, run, pending, error, onClose }: {
  title: React.ReactNode;
  configs: ConfigEntryView[];
  initialName: string | null;
  run: RunConfigChange;
  pending: boolean;
  error: Error | null;
  onClose: () => void;
}) {
  const initial = configs.find((c) => c.name === initialName);
  const [rows, setRows] = useState<EditRow[]>([{ name: initialName ?? '', op: 'set', value: initial && !initial.sensitive ? initial.value ?? '' : '' }]);
  const [plan, setPlan] = useState<AlterConfigsResult | null>(null);
  const [applied, setApplied] = useState<AlterConfigsResult | null>(null);
  const applying = useRef(false);
  const changes = changesOf(rows);
  const byName = new Map(configs.map((c) => [c.name, c]));

  const edit = (i: number, patch: Partial<EditRow>) => {
    setPlan(null);
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const preview = () => {
    if (typeof changes === 'string') return;
    setPlan(null);
    run({ changes, dryRun: true }, { onSuccess: setPlan });
  };
  const apply = (confirmation: string | undefined) => {
    if (!plan || typeof changes === 'string' || applying.current) return;
    applying.current = true;
    const expectedBefore = Object.fromEntries([...Object.keys(changes.set), ...changes.delete].map((name) => [name, ownValue(byName.get(name))]));
    run({ changes, dryRun: false, confirmation, expectedBefore }, { onSuccess: setApplied, onSettled: () => { applying.current = false; } });
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="dialog card" role="dialog" aria-modal="true" aria-label="Change configs">
        <h2>{title}</h2>
        <datalist id="config-names">{configs.filter((c) => !c.readOnly).map((c) => <option key={c.name} value={c.name} />)}</datalist>
        {rows.map((r, i) => (
          <div key={i} className="config-edit-row">
            <input list="config-names" aria-label="Config name" placeholder="retention.ms" value={r.name} onChange={(e) => edit(i, { name: e.target.value })} data-testid="config-name" />
            <select aria-label="Change" value={r.op} onChange={(e) => edit(i, { op: e.target.value as EditRow['op'] })}>
              <option value="set">set to</option>
              <option value="delete">remove (inherit)</option>
            </select>
            {r.op === 'set' && <input aria-label="New value" value={r.value} onChange={(e) => edit(i, { value: e.target.value })} data-testid="config-new-value" />}
            {r.name && byName.get(r.name) && <span className="muted small">now {byName.get(r.name)!.sensitive ? '(sensitive)' : byName.get(r.name)!.value ?? 'null'} ({byName.get(r.name)!.source})</span>}
            {rows.length > 1 && <button type="button" className="link" onClick={() => { setPlan(null); setRows(rows.filter((_, j) => j !== i)); }}>remove</button>}
          </div>
        ))}
        <div className="actions">
          <button type="button" onClick={() => { setPlan(null); setRows([...rows, { name: '', op: 'set', value: '' }]); }}>Add another</button>
          <span className="spacer" />
          {typeof changes === 'string' && <span className="muted small">{changes}</span>}
          <button type="button" className="primary" disabled={typeof changes === 'string' || pending || !!applied} onClick={preview} data-testid="preview-configs">Preview</button>
        </div>
        {plan && (
          <>
            <table className="grid compact config-diff" data-testid="config-diff">
              <thead><tr><th>Config</th><th>Now</th><th>After</th><th /></tr></thead>
              <tbody>
                {plan.rows.map((r) => (
                  <tr key={r.name} data-testid="diff-row">
                    <td className="mono">{r.name}</td>
                    <td className="mono before">{r.sensitive ? '(sensitive)' : r.before ?? 'null'} <span className="muted small">{r.beforeSource ?? ''}</span></td>
                    <td className="mono" data-testid="diff-after">{r.change === 'delete' ? <span className="muted">inherited</span> : r.sensitive ? '(sensitive)' : r.after}</td>
                    <td className="small muted">{r.change === 'unchanged' ? 'unchanged' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.unknownNames.length > 0 && <p className="error-text small">Not a known config here: {plan.unknownNames.join(', ')} (a typo?).</p>}
            {plan.notes.map((n) => <p key={n} className="muted small">{n}</p>)}
            {applied ? (
              <div className="actions"><span className="ok-text" role="status" data-testid="configs-applied">Applied and recorded in the audit log.</span><span className="spacer" />
                <button type="button" className="primary" onClick={onClose}>Done</button></div>
            ) : (
              <ConfirmApply blockedReason={plan.blockedReason} requiresConfirmation={plan.requiresConfirmation} command={plan.command}
                applying={pending} label="Apply change" onApply={apply} onCancel={onClose} />
            )}
          </>
        )}
        {error && <p className="error-text" role="alert">{error.message}</p>}
        {!plan && <div className="actions"><span className="spacer" /><button type="button" onClick={onClose}>Close</button></div>}
      </div>
    </div>
  );
}
