// One record in full: where it is, its timestamp and type, key, value and headers decoded, the
// schema each was written with, and the fields masked by the dictionary, which a person may reveal
// for this one record with a reason (main writes it to the audit log).
import { useState } from 'react';
import type { DecodedPart, RecordView } from '../../../../shared/records/records';
import { useRevealRecord } from '../../api/records';
import { formatBytes, formatLabel, fullText, schemaLabel } from './record-text';

function Part({ title, part }: { title: string; part: DecodedPart }) {
  return (
    <div className="record-part" data-testid={`detail-${title.toLowerCase()}`}>
      <div className="record-part-head">
        <strong>{title}</strong> <span className="badge">{formatLabel(part)}</span> <span className="muted small">{formatBytes(part.size)}</span>
        {schemaLabel(part) && <span className="muted small mono" data-testid={`${title.toLowerCase()}-schema`}> · {schemaLabel(part)}</span>}
      </div>
      {part.error && <p className="error-text small" role="alert">{part.error}</p>}
      {part.note && <p className="warn-text small">{part.note}</p>}
      <pre className="record-json mono small">{fullText(part)}</pre>
      {part.masked.length > 0 && (
        <p className="small muted" data-testid="masked-fields">Masked by the dictionary: {part.masked.map((m) => <span key={m.path} className="badge masked-badge">{m.path} ({m.classification})</span>)}</p>
      )}
    </div>
  );
}

export function RecordDetail({ record, onClose }: { record: RecordView; onClose: () => void }) {
  const reveal = useRevealRecord();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const shown = reveal.data && reveal.data.offset === record.offset && reveal.data.partition === record.partition ? reveal.data : record;
  const masked = record.key.masked.length + record.value.masked.length;
  return (
    <aside className="card record-detail" aria-label="Record" data-testid="record-detail">
      <div className="record-part-head">
        <h2 className="mono">{record.topic}-{record.partition}@{record.offset}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Close the record">×</button>
      </div>
      <p className="small">
        <span title={record.timestampType === 'create' ? "The producer's clock" : "The broker's clock (the topic uses LogAppendTime)"}>{new Date(record.timestamp).toISOString()} ({record.timestampType === 'create' ? 'create time' : 'log-append time'})</span>
        {' · '}{formatBytes(record.size)}
      </p>
      <Part title="Key" part={shown.key} />
      <Part title="Value" part={shown.value} />
      <div className="record-part">
        <strong>Headers</strong>
        {shown.headers.length === 0 ? <span className="muted small"> none</span> : (
          <table className="grid compact"><tbody>{shown.headers.map((h, i) => <tr key={`${h.key}-${i}`}><td className="mono">{h.key}</td><td className="mono">{h.value ?? <span className="muted">null</span>}{h.hex && <span className="muted small"> (hex)</span>}</td></tr>)}</tbody></table>
        )}
      </div>
      {masked > 0 && shown === record && (
        asking ? (
          <div className="reveal-form">
            <label>Why do you need to see the masked fields? (written to the audit log)
              <input value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason to reveal" autoFocus />
            </label>
            <div className="actions">
              <button type="button" onClick={() => setAsking(false)}>Cancel</button>
              <button type="button" className="primary" data-testid="reveal-confirm" disabled={reason.trim().length < 5 || reveal.isPending}
                onClick={() => reveal.mutate({ topic: record.topic, partition: record.partition, offset: record.offset, reason: reason.trim() })}>
                {reveal.isPending ? 'Revealing…' : 'Reveal this record'}
              </button>
            </div>
          </div>
        ) : <button type="button" data-testid="reveal" onClick={() => setAsking(true)}>Reveal masked fields…</button>
      )}
      {shown !== record && <p className="warn-text small" data-testid="revealed">Revealed: this view shows the masked fields; the audit log records that you looked and why.</p>}
      {reveal.error && <p className="error-text" role="alert">{reveal.error.message}</p>}
    </aside>
  );
}
