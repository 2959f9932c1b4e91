// YAML files the user owns, read with positions: a syntax error becomes a diagnostic at its line,
// and each list entry keeps where it and its fields are, so a finding points at the right line.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Span } from './diagnostics';

export interface YamlSource {
  doc: Document;
  diagnostics: Diagnostic[];
  span(node: Node | null | undefined): Span;
}

export function readYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const span = (node: Node | null | undefined): Span => {
    const [start, end] = node?.range ?? [0, 1];
    const from = lines.linePos(start);
    const to = lines.linePos(Math.max(start + 1, Math.min(end, start + 400)));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };
  const diagnostics = [...doc.errors, ...doc.warnings].map((problem) => {
    const [start, end] = problem.pos;
    const from = lines.linePos(start);
    const to = lines.linePos(Math.max(end, start + 1));
    const severity = doc.errors.includes(problem as never) ? 'error' : 'warning';
    return diagnostic(file, { line: from.line, column: from.col, endLine: to.line, endColumn: to.col }, severity, 'yaml-syntax', problem.message.split('\n')[0]!);
  });
  return { doc, diagnostics, span };
}

export interface YamlEntry {
  /** The entry as plain data. */
  value: Record<string, unknown>;
  index: number;
  span: Span;
  /** Where each field's value is, by field name. */
  fields: Record<string, Span>;
}

/** The entries of a top-level list (`words:`, `terms:`…); an entry that is not a map is a diagnostic. */
export function listEntries(source: YamlSource, file: string, key: string, diagnostics: Diagnostic[]): YamlEntry[] | null {
  const root = source.doc.contents;
  if (!isMap(root)) return null;
  const list = root.get(key, true);
  if (list === undefined) return null;
  if (!isSeq(list)) {
    diagnostics.push(diagnostic(file, source.span(list as Node), 'error', 'not-a-list', `\`${key}\` must be a list of entries.`));
    return [];
  }
  const entries: YamlEntry[] = [];
  list.items.forEach((item, index) => {
    if (!isMap(item)) {
      diagnostics.push(diagnostic(file, source.span(item as Node), 'error', 'not-a-map', `Entry ${index + 1} of \`${key}\` must be a map of fields (name: …).`));
      return;
    }
    const fields: Record<string, Span> = {};
    for (const pair of item.items) {
      if (isScalar(pair.key)) fields[String(pair.key.value)] = source.span((pair.value ?? pair.key) as Node);
    }
    entries.push({ value: item.toJSON() as Record<string, unknown>, index, span: source.span(item), fields });
  });
  return entries;
}
