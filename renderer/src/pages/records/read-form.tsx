// Where and how to read: partition, where to start, how many, forward or live, and a CEL filter
// (checked in main before anything is read; its error is shown here).
import { memo, useState } from 'react';
import type { ReadInput, Seek, TopicPartitions } from '../../../../shared/records/records';

type SeekKind = Seek['kind'];
const seekLabels: Record<SeekKind, string> = { beginning: 'From the beginning', end: 'Newest', offset: 'From an offset', timestamp: 'From a date and time', group: "From a group's position" };
const placeholders: Partial<Record<SeekKind, string>> = { offset: '0', timestamp: '2026-11-22T09:30:00Z', group: 'group id' };

export interface ReadFormValues {
  partition: string;
  seekKind: SeekKind;
  seekValue: string;
  limit: string;
  live: boolean;
  filter: string;
  /** Why the filter needs classified fields unmasked; asked for only when main refused without one. */
  filterReason: string;
}

/** The read's input, or what is wrong with the form. */
export function readInputOf(topic: string, v: ReadFormValues): { input: ReadInput } | { problem: string } {
  let seek: Seek;
  switch (v.seekKind) {
    case 'beginning': case 'end': seek = { kind: v.seekKind }; break;
    case 'offset':
      if (!/^\d+$/.test(v.seekValue.trim())) return { problem: 'Enter an offset (a whole number ≥ 0).' };
      seek = { kind: 'offset', offset: Number(v.seekValue.trim()) };
      break;
    case 'timestamp': {
      const at = Date.parse(v.seekValue.trim());
      if (Number.isNaN(at)) return { problem: 'Enter a date and time, for example 2026-11-22T09:30:00Z.' };
      seek = { kind: 'timestamp', timestamp: at };
      break;
    }
    case 'group':
      if (!v.seekValue.trim()) return { problem: 'Enter the group whose position to start from.' };
      seek = { kind: 'group', groupId: v.seekValue.trim() };
      break;
  }
  const limit = Number(v.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) return { problem: 'Read between 1 and 10,000 records.' };
  return {
    input: {
      topic, seek, limit, live: v.live,
      ...(v.partition === 'all' ? {} : { partitions: [Number(v.partition)] }),
      ...(v.filter.trim() ? { filter: v.filter.trim() } : {}),
      ...(v.filter.trim() && v.filterReason.trim() ? { filterReason: v.filterReason.trim() } : {}),
    },
  };
}

export const ReadForm = memo(function ReadForm({ topic, partitions, initial, running, error, needsReason, onRead, onStop }: {
  topic: string;
  partitions: TopicPartitions | undefined;
  initial: ReadFormValues;
  running: boolean;
  error: string | null;
  /** Main refused the filter: it names classified fields, and reading them unmasked needs a reason. */
  needsReason: boolean;
  onRead: (input: ReadInput) => void;
  onStop: () => void;
}) {
  const [v, setV] = useState(initial);
  const set = (patch: Partial<ReadFormValues>) => setV((old) => ({ ...old, ...patch }));
  const parsed = readInputOf(topic, v);
  const submit = () => { if ('input' in parsed) onRead(parsed.input); };
  return (
    <form className="card read-form" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Read records">
      <div className="row">
        <label>Partition
          <select value={v.partition} onChange={(e) => set({ partition: e.target.value })} aria-label="Partition">
            <option value="all">All partitions</option>
            {(partitions?.partitions ?? []).map((p) => <option key={p.partition} value={String(p.partition)}>{p.partition} ({p.logStartOffset}–{p.logEndOffset})</option>)}
          </select>
        </label>
        <label>Start
          <select value={v.seekKind} onChange={(e) => set({ seekKind: e.target.value as SeekKind })} aria-label="Start">
            {(Object.keys(seekLabels) as SeekKind[]).map((k) => <option key={k} value={k}>{seekLabels[k]}</option>)}
          </select>
        </label>
        {placeholders[v.seekKind] !== undefined && (
          <label>{v.seekKind === 'group' ? 'Group' : v.seekKind === 'offset' ? 'Offset' : 'Time'}
            <input value={v.seekValue} placeholder={placeholders[v.seekKind]} onChange={(e) => set({ seekValue: e.target.value })} aria-label="Start at" />
          </label>
        )}
        <label>Records<input className="narrow" value={v.limit} onChange={(e) => set({ limit: e.target.value })} aria-label="Records to keep" inputMode="numeric" /></label>
        <label className="check"><input type="checkbox" checked={v.live} onChange={(e) => set({ live: e.target.checked })} aria-label="Live tail" /> Live tail</label>
      </div>
      <div className="row">
        <label className="grow">Filter (CEL)
          <input className="mono" value={v.filter} onChange={(e) => set({ filter: e.target.value })} aria-label="Filter"
            placeholder='record.value.status == "FAILED" && record.partition == 0' spellCheck={false} />
        </label>
        <div className="actions">
          {running ? <button type="button" onClick={onStop} data-testid="stop-read">Stop</button>
            : <button type="submit" className="primary" data-testid="start-read" disabled={'problem' in parsed}>Read</button>}
        </div>
      </div>
      {(needsReason || v.filterReason !== '') && (
        <div className="row">
          <label className="grow">Reason to filter on unmasked values (goes into the audit log)
            <input value={v.filterReason} onChange={(e) => set({ filterReason: e.target.value })} aria-label="Reason to filter unmasked"
              placeholder="Ticket 12: find the disputed payment" />
          </label>
        </div>
      )}
      {'problem' in parsed && <p className="muted small">{parsed.problem}</p>}
      {error && <pre className="error-text small filter-error" role="alert" data-testid="read-error">{error}</pre>}
      <p className="muted small">The filter runs in main over each decoded record: <code>record</code> has topic, partition, offset, timestampMs, key, value, headers and size. Fields the dictionary classifies are masked for the filter too, unless you give a reason.</p>
    </form>
  );
});
