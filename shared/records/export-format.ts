// A scan's results as a file: JSON Lines keeps every record whole; CSV gives a spreadsheet one row
// per record with the key and value as JSON text.
import type { RecordView } from './records';

const partValue = (part: RecordView['key']) => (part.error === null ? part.value : { undecodable: part.error, hex: part.hex });

function exported(record: RecordView) {
  return {
    topic: record.topic, partition: record.partition, offset: record.offset,
    timestamp: new Date(record.timestamp).toISOString(), timestampType: record.timestampType,
    key: partValue(record.key), value: partValue(record.value),
    headers: Object.fromEntries(record.headers.map((h) => [h.key, h.value])),
    keySchema: record.key.schema, valueSchema: record.value.schema, size: record.size,
  };
}

export function asJsonLines(records: RecordView[]): string {
  return records.map((r) => JSON.stringify(exported(r))).join('\n') + (records.length ? '\n' : '');
}

const csvCell = (value: unknown) => {
  const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // A cell that starts like a formula is quoted with a leading apostrophe, so a spreadsheet shows it as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function asCsv(records: RecordView[]): string {
  const columns = ['topic', 'partition', 'offset', 'timestamp', 'timestampType', 'key', 'value', 'headers', 'valueSchemaId', 'valueSubject', 'valueVersion', 'size'];
  const rows = records.map((r) => {
    const e = exported(r);
    return [e.topic, e.partition, e.offset, e.timestamp, e.timestampType, e.key, e.value, e.headers, r.value.schema?.id, r.value.schema?.subject, r.value.schema?.version, e.size].map(csvCell).join(',');
  });
  return [columns.join(','), ...rows].join('\n') + '\n';
}
