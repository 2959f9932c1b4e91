// YAML files the user owns, read with positions: a syntax error becomes a diagnostic at its line,
// and each list entry keeps where it and its fields are, so a finding points at the right line.
//
// Reading is on the hot path (a workspace holds a 13,000-term dictionary), so values come from
// js-yaml, ~15× faster than the `yaml` package, and the positions of list entries from a scan of the
// block layout people write, checked against the parsed values. Anything the scan cannot vouch for
// (flow style, anchors, unusual layout) and every syntax error goes through `yaml`'s exact parser.
// Writing back keeps using `yaml`'s document model, which preserves comments (dictionary-edit.ts).
// Every parse is bounded (yaml-limits.ts): alias expansion, nesting, and the size given to `yaml`.
import { CORE_SCHEMA, load as loadFast, type LoadOptions } from 'js-yaml';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLParseError, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Span } from '../common/diagnostics';
import { aliasProblem, MAX_EXACT_YAML_CHARS, MAX_YAML_DEPTH, nestingBeyond, tooDeepMessage, YamlLimitError } from './yaml-limits';

export interface YamlSource {
  /** The parsed value; undefined when the text has syntax errors. */
  value: unknown;
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The exact parse, made only when needed (positions the scan could not vouch for). */
  exact(): ExactYaml;
  /** Whether the exact parse was made (it costs ~15× the fast one). */
  exactUsed(): boolean;
  /** Too large for the exact parser: positions the scan cannot vouch for are the list's line. */
  large: boolean;
  lines: string[];
}

export interface ExactYaml {
  doc: Document;
  diagnostics: Diagnostic[];
  span(node: Node | null | undefined): Span;
}

/** `yaml`'s document model, for edits that keep comments; refused (YamlLimitError) when nested too deep for it. */
export function parseYamlForEdit(text: string): Document {
  if (nestingBeyond(text) !== null) throw new YamlLimitError(`The file is nested more than ${MAX_YAML_DEPTH} levels deep; it cannot be edited here.`);
  return parseDocument(text);
}

