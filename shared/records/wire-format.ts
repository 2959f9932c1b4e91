// The Schema Registry's wire format and the plain formats, on bytes alone (no Node Buffer: pure, so
// the unit tests and both sides can use it). Confluent's framing: magic byte 0, a 4-byte big-endian
// schema id, and for Protobuf the message indexes (zig-zag varints: a count, then that many
// indexes; the common [0] is written as one 0 byte), then the payload.

export interface WireHeader {
  schemaId: number;
  /** Where the payload (or, for Protobuf, the message indexes) starts. */
  payloadOffset: number;
}

/** The schema id of bytes framed in the wire format, or null for bytes that are not. */
export function readWireHeader(bytes: Uint8Array): WireHeader | null {
  if (bytes.length < 5 || bytes[0] !== 0) return null;
  const schemaId = ((bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!) >>> 0;
  // Registries hand out positive 31-bit ids; anything else is binary that happens to start with 0.
  if (schemaId === 0 || schemaId > 0x7fffffff) return null;
  return { schemaId, payloadOffset: 5 };
}

/** Five header bytes for a schema id. */
export function wireHeader(schemaId: number): Uint8Array {
  const header = new Uint8Array(5);
  header[1] = (schemaId >>> 24) & 0xff;
  header[2] = (schemaId >>> 16) & 0xff;
  header[3] = (schemaId >>> 8) & 0xff;
  header[4] = schemaId & 0xff;
  return header;
}

function readZigZagVarint(bytes: Uint8Array, at: number): { value: number; next: number } | null {
  let result = 0;
  let shift = 0;
  let i = at;
  while (i < bytes.length && shift <= 28) {
    const byte = bytes[i++]!;
    result |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value: (result >>> 1) ^ -(result & 1), next: i };
    shift += 7;
  }
  return null;
}

function writeZigZagVarint(value: number, out: number[]): void {
  let n = ((value << 1) ^ (value >> 31)) >>> 0;
  while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
  out.push(n);
}

/** Protobuf's message indexes after the header: which message of the schema (nested path) the payload is. */
export function readMessageIndexes(bytes: Uint8Array, at: number): { indexes: number[]; next: number } | null {
  const count = readZigZagVarint(bytes, at);
  if (!count || count.value < 0 || count.value > 100) return null;
  // A count of 0 is the shorthand for [0]: the first message of the schema.
  if (count.value === 0) return { indexes: [0], next: count.next };
  const indexes: number[] = [];
  let next = count.next;
  for (let i = 0; i < count.value; i++) {
    const index = readZigZagVarint(bytes, next);
    if (!index || index.value < 0) return null;
    indexes.push(index.value);
    next = index.next;
  }
  return { indexes, next };
}

export function messageIndexBytes(indexes: number[]): Uint8Array {
  if (indexes.length === 1 && indexes[0] === 0) return Uint8Array.of(0);
  const out: number[] = [];
  writeZigZagVarint(indexes.length, out);
  for (const index of indexes) writeZigZagVarint(index, out);
  return Uint8Array.from(out);
}

const hexDigits = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The first `max` bytes in hex, with "…" when there are more. */
export function toHex(bytes: Uint8Array, max: number): string {
  const end = Math.min(bytes.length, max);
  let text = '';
  for (let i = 0; i < end; i++) text += hexDigits[bytes[i]!];
  return end < bytes.length ? `${text}…` : text;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are valid UTF-8 without control characters (other than tab and newlines). */
export function asText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
}

/** JSON for text that is a JSON object or array (scalars stay text: "42" is more often an id than a number). */
export function asJson(text: string): { value: unknown } | null {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return null;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}
