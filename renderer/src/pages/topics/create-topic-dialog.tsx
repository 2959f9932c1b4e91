// Create a topic: name, partitions, replication factor and configs; preview (Kafka validates it
// without creating anything, and the kafka-topics command is shown), then create.
import { useRef, useState } from 'react';
import type { CreateTopicResult } from '../../../../shared/topics/topic-actions';
import { useCreateTopic } from '../../api/topics';
import { navigate } from '../../router';
import { ConfirmApply } from '../group/confirm-apply';

function parseConfigs(text: string): Record<string, string> | string {
  const configs: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf('=');
    if (at <= 0) return `“${line}” is not name=value`;
    configs[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return configs;
}

export function CreateTopicDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  const [replicationFactor, setReplicationFactor] = useState('1');
  const [configText, setConfigText] = useState('');
  const [plan, setPlan] = useState<CreateTopicResult | null>(null);
  const [created, setCreated] = useState(false);
  const previewAction = useCreateTopic();
  const applyAction = useCreateTopic();
  const applying = useRef(false);
  const configs = parseConfigs(configText);
  const problem = !name.trim() ? 'Name the topic.' : !/^\d+$/.test(partitions) || Number(partitions) < 1 ? 'Partitions: a whole number ≥ 1.'
    : !/^\d+$/.test(replicationFactor) || Number(replicationFactor) < 1 ? 'Replication factor: a whole number ≥ 1.' : typeof configs === 'string' ? configs : null;
  const input = (dryRun: boolean, confirmation?: string) => ({
    name: name.trim(), partitions: Number(partitions), replicationFactor: Number(replicationFactor), configs: typeof configs === 'string' ? {} : configs, dryRun, confirmation,
  });
  const changed = <T,>(set: (v: T) => void) => (v: T) => { setPlan(null); set(v); };
  const apply = (confirmation: string | undefined) => {
    if (applying.current || problem) return;
    applying.current = true;
    applyAction.mutate(input(false, confirmation), { onSuccess: () => setCreated(true), onSettled: () => { applying.current = false; } });
  };
  const error = applyAction.error ?? previewAction.error;
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="dialog card" role="dialog" aria-modal="true" aria-label="Create topic">
        <h2>Create topic</h2>
        <label className="field">Name<input value={name} onChange={(e) => changed(setName)(e.target.value)} data-testid="new-topic-name" autoFocus /></label>
        <div className="config-edit-row">
          <label className="field">Partitions<input value={partitions} onChange={(e) => changed(setPartitions)(e.target.value)} inputMode="numeric" data-testid="new-topic-partitions" /></label>
          <label className="field">Replication factor<input value={replicationFactor} onChange={(e) => changed(setReplicationFactor)(e.target.value)} inputMode="numeric" /></label>
        </div>
        <label className="field">Configs <span className="muted small">(one name=value per line, e.g. retention.ms=604800000)</span>
          <textarea rows={3} value={configText} onChange={(e) => changed(setConfigText)(e.target.value)} className="mono" />
        </label>
        <div className="actions">
          {problem && <span className="muted small">{problem}</span>}
          <span className="spacer" />
          <button type="button" className="primary" disabled={!!problem || previewAction.isPending || created} data-testid="preview-create"
            onClick={() => { setPlan(null); previewAction.mutate(input(true), { onSuccess: setPlan }); }}>Preview</button>
        </div>
        {plan && (
          <>
            <p className={plan.validation.ok ? 'ok-text' : 'error-text'} data-testid="create-validation">
              {plan.validation.ok ? 'Kafka would accept this topic.' : `Kafka would refuse it: ${plan.validation.message}`}
            </p>
            {plan.notes.map((n) => <p key={n} className="muted small">{n}</p>)}
            {created ? (
              <div className="actions"><span className="ok-text" role="status" data-testid="topic-created">Created and recorded in the audit log.</span><span className="spacer" />
                <button type="button" className="primary" onClick={() => { onClose(); navigate({ page: 'topic', topic: plan.name }); }}>Open {plan.name}</button></div>
            ) : (
              <ConfirmApply blockedReason={plan.blockedReason} requiresConfirmation={plan.requiresConfirmation} command={plan.command}
                applying={applyAction.isPending} label="Create topic" onApply={apply} onCancel={onClose} />
            )}
          </>
        )}
        {error && <p className="error-text" role="alert">{error.message}</p>}
        {!plan && <div className="actions"><span className="spacer" /><button type="button" onClick={onClose}>Close</button></div>}
      </div>
    </div>
  );
}