/** `yaml`'s parser: exact positions for every node and its own error messages, within the limits. */
export function readYamlDocument(file: string, text: string): ExactYaml {
  const lines = new LineCounter();
  const refusedAt = text.length > MAX_EXACT_YAML_CHARS ? 0 : nestingBeyond(text);
  if (refusedAt !== null) {
    // Not parsed: an empty document that carries the refusal as its error, so callers see one.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    const { line, col } = lines.linePos(refusedAt);
    const [code, message] = text.length > MAX_EXACT_YAML_CHARS
      ? ['yaml-too-large', `It is larger than ${MAX_EXACT_YAML_CHARS / 1024} KB, too large to read with positions; it is not read.`]
      : ['yaml-too-deep', tooDeepMessage];
    const doc = new Document(null);
    doc.errors.push(new YAMLParseError([refusedAt, refusedAt + 1], 'RESOURCE_EXHAUSTION', message));
    return {
      doc, span: () => ({ line, column: col, endLine: line, endColumn: col + 1 }),
      diagnostics: [diagnostic(file, { line, column: col, endLine: line, endColumn: col + 1 }, 'error', code, message)],
    };
  }
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

/** Where an alias is first used, for a diagnostic about aliases. */
function firstAlias(text: string): Span {
  const match = /(^|[\s[{,])\*[^\s\]},]/m.exec(text);
  const offset = match ? match.index + match[1]!.length : 0;
  const line = text.slice(0, offset).split('\n').length;
  const column = offset - text.lastIndexOf('\n', offset - 1);
  return { line, column, endLine: line, endColumn: column + 1 };
}

/** js-yaml's own report of a syntax error, for text too large (or too deep) for the exact parser. */
function fastDiagnostic(file: string, error: unknown): Diagnostic {
  const { mark, reason } = (error ?? {}) as { mark?: { line: number; column: number }; reason?: string };
  const line = (mark?.line ?? 0) + 1;
  const column = (mark?.column ?? 0) + 1;
  const deep = /maxDepth/.test(reason ?? '');
  return diagnostic(file, { line, column, endLine: line, endColumn: column + 1 }, 'error', deep ? 'yaml-too-deep' : 'yaml-syntax', deep ? tooDeepMessage : (reason ?? 'The YAML cannot be read.'));
}

export function readYaml(file: string, text: string): YamlSource {
  let exact: ExactYaml | null = null;
  const getExact = () => (exact ??= readYamlDocument(file, text));
  const lines = text.split('\n');
  const large = text.length > MAX_EXACT_YAML_CHARS;
  const base = { exact: getExact, exactUsed: () => exact !== null, large, lines };
  const refused = (d: Diagnostic): YamlSource => ({ ...base, value: undefined, ok: false, diagnostics: [d] });
  let value: unknown;
  try {
    // The YAML 1.2 core schema, as `yaml` reads it: dates stay strings, `NO` is not false. maxDepth
    // is js-yaml's default, said here so that an upgrade cannot lift it (it is not in its types).
    value = loadFast(text, { schema: CORE_SCHEMA, maxDepth: MAX_YAML_DEPTH } as LoadOptions);
  } catch (error) {
    const fast = fastDiagnostic(file, error);
    if (large || fast.code === 'yaml-too-deep') return refused(fast);
    const { diagnostics } = getExact();
    return { ...base, value: undefined, ok: false, diagnostics: diagnostics.length > 0 ? diagnostics : [diagnostic(file, { line: 1, column: 1, endLine: 1, endColumn: 2 }, 'error', 'yaml-syntax', 'The YAML cannot be read.')] };
  }
  // Only aliases can make the value larger or deeper than its text; most files have none.
  const problem = text.includes('*') ? aliasProblem(value, text.length) : null;
  if (problem) return refused(diagnostic(file, firstAlias(text), 'error', problem.code, problem.message));
  return { ...base, value, ok: true, diagnostics: [] };
}

export interface YamlEntry {
  /** The entry as plain data. */
  value: Record<string, unknown>;
  index: number;
  span: Span;
  /** Where each field's value is, by field name. */
  fields: Record<string, Span>;
}

const lineSpan = (line: number, text: string, column = 1): Span => ({ line, column, endLine: line, endColumn: Math.max(column + 1, text.length + 1) });

/**
 * Entries of a top-level block list written the usual way: `key:` at column 1, then `- field: value`
 * items at one indentation, each field on its own line. Null when the layout is anything else.
 */
function scanBlockList(lines: string[], key: string, values: unknown[]): YamlEntry[] | null {
  // `words:` alone on its line, perhaps with a comment (the keys are plain words: no escaping needed).
  const heading = new RegExp(`^${key}:\\s*(#.*)?$`);
  const head = lines.findIndex((l) => heading.test(l));
  if (head < 0) return null;
  let end = lines.length;
  for (let i = head + 1; i < lines.length; i++) if (/^[^\s#-]/.test(lines[i]!)) { end = i; break; }
  const starts: number[] = [];
  let indent = -1;
  for (let i = head + 1; i < end; i++) {
    const match = /^(\s*)- /.exec(lines[i]!);
    if (!match) continue;
    if (indent < 0) indent = match[1]!.length;
    if (match[1]!.length === indent) starts.push(i);
  }
  if (starts.length !== values.length) return null;
  const entries: YamlEntry[] = [];
  for (let n = 0; n < starts.length; n++) {
    const value = values[n];
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const from = starts[n]!;
    let to = n + 1 < starts.length ? starts[n + 1]! : end;
    while (to > from + 1 && !lines[to - 1]!.trim()) to--;
    const fields: Record<string, Span> = {};
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      const match = /^(\s*(?:- )?)([A-Za-z_][\w-]*):(?:\s|$)/.exec(line);
      if (match && !(match[2]! in fields)) fields[match[2]!] = lineSpan(i + 1, line, match[1]!.length + 1);
    }
    // Every field the parser found must have been found on its own line, or the layout is unusual.
    if (Object.keys(value).some((k) => !(k in fields))) return null;
    entries.push({ value: value as Record<string, unknown>, index: n, span: { line: from + 1, column: indent + 1, endLine: to, endColumn: Math.max(2, lines[to - 1]!.length + 1) }, fields });
  }
  return entries;
}

/** The same, from the exact parse. */
function exactEntries(source: YamlSource, file: string, key: string, diagnostics: Diagnostic[]): YamlEntry[] | null {
  const { doc, span } = source.exact();
  const root = doc.contents;
  if (!isMap(root)) return null;
  const list = root.get(key, true);
  if (list === undefined) return null;
  if (!isSeq(list)) {
    diagnostics.push(diagnostic(file, span(list as Node), 'error', 'not-a-list', `\`${key}\` must be a list of entries.`));
    return [];
  }
  const entries: YamlEntry[] = [];
  list.items.forEach((item, index) => {
    if (!isMap(item)) {
      diagnostics.push(diagnostic(file, span(item as Node), 'error', 'not-a-map', `Entry ${index + 1} of \`${key}\` must be a map of fields (name: …).`));
      return;
    }
    const fields: Record<string, Span> = {};
    for (const pair of item.items) {
      if (isScalar(pair.key)) fields[String(pair.key.value)] = span((pair.value ?? pair.key) as Node);
    }
    // toJSON without a document leaves an alias as { source } instead of resolving it: nothing is
    // expanded here (the fast read already checked what the aliases come to).
    entries.push({ value: item.toJSON() as Record<string, unknown>, index, span: span(item), fields });
  });
  return entries;
}

/** The entries of a top-level list (`words:`, `terms:`…); an entry that is not a map is a diagnostic. */
export function listEntries(source: YamlSource, file: string, key: string, diagnostics: Diagnostic[]): YamlEntry[] | null {
  const root = source.value;
  if (!root || typeof root !== 'object' || Array.isArray(root) || !(key in root)) return null;
  const list = (root as Record<string, unknown>)[key];
  if (Array.isArray(list)) {
    const scanned = scanBlockList(source.lines, key, list);
    if (scanned) return scanned;
    if (source.large) return coarseEntries(source.lines, file, key, list, diagnostics);
  }
  return exactEntries(source, file, key, diagnostics);
}

/** Entries of a file too large for the exact parser, placed at their list's line. */
function coarseEntries(lines: string[], file: string, key: string, list: unknown[], diagnostics: Diagnostic[]): YamlEntry[] {
  const heading = new RegExp(`^${key}:`);
  const index = lines.findIndex((l) => heading.test(l));
  const span = lineSpan(index + 1 || 1, lines[index] ?? '');
  const entries: YamlEntry[] = [];
  list.forEach((value, n) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push(diagnostic(file, span, 'error', 'not-a-map', `Entry ${n + 1} of \`${key}\` must be a map of fields (name: …).`));
      return;
    }
    entries.push({ value: value as Record<string, unknown>, index: n, span, fields: {} });
  });
  return entries;
}
