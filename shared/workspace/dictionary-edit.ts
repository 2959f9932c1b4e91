// Form edits of the dictionary, written back into the YAML the user owns through the yaml
// library's document model, so comments, order and the other entries stay as they were.
import { isMap, isSeq, YAMLMap, YAMLSeq, type Document } from 'yaml';
import type { DictionaryKind } from './dictionary-files';
import { parseYamlForEdit } from './yaml-source';

export class DictionaryEditError extends Error {}

/** Writes the document back in the file's own flow-list style ([a, b] or [ a, b ]). */
const render = (doc: Document, original: string) => doc.toString({ lineWidth: 0, flowCollectionPadding: /\[ \S/.test(original) });

/** The file's document model, or why it cannot be edited (nested too deep to parse safely). */
function parse(text: string): Document {
  try {
    return parseYamlForEdit(text);
  } catch (error) {
    throw new DictionaryEditError(error instanceof Error ? error.message : String(error));
  }
}

const clean = (entry: Record<string, unknown>) => Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0) && v !== false));

/** Replaces entry `index` of the `kind` list (keeping its comments), or appends when index is null. */
export function upsertEntry(text: string, kind: DictionaryKind, index: number | null, entry: Record<string, unknown>): string {
  const doc = parse(text);
  if (doc.errors.length > 0) throw new DictionaryEditError(`The file has YAML errors; fix them in the text first (${doc.errors[0]!.message.split('\n')[0]}).`);
  if (doc.contents === null) doc.contents = new YAMLMap() as never;
  if (!isMap(doc.contents)) throw new DictionaryEditError('The file is not a map of lists (words:, domains:, terms:).');
  const root = doc.contents as YAMLMap<unknown, unknown>;
  let list: unknown = root.get(kind, true);
  if (list === undefined) {
    list = new YAMLSeq();
    root.set(kind, list);
  }
  if (!isSeq(list)) throw new DictionaryEditError(`\`${kind}\` is not a list.`);
  const values = clean(entry);
  if (index === null) {
    const node = doc.createNode(values) as YAMLMap;
    // Short lists (a term's words) stay on one line, as people write them.
    for (const pair of node.items) if (isSeq(pair.value)) pair.value.flow = true;
    list.items.push(node);
  } else {
    const node = list.items[index];
    if (!isMap(node)) throw new DictionaryEditError(`Entry ${index + 1} of \`${kind}\` is gone; reload and try again.`);
    for (const pair of [...node.items]) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (!(key in values)) node.delete(key);
    }
    for (const [key, value] of Object.entries(values)) {
      const current = node.get(key, true);
      // An unchanged field keeps its exact text (quotes, flow style, spacing).
      const currentValue = (current as { toJSON?: () => unknown } | undefined)?.toJSON?.() ?? node.get(key);
      if (JSON.stringify(currentValue) === JSON.stringify(value)) continue;
      if (isSeq(current) && Array.isArray(value)) {
        const seq = doc.createNode(value) as YAMLSeq;
        seq.flow = current.flow;
        node.set(key, seq);
      } else node.set(key, value);
    }
  }
  return render(doc, text);
}

export function deleteEntry(text: string, kind: DictionaryKind, index: number): string {
  const doc = parse(text);
  if (doc.errors.length > 0) throw new DictionaryEditError('The file has YAML errors; fix them in the text first.');
  const list = isMap(doc.contents) ? doc.contents.get(kind, true) : undefined;
  if (!isSeq(list) || !list.items[index]) throw new DictionaryEditError(`Entry ${index + 1} of \`${kind}\` is gone; reload and try again.`);
  list.items.splice(index, 1);
  return render(doc, text);
}
