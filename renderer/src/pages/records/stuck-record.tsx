// The record a STALL or STOP partition is stuck on: the one at the group's committed offset, the
// next the consumer reads. Shown decoded on the group's Health tab, with "Skip this record", which
// opens the offset reset for that one partition to offset + 1 (previewed as every reset is).
import { hrefFor } from '../../route';
import { useRecordAt } from '../../api/records';
import { ErrorView, Loading } from '../../components/state-views';
import { fullText, formatLabel, preview, schemaLabel } from './record-text';

export function StuckRecord({ topic, partition, offset, status, onSkip }: { topic: string; partition: number; offset: number; status: string; onSkip: () => void }) {
  const at = useRecordAt(topic, partition, offset);
  const record = at.data?.record && at.data.record.offset === offset ? at.data.record : null;
  return (
    <div className="card stuck-record" data-testid="stuck-record">
      <div className="record-part-head">
        <strong>{status} on <span className="mono">{topic}-{partition}</span>: the record at its committed offset {offset}</strong>
        <span className="spacer" />
        <a href={hrefFor({ page: 'records', topic, partition, offset })} data-testid="open-stuck-record">Open in records</a>
        <button type="button" className="primary" data-testid="skip-record" onClick={onSkip}>Skip this record…</button>
      </div>
      {at.isPending && <Loading what="the record" />}
      {at.error && <ErrorView error={at.error} />}
      {at.data && !record && (
        <p className="muted small">No record at {offset}: {at.data.record ? `the next one is at ${at.data.record.offset} (compacted or deleted before it).` : `the partition holds ${at.data.logStartOffset}–${at.data.logEndOffset - 1}.`}</p>
      )}
      {record && (
        <>
          <p className="small">
            {new Date(record.timestamp).toISOString()} · key <span className="mono">{preview(record.key, 80)}</span> · <span className="badge">{formatLabel(record.value)}</span>
            {schemaLabel(record.value) && <span className="muted mono"> {schemaLabel(record.value)}</span>}
          </p>
          {record.value.error && <p className="error-text small">{record.value.error}</p>}
          <pre className="record-json mono small" data-testid="stuck-record-value">{fullText(record.value)}</pre>
        </>
      )}
    </div>
  );
}
