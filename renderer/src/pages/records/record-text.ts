// How a decoded key or value reads in one line of the list and in full in the detail.
import type { DecodedPart } from '../../../../shared/records/records';

const formatLabels: Record<DecodedPart['format'], string> = {
  null: 'null', avro: 'Avro', 'json-schema': 'JSON Schema', protobuf: 'Protobuf', json: 'JSON', text: 'text', binary: 'binary',
};

export const formatLabel = (part: DecodedPart) => formatLabels[part.format];

/** One line, cut at `max` characters: the value as JSON, text as it is, bytes in hex. */
export function preview(part: DecodedPart, max = 160): string {
  if (part.format === 'null') return 'null';
  if (part.error !== null || part.format === 'binary') return part.hex ? `0x${part.hex.slice(0, max)}` : '';
  const text = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The whole value, pretty-printed. */
export function fullText(part: DecodedPart): string {
  if (part.format === 'null') return 'null';
  if (part.error !== null || part.format === 'binary') return part.hex ?? '';
  return typeof part.value === 'string' ? part.value : JSON.stringify(part.value, null, 2);
}

export const schemaLabel = (part: Pick<DecodedPart, 'schema'>) =>
  part.schema ? `schema ${part.schema.id}${part.schema.subject ? ` · ${part.schema.subject} v${part.schema.version}` : ''}${part.schema.messageType ? ` · ${part.schema.messageType}` : ''}` : null;

export const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
