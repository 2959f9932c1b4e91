// The difference between two versions of a schema: the text, pretty-printed so a registry's
// one-line JSON reads as lines, and the fields added, removed or retyped, by path.
import { diffLines } from 'diff';
import { readSchemaFields, type LintableType } from './schema-fields';

export interface DiffLine { kind: 'same' | 'added' | 'removed'; text: string; oldLine: number | null; newLine: number | null }
export interface FieldChange { path: string; change: 'added' | 'removed' | 'retyped'; before: string | null; after: string | null }

/** JSON schemas as two-space JSON; anything else (Protobuf, or JSON that does not parse) as it is. */
export function prettySchema(type: LintableType, text: string): string {
  if (type !== 'AVRO' && type !== 'JSON') return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function diffSchemaText(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(before, after)) {
    const texts = part.value.replace(/\n$/, '').split('\n');
    for (const text of texts) {
      if (part.added) lines.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
      else if (part.removed) lines.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
      else lines.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return lines;
}

export function diffFields(type: LintableType, before: string, after: string): FieldChange[] {
  const typeOf = (declared: { typeLabel?: string; dataType?: string; length?: number }) => {
    const name = declared.typeLabel ?? declared.dataType ?? null;
    return name && declared.length !== undefined ? `${name}(${declared.length})` : name;
  };
  const map = (text: string) => new Map(readSchemaFields(type, text).fields.map((f) => [f.path, typeOf(f.declared)]));
  const old = map(before);
  const next = map(after);
  const changes: FieldChange[] = [];
  for (const [path, type] of old) {
    if (!next.has(path)) changes.push({ path, change: 'removed', before: type, after: null });
    else if (next.get(path) !== type) changes.push({ path, change: 'retyped', before: type, after: next.get(path)! });
  }
  for (const [path, type] of next) if (!old.has(path)) changes.push({ path, change: 'added', before: null, after: type });
  return changes;
}
