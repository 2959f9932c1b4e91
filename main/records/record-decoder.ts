// One Kafka record as the console shows it. Keys and values in the Schema Registry's wire format
// are decoded with their schema (Avro, JSON Schema, Protobuf with its message indexes); the rest are
// read as JSON, UTF-8 text or hex. Nothing here throws for a bad record: a part that cannot be
// decoded says why and keeps its bytes, and the scan goes on.
import { toJsonValue } from '../../shared/records/json-value';
import type { DecodedPart, RecordView, SchemaRef } from '../../shared/records/records';
import { recordLimits } from '../../shared/records/records';
import { asJson, asText, readMessageIndexes, readWireHeader, toHex } from '../../shared/records/wire-format';
import type { ProtoType, SchemaCatalog } from './schema-catalog';

/** A record as the fetch hands it over, before decoding. */
export interface RawRecord {
  offset: number;
  timestamp: number;
  timestampType: 'create' | 'log-append';
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<[Buffer | null, Buffer | null]>;
}

const hexOf = (bytes: Uint8Array) => toHex(bytes, recordLimits.maxHexBytes);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500);

// Shared by every unmasked part: frozen, since masking always makes a new list.
const noMasks = Object.freeze([]) as unknown as DecodedPart['masked'];
const part = (fields: Partial<DecodedPart> & Pick<DecodedPart, 'format' | 'size'>): DecodedPart => ({
  format: fields.format, size: fields.size, value: fields.value ?? null, hex: fields.hex ?? null, schema: fields.schema ?? null,
  error: fields.error ?? null, note: fields.note ?? null, masked: noMasks,
});

/** The schema ids a record's key and value name, to fetch them before decoding a batch. */
export function schemaIdsOf(record: Pick<RawRecord, 'key' | 'value'>, into: Set<number>): void {
  if (record.key) { const h = readWireHeader(record.key); if (h) into.add(h.schemaId); }
  if (record.value) { const h = readWireHeader(record.value); if (h) into.add(h.schemaId); }
}

const isProtoType = (item: unknown): item is ProtoType =>
  !!item && typeof (item as ProtoType).decode === 'function' && typeof (item as ProtoType).toObject === 'function' && 'fieldsArray' in (item as object);

/** The message type the indexes name: the n-th top-level message of the schema, then nested ones. */
export function protoTypeAt(first: ProtoType, indexes: number[]): ProtoType | null {
  let candidates = (first.parent?.nestedArray ?? [first]).filter(isProtoType);
  let found: ProtoType | null = null;
  for (const index of indexes) {
    found = candidates[index] ?? null;
    if (!found) return null;
    candidates = (found.nestedArray ?? []).filter(isProtoType);
  }
  return found;
}

/** Every message of the schema with its index path (the inverse of protoTypeAt), top-level ones first. */
export function protoMessages(first: ProtoType): Array<{ name: string; indexes: number[]; type: ProtoType }> {
  const out: Array<{ name: string; indexes: number[]; type: ProtoType }> = [];
  const walk = (types: ProtoType[], prefix: number[], depth: number) => {
    if (depth > 32) return;
    types.forEach((type, i) => {
      out.push({ name: type.fullName.replace(/^\./, ''), indexes: [...prefix, i], type });
      walk((type.nestedArray ?? []).filter(isProtoType), [...prefix, i], depth + 1);
    });
  };
  walk((first.parent?.nestedArray ?? [first]).filter(isProtoType), [], 0);
  return out;
}

/** Short ASCII keys and values are the common case: read without the UTF-8 decoder. */
function textOf(bytes: Buffer): string | null {
  if (bytes.length <= 256) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (c < 0x20 || c > 0x7e) { ascii = false; break; }
    }
    if (ascii) return bytes.toString('latin1');
  }
  return asText(bytes);
}

export const protoObjectOptions = { longs: String, enums: String, bytes: String, defaults: false, arrays: true };

export class RecordDecoder {
  constructor(private readonly schemas: SchemaCatalog) {}

  /** Fetches the schemas a batch of records needs; call before `decode` on them. */
  prepare(records: Iterable<Pick<RawRecord, 'key' | 'value'>>): Promise<void> {
    const ids = new Set<number>();
    for (const r of records) schemaIdsOf(r, ids);
    return ids.size === 0 ? Promise.resolve() : this.schemas.load(ids);
  }

