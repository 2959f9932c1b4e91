// Produce one record: key, value (text, JSON, or JSON encoded with a registered schema, by default
// the topic's `<topic>-value` subject), headers and partition. Preview first (where it goes, the
// schema id, the size, the equivalent console-producer command), then produce, confirmed on
// production; the answer shows the record read back from its offset.
import { useState } from 'react';
import type { ProduceInput, ProducePart, ProduceResult } from '../../../../shared/records/records';
import { useProduceRecord } from '../../api/records';
import { ConfirmApply } from '../group/confirm-apply';
import { formatBytes, fullText, schemaLabel } from './record-text';

type PartFormat = ProducePart['format'];

/** One part's fields as typed; `message` is the Protobuf message to write (empty: the schema's first). */
interface PartState { format: PartFormat; text: string; subject: string; version: string; message: string }

function partOf({ format, text, subject, version, message }: PartState): ProducePart {
  switch (format) {
    case 'null': return { format };
    case 'text': case 'json': return { format, text };
    case 'schema': return {
      format, text, ...(subject.trim() ? { subject: subject.trim() } : {}), version: /^\d+$/.test(version) ? Number(version) : 'latest',
      ...(message.trim() ? { messageType: message.trim() } : {}),
    };
  }
}

function headersOf(text: string): ProduceInput['headers'] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const at = line.indexOf(':');
    return at < 0 ? { key: line, value: '' } : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
  });
}

function PartFields({ label, part, change, topic }: { label: 'Key' | 'Value'; part: PartState; change: (patch: Partial<PartState>) => void; topic: string }) {
  return (
    <fieldset className="produce-part">
      <legend>{label}</legend>
      <select value={part.format} onChange={(e) => change({ format: e.target.value as PartFormat })} aria-label={`${label} format`}>
        <option value="null">null</option><option value="text">Text</option><option value="json">JSON</option><option value="schema">JSON with a schema (wire format)</option>
      </select>
      {part.format === 'schema' && (
        <>
          <input value={part.subject} onChange={(e) => change({ subject: e.target.value })} placeholder={`${topic}-${label.toLowerCase()}`} aria-label={`${label} subject`} />
          <input className="narrow" value={part.version} onChange={(e) => change({ version: e.target.value })} placeholder="latest" aria-label={`${label} version`} />
          <input value={part.message} onChange={(e) => change({ message: e.target.value })} placeholder="Protobuf message: the first" aria-label={`${label} Protobuf message`}
            title="For a Protobuf schema: the message to write (full name, or its last part); empty writes the schema's first message" />
        </>
      )}
      {part.format !== 'null' && <textarea className="mono" rows={label === 'Key' ? 1 : 6} value={part.text} onChange={(e) => change({ text: e.target.value })} aria-label={label} spellCheck={false} />}
    </fieldset>
  );
}

export function ProduceDialog({ topic, onClose }: { topic: string; onClose: () => void }) {
  const [partition, setPartition] = useState('');
  const [key, setKey] = useState<PartState>({ format: 'text', text: '', subject: '', version: '', message: '' });
  const [value, setValue] = useState<PartState>({ format: 'schema', text: '{}', subject: '', version: '', message: '' });
  const [headers, setHeaders] = useState('');
  const [plan, setPlan] = useState<ProduceResult | null>(null);
  const preview = useProduceRecord();
  const apply = useProduceRecord();
  const input = (): Omit<ProduceInput, 'dryRun'> => ({
    topic, ...(/^\d+$/.test(partition.trim()) ? { partition: Number(partition.trim()) } : {}),
    key: partOf(key), value: partOf(value), headers: headersOf(headers),
  });
  const changed = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPlan(null); };
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="dialog card produce-dialog" role="dialog" aria-modal="true" aria-label="Produce a record">
        <h2>Produce a record to <span className="mono">{topic}</span></h2>
        <label>Partition <input className="narrow" value={partition} onChange={(e) => changed(setPartition)(e.target.value)} placeholder="by key" aria-label="Partition to produce to" /></label>
        <PartFields label="Key" topic={topic} part={key} change={(patch) => { setKey((old) => ({ ...old, ...patch })); setPlan(null); }} />
        <PartFields label="Value" topic={topic} part={value} change={(patch) => { setValue((old) => ({ ...old, ...patch })); setPlan(null); }} />
        <label>Headers (one <span className="mono">name: value</span> a line)<textarea className="mono" rows={2} value={headers} onChange={(e) => changed(setHeaders)(e.target.value)} aria-label="Headers" /></label>
        <div className="actions">
          <button type="button" className="primary" data-testid="produce-preview" disabled={preview.isPending} onClick={() => { setPlan(null); preview.mutate({ ...input(), dryRun: true }, { onSuccess: setPlan }); }}>{preview.isPending ? 'Checking…' : 'Preview'}</button>
          {!plan && <button type="button" onClick={onClose}>Cancel</button>}
        </div>
        {preview.error && <p className="error-text" role="alert" data-testid="produce-error">{preview.error.message}</p>}
        {plan && (
          <div data-testid="produce-plan">
            <p>{plan.partitionNote} Size {formatBytes(plan.size)}.</p>
            {plan.key.schema && <p className="small mono">Key: {schemaLabel(plan.key)}</p>}
            {plan.value.schema && <p className="small mono" data-testid="produce-schema">Value: {schemaLabel(plan.value)}</p>}
            {plan.applied ? (
              <div data-testid="produced">
                <p className="ok-text" role="status">Produced to partition {plan.partition} at offset {plan.offset}, and recorded in the audit log.</p>
                {plan.readBack && <pre className="record-json mono small">{fullText(plan.readBack.value)}</pre>}
                <div className="actions"><span className="spacer" /><button type="button" className="primary" onClick={onClose}>Done</button></div>
              </div>
            ) : (
              <ConfirmApply blockedReason={plan.blockedReason} requiresConfirmation={plan.requiresConfirmation} command={plan.command} applying={apply.isPending}
                label="Produce" onCancel={onClose} onApply={(confirmation) => apply.mutate({ ...input(), dryRun: false, confirmation }, { onSuccess: setPlan })} />
            )}
            {apply.error && <p className="error-text" role="alert">{apply.error.message}</p>}
          </div>
        )}
      </div>
    </div>
  );
}
