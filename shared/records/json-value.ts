// Decoders hand back what their libraries make: Avro records as class instances with Buffers for
// bytes, BigInts, Dates, Maps, protobufjs Longs. The console and the filter need plain JSON values;
// this turns one into the other, bounded in depth and size so one huge or cyclic value cannot take
// main down.

export interface JsonBudget {
  /** Nodes (values) left to convert. */
  nodes: number;
}

const MAX_DEPTH = 64;
const hex = (bytes: Uint8Array) => Array.from(bytes.subarray(0, 4_096), (b) => b.toString(16).padStart(2, '0')).join('') + (bytes.length > 4_096 ? '…' : '');

/** A JSON value for `input`: bytes become hex text, big integers text (numbers when exact), dates ISO text. */
export function toJsonValue(input: unknown, budget: JsonBudget = { nodes: 200_000 }, depth = 0): unknown {
  if (--budget.nodes < 0) return '…';
  if (input === null || input === undefined) return null;
  switch (typeof input) {
    case 'string': case 'boolean': return input;
    case 'number': return Number.isFinite(input) ? input : String(input);
    case 'bigint': return input <= BigInt(Number.MAX_SAFE_INTEGER) && input >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(input) : input.toString();
    case 'object': break;
    default: return String(input);
  }
  if (depth >= MAX_DEPTH) return '…';
  if (input instanceof Uint8Array) return hex(input);
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.toISOString();
  if (Array.isArray(input)) return input.map((item) => toJsonValue(item, budget, depth + 1));
  if (input instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of input) out[String(k)] = toJsonValue(v, budget, depth + 1);
    return out;
  }
  // protobufjs Long without conversion: { low, high, unsigned }.
  const long = input as { low?: unknown; high?: unknown; unsigned?: unknown; toString?: () => string };
  if (typeof long.low === 'number' && typeof long.high === 'number' && typeof long.unsigned === 'boolean' && typeof long.toString === 'function') return long.toString();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) out[key] = toJsonValue((input as Record<string, unknown>)[key], budget, depth + 1);
  return out;
}

/** An estimate of the bytes a JSON value takes, to bound what a scan keeps without stringifying it. */
export function jsonSizeEstimate(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object') return 8;
  if (depth > MAX_DEPTH) return 0;
  let size = 2;
  if (Array.isArray(value)) for (const item of value) size += jsonSizeEstimate(item, depth + 1) + 1;
  else for (const [k, v] of Object.entries(value)) size += k.length + 4 + jsonSizeEstimate(v, depth + 1);
  return size;
}