  decode(raw: RawRecord, topic: string, partition: number): RecordView {
    let size = (raw.key?.length ?? 0) + (raw.value?.length ?? 0);
    const headers = raw.headers.length === 0 ? [] : raw.headers.map(([k, v]) => {
      size += (k?.length ?? 0) + (v?.length ?? 0);
      const text = v ? textOf(v) : null;
      return { key: k ? k.toString('utf8') : '', value: v === null ? null : text ?? hexOf(v), hex: v !== null && text === null };
    });
    return {
      topic, partition, offset: raw.offset, timestamp: raw.timestamp, timestampType: raw.timestampType,
      key: this.decodePart(raw.key, topic, true),
      value: this.decodePart(raw.value, topic, false),
      headers, size,
    };
  }

  decodePart(bytes: Buffer | null, topic: string, isKey: boolean): DecodedPart {
    if (bytes === null) return part({ format: 'null', size: 0 });
    const header = readWireHeader(bytes);
    if (header) {
      const found = this.schemas.get(header.schemaId);
      if (found.schema) return this.#decodeWithSchema(bytes, header.payloadOffset, found.schema, topic, isKey);
      // Bytes that start like the wire format but name no schema the registry knows: shown as they are.
      const plain = this.#plain(bytes);
      return { ...plain, error: plain.format === 'binary' ? found.error : null, note: plain.format === 'binary' ? null : `Starts like the wire format, but: ${found.error}` };
    }
    return this.#plain(bytes);
  }

  #plain(bytes: Buffer): DecodedPart {
    const size = bytes.length;
    if (size === 0) return part({ format: 'text', size, value: '' });
    const text = textOf(bytes);
    if (text === null) return part({ format: 'binary', size, hex: hexOf(bytes) });
    const json = asJson(text);
    return json ? part({ format: 'json', size, value: toJsonValue(json.value) }) : part({ format: 'text', size, value: text });
  }

  #decodeWithSchema(bytes: Buffer, at: number, schema: import('./schema-catalog').LoadedSchema, topic: string, isKey: boolean): DecodedPart {
    const size = bytes.length;
    const failed = (ref: SchemaRef, format: DecodedPart['format'], error: unknown) =>
      part({ format, size, schema: ref, hex: hexOf(bytes), error: `Could not decode with schema ${ref.id}${ref.subject ? ` (${ref.subject} v${ref.version})` : ''}: ${messageOf(error)}` });
    switch (schema.kind) {
      case 'AVRO': {
        const ref = this.schemas.ref(schema.id, topic, isKey, null);
        try {
          // avsc's records are class instances (and bytes Buffers): the filter and the console need plain JSON.
          return part({ format: 'avro', size, schema: ref, value: toJsonValue(schema.avro.fromBuffer(bytes.subarray(at))) });
        } catch (error) {
          return failed(ref, 'avro', error);
        }
      }
      case 'JSON': {
        const ref = this.schemas.ref(schema.id, topic, isKey, null);
        const text = asText(bytes.subarray(at));
        let value: unknown;
        try {
          if (text === null) throw new Error('the payload is not UTF-8 text');
          value = JSON.parse(text) as unknown;
        } catch (error) {
          return failed(ref, 'json-schema', error);
        }
        const problems: string[] = [];
        const valid = schema.json.isValid(value, { errorHook: (path, message) => { if (problems.length < 5) problems.push(`${path.join('') || '(root)'} ${message}`); } });
        return part({ format: 'json-schema', size, schema: ref, value: toJsonValue(value), note: valid ? null : `Does not match its schema: ${problems.join('; ')}` });
      }
      case 'PROTOBUF': {
        const indexes = readMessageIndexes(bytes, at);
        const type = indexes ? protoTypeAt(schema.proto, indexes.indexes) : null;
        const ref = this.schemas.ref(schema.id, topic, isKey, type ? type.fullName.replace(/^\./, '') : null);
        if (!indexes || !type) return failed(ref, 'protobuf', new Error(indexes ? `the schema has no message at index path [${indexes.indexes.join(', ')}]` : 'the message indexes after the schema id are malformed'));
        try {
          return part({ format: 'protobuf', size, schema: ref, value: toJsonValue(type.toObject(type.decode(bytes.subarray(indexes.next)), protoObjectOptions)) });
        } catch (error) {
          return failed(ref, 'protobuf', error);
        }
      }
    }
  }
}
