// Masking driven by the dictionary: a field of a decoded key or value (or a header) whose name
// resolves, through the name checker, to a dictionary term that carries a classification
// (`personal`, `secret`…) is replaced by its classification. The browser and exports show records
// masked unless a person reveals one with a reason (audited in main).
import type { DecodedPart, MaskedField, RecordView } from './records';

/** The classification of a field name (`custNm` → `personal`), or null for a field shown as it is. */
export type Classifier = (fieldName: string) => string | null;

export const maskedText = (classification: string) => `[masked: ${classification}]`;

const MAX_DEPTH = 64;

function maskInto(value: unknown, classify: Classifier, path: string, found: MaskedField[], depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item, i) => {
      const masked = maskInto(item, classify, `${path}[${i}]`, found, depth + 1);
      if (masked !== item) changed = true;
      return masked;
    });
    return changed ? out : value;
  }
  let out: Record<string, unknown> | null = null;
  // for…in over own keys, not Object.entries: a scan masks every record its filter sees, and the
  // entries' arrays were most of the cost. Paths are built only where something is masked below.
  const object = value as Record<string, unknown>;
  for (const name in object) {
    if (!Object.prototype.hasOwnProperty.call(object, name)) continue;
    const field = object[name];
    const classification = classify(name);
    let next: unknown;
    if (classification !== null && field !== null) {
      found.push({ path: path ? `${path}.${name}` : name, classification });
      next = maskedText(classification);
    } else if (field === null || typeof field !== 'object') {
      next = field;
    } else {
      next = maskInto(field, classify, path ? `${path}.${name}` : name, found, depth + 1);
    }
    if (next !== field) {
      out ??= { ...object };
      out[name] = next;
    }
  }
  return out ?? value;
}

/** The part with its classified fields masked (the same object when nothing is). */
export function maskPart(part: DecodedPart, classify: Classifier): DecodedPart {
  if (part.error !== null || part.value === null || typeof part.value !== 'object') return part;
  const found: MaskedField[] = [];
  const value = maskInto(part.value, classify, '', found, 0);
  return found.length === 0 ? part : { ...part, value, masked: found };
}

/** The record with classified fields of its key, value and headers masked. */
export function maskRecord(record: RecordView, classify: Classifier): RecordView {
  const key = maskPart(record.key, classify);
  const value = maskPart(record.value, classify);
  let headers = record.headers;
  if (headers.some((h) => h.value !== null && classify(h.key) !== null)) {
    headers = headers.map((h) => {
      const classification = h.value === null ? null : classify(h.key);
      return classification === null ? h : { ...h, value: maskedText(classification), hex: false };
    });
  }
  return key === record.key && value === record.value && headers === record.headers ? record : { ...record, key, value, headers };
}

/** How many fields of a record were masked. */
export const maskedCount = (record: RecordView) => record.key.masked.length + record.value.masked.length;

/** A classifier that asks `classify` once per distinct name (records repeat the same few names). */
export function cachedClassifier(classify: Classifier, maxNames = 10_000): Classifier {
  const cache = new Map<string, string | null>();
  return (name) => {
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    const classification = classify(name);
    if (cache.size < maxNames) cache.set(name, classification);
    return classification;
  };
}
