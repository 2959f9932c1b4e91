// The names a schema or table defines, with where each name is in the text: Avro record fields,
// JSON Schema properties, Protobuf message fields and SQL table columns. Structural fields (a
// nested record, a message, a $ref) are walked into, not checked: their names are not terms.
// Syntax errors become diagnostics at their position, and what could be read is still returned.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { diagnostic, lineIndex, type Diagnostic } from '../common/diagnostics';
import type { DeclaredType } from './name-checker';
import { avroTypeFamily, jsonSchemaTypeFamily, protobufTypeFamily } from './type-families';

import type { SchemaType } from '../registry/registry';

export type { SchemaType };
/** What can be linted: the registry's schema types, and SQL DDL for database tables. */
export type LintableType = SchemaType | 'SQL';

export interface SchemaField {
  /** Dotted path from the root record/message/table, e.g. Payment.approvals[].amount. */
  path: string;
  name: string;
  /** Offsets of the name itself (without quotes) in the text. */
  start: number;
  end: number;
  declared: DeclaredType;
}
export interface SchemaFields { fields: SchemaField[]; diagnostics: Diagnostic[] }

type Report = (start: number, end: number, code: string, message: string, severity?: Diagnostic['severity']) => void;

function reporter(file: string, text: string, diagnostics: Diagnostic[]): Report {
  const lines = lineIndex(text);
  return (start, end, code, message, severity = 'error') => diagnostics.push(diagnostic(file, lines.span(start, end), severity, code, message));
}

function parseJson(text: string, report: Report): Node | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const error of errors) report(error.offset, error.offset + Math.max(error.length, 1), 'json-syntax', `JSON: ${printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`);
  return root;
}

const stringValue = (node: Node | undefined): string | undefined => (node?.type === 'string' ? String(node.value) : undefined);
const child = (node: Node, key: string): Node | undefined => findNodeAtLocation(node, [key]);
const nameSpan = (node: Node) => ({ start: node.offset + 1, end: node.offset + node.length - 1 });

// --- Avro -------------------------------------------------------------------------------------

/**
 * The fast path for the common case (a registry lints every subject): the built-in JSON.parse for
 * the structure, and each name found in the text by walking it in document order, verified where it
 * is found. Null whenever anything does not line up; the caller then uses the exact reader.
 */
function readAvroFast(text: string): SchemaField[] | null {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  const fields: SchemaField[] = [];
  const enums = new Set<string>();
  let cursor = 0;
  let ok = true;
  // Every object with a "name" string, in document order, moves the cursor past its name.
  const locateName = (name: string): { start: number; end: number } | null => {
    const pattern = /"name"\s*:\s*"/g;
    pattern.lastIndex = cursor;
    const match = pattern.exec(text);
    if (!match) return null;
    const start = match.index + match[0].length;
    const quoted = JSON.stringify(name);
    if (text.slice(start - 1, start - 1 + quoted.length) !== quoted) return null;
    cursor = start + quoted.length - 1;
    return { start, end: start + quoted.length - 2 };
  };
  type Json = Record<string, unknown>;
  const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
  // Walks a value the way JSON text is written: keys in order, so names are met in text order.
  const walk = (value: unknown, path: string, fieldOf: string | null): void => {
    if (!ok) return;
    if (Array.isArray(value)) { for (const item of value) walk(item, path, null); return; }
    if (!isObject(value)) return;
    for (const key of Object.keys(value)) {
      if (/^\d+$/.test(key)) { ok = false; return; } // integer keys are reordered by JSON.parse
      const child = value[key];
      if (key === 'name' && typeof child === 'string') {
        const at = locateName(child);
        if (!at) { ok = false; return; }
        if (fieldOf !== null) {
          const declared = avroDeclaredValue(value.type, enums);
          if (declared !== 'structural') fields.push({ path: `${fieldOf}.${child}`, name: child, ...at, declared });
        } else if (value.type === 'enum') enums.add(child);
        continue;
      }
      if (key === 'fields' && Array.isArray(child) && (value.type === 'record' || value.type === 'error')) {
        const recordPath = path || (typeof value.name === 'string' ? value.name : '');
        const seen = new Set<string>();
        for (const field of child) {
          // Anything the exact reader would report on (a missing name or type, a duplicate) goes to it.
          if (!isObject(field) || typeof field.name !== 'string' || !('type' in field) || seen.has(field.name)) { ok = false; return; }
          seen.add(field.name);
          const fieldPath = `${recordPath}.${field.name}`;
          // The field's own keys, in order: its name is located when met, its type walked into.
          for (const fieldKey of Object.keys(field)) {
            if (fieldKey === 'name') {
              const at = locateName(field.name);
              if (!at) { ok = false; return; }
              const declared = avroDeclaredValue(field.type, enums);
              if (declared !== 'structural') fields.push({ path: fieldPath, name: field.name, ...at, declared });
            } else if (fieldKey === 'type') walk(field.type, fieldPath, null);
            else walk(field[fieldKey], fieldPath, null);
          }
        }
        continue;
      }
      walk(child, key === 'items' ? `${path}[]` : key === 'values' ? `${path}{}` : path, null);
    }
  };
  walk(root, '', null);
  if (!ok) return null;
  return fields;
}

/** A field's declared type, or 'structural' for a record, array or map (walked into instead). */
function avroDeclaredValue(type: unknown, enums: Set<string>): DeclaredType | 'structural' {
  if (typeof type === 'string') {
    const family = avroTypeFamily(type) ?? (enums.has(type) || enums.has(type.split('.').pop()!) ? 'text' : null);
    return family ? { family, typeLabel: type } : 'structural';
  }
  if (Array.isArray(type)) {
    const branches = type.filter((b) => b !== 'null');
    return branches.length === 1 ? avroDeclaredValue(branches[0], enums) : branches.some((b) => avroDeclaredValue(b, enums) === 'structural') ? 'structural' : {};
  }
  if (!type || typeof type !== 'object') return {};
  const t = type as Record<string, unknown>;
  const kind = typeof t.type === 'string' ? t.type : '';
  const logical = typeof t.logicalType === 'string' ? t.logicalType : undefined;
  if (kind === 'record' || kind === 'error' || kind === 'array' || kind === 'map') return 'structural';
  if (kind === 'enum' && typeof t.name === 'string') enums.add(t.name);
  const family = avroTypeFamily(logical ?? kind) ?? avroTypeFamily(kind);
  return family ? { family, typeLabel: logical ? `${kind} (${logical})` : kind, ...(kind === 'fixed' && typeof t.size === 'number' ? { length: t.size } : {}) } : {};
}

function readAvro(text: string, report: Report): SchemaField[] {
  const fast = readAvroFast(text);
  if (fast) return fast;
  return readAvroExact(text, report);
}

/** Both Avro readers, for the test that they agree. */
export const avroReaders = { fast: readAvroFast, exact: (text: string) => readAvroExact(text, () => undefined) };

function readAvroExact(text: string, report: Report): SchemaField[] {
  const root = parseJson(text, report);
  const fields: SchemaField[] = [];
  if (!root) return fields;
  const enums = new Set<string>();
  const visit = (type: Node | undefined, path: string): void => {
    if (!type) return;
    if (type.type === 'array') { for (const branch of type.children ?? []) visit(branch, path); return; }
    if (type.type !== 'object') return;
    const kind = stringValue(child(type, 'type'));
    const name = stringValue(child(type, 'name'));
    if (kind === 'enum' && name) enums.add(name);
    if (kind === 'array') return visit(child(type, 'items'), `${path}[]`);
    if (kind === 'map') return visit(child(type, 'values'), `${path}{}`);
    if (kind !== 'record' && kind !== 'error') return;
    if (!name) report(type.offset, type.offset + 1, 'avro-record-name', 'An Avro record needs a "name".');
    const list = child(type, 'fields');
    if (!list || list.type !== 'array') {
      report(type.offset, type.offset + 1, 'avro-record-fields', `The record ${name ?? ''} needs a "fields" array.`);
      return;
    }
    const recordPath = path ? path : name ?? '';
    const seen = new Set<string>();
    for (const field of list.children ?? []) {
      const nameNode = field.type === 'object' ? child(field, 'name') : undefined;
      const fieldName = stringValue(nameNode);
      if (!nameNode || fieldName === undefined) { report(field.offset, field.offset + 1, 'avro-field-name', 'An Avro field needs a "name".'); continue; }
      const fieldType = child(field, 'type');
      if (!fieldType) report(nameNode.offset, nameNode.offset + nameNode.length, 'avro-field-type', `The field ${fieldName} needs a "type".`);
      if (seen.has(fieldName)) report(nameNode.offset, nameNode.offset + nameNode.length, 'duplicate-field', `The record has two fields named ${fieldName}.`);
      seen.add(fieldName);
      const fieldPath = `${recordPath}.${fieldName}`;
      const declared = avroDeclared(fieldType, enums);
      if (declared === 'structural') visit(fieldType, fieldPath);
      else fields.push({ path: fieldPath, name: fieldName, ...nameSpan(nameNode), declared });
    }
  };
  visit(root, '');
  return fields;
}

/** A field's declared type from its type node (the exact reader); the same rules as for parsed values. */
const avroDeclared = (type: Node | undefined, enums: Set<string>): DeclaredType | 'structural' => avroDeclaredValue(type ? getNodeValue(type) : undefined, enums);

// --- JSON Schema ------------------------------------------------------------------------------

function readJsonSchema(text: string, report: Report): SchemaField[] {
  const root = parseJson(text, report);
  const fields: SchemaField[] = [];
  if (!root || root.type !== 'object') return fields;
  const typeOf = (schema: Node): { type: string | null; nullable: boolean } => {
    const node = child(schema, 'type');
    if (node?.type === 'string') return { type: String(node.value), nullable: false };
    if (node?.type === 'array') {
      const types = (node.children ?? []).map((c) => String(c.value)).filter((t) => t !== 'null');
      return { type: types.length === 1 ? types[0]! : null, nullable: true };
    }
    if (child(schema, 'properties')) return { type: 'object', nullable: false };
    if (child(schema, 'enum')) return { type: 'string', nullable: false };
    return { type: null, nullable: false };
  };
  const visit = (schema: Node, path: string) => {
    for (const key of ['$defs', 'definitions']) {
      const defs = child(schema, key);
      for (const property of defs?.type === 'object' ? defs.children ?? [] : []) {
        const [nameNode, value] = property.children ?? [];
        if (nameNode && value?.type === 'object') visit(value, `${key}.${String(nameNode.value)}`);
      }
    }
    const properties = child(schema, 'properties');
    if (properties && properties.type !== 'object') report(properties.offset, properties.offset + 1, 'json-schema-properties', '"properties" must be an object.');
    for (const property of properties?.type === 'object' ? properties.children ?? [] : []) {
      const [nameNode, value] = property.children ?? [];
      if (!nameNode) continue;
      const name = String(nameNode.value);
      const fieldPath = path ? `${path}.${name}` : name;
      if (!value || value.type !== 'object') { fields.push({ path: fieldPath, name, ...nameSpan(nameNode), declared: {} }); continue; }
      if (child(value, '$ref')) continue;
      const { type } = typeOf(value);
      if (type === 'object') { visit(value, fieldPath); continue; }
      if (type === 'array') {
        const items = child(value, 'items');
        if (items?.type === 'object' && (typeOf(items).type === 'object' || child(items, '$ref'))) { visit(items, `${fieldPath}[]`); continue; }
        fields.push({ path: fieldPath, name, ...nameSpan(nameNode), declared: {} });
        continue;
      }
      const format = stringValue(child(value, 'format'));
      const maxLength = child(value, 'maxLength');
      const family = type ? jsonSchemaTypeFamily(type, format) : null;
      fields.push({
        path: fieldPath, name, ...nameSpan(nameNode),
        declared: { ...(family ? { family, typeLabel: format ? `${type} (${format})` : type! } : {}), ...(maxLength?.type === 'number' ? { length: Number(maxLength.value) } : {}) },
      });
    }
  };
  visit(root, '');
  return fields;
}

// --- Protobuf and SQL: a small tokenizer ------------------------------------------------------

interface Token { text: string; start: number; end: number; kind: 'word' | 'number' | 'string' | 'symbol' }

function tokenize(text: string, report: Report, lineComment: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (text.startsWith(lineComment, i)) { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) { report(i, i + 2, 'unclosed-comment', 'This comment is never closed.'); break; }
      i = close + 2;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      if (text[i] !== c) report(start, i, 'unclosed-string', 'This string is never closed.');
      i++;
      tokens.push({ text: text.slice(start, i), start, end: i, kind: 'string' });
    } else if (/[A-Za-z_.]/.test(c)) {
      while (i < text.length && /[\w.]/.test(text[i]!)) i++;
      tokens.push({ text: text.slice(start, i), start, end: i, kind: 'word' });
    } else if (/[0-9-]/.test(c)) {
      i++;
      while (i < text.length && /[\w.]/.test(text[i]!)) i++;
      tokens.push({ text: text.slice(start, i), start, end: i, kind: 'number' });
    } else {
      i++;
      tokens.push({ text: c, start, end: i, kind: 'symbol' });
    }
  }
  return tokens;
}

function readProtobuf(text: string, report: Report): SchemaField[] {
  const tokens = tokenize(text, report, '//');
  const fields: SchemaField[] = [];
  const enums = new Set<string>();
  for (let i = 0; i < tokens.length - 1; i++) if (tokens[i]!.text === 'enum' && tokens[i + 1]!.kind === 'word') enums.add(tokens[i + 1]!.text);
  let i = 0;
  const peek = (offset = 0) => tokens[i + offset];
  const skipStatement = () => {
    let depth = 0;
    while (i < tokens.length) {
      const t = tokens[i++]!.text;
      if (t === '{') depth++;
      else if (t === '}') { if (--depth <= 0) return; }
      else if (t === ';' && depth === 0) return;
    }
  };
  const expect = (symbol: string, at: Token | undefined): boolean => {
    if (peek()?.text === symbol) { i++; return true; }
    const where = peek() ?? at ?? tokens[tokens.length - 1];
    report(where?.start ?? text.length, where?.end ?? text.length, 'protobuf-syntax', `Expected "${symbol}"${peek() ? ` but found "${peek()!.text}"` : ' before the end of the file'}.`);
    return false;
  };
  const body = (path: string, isEnum: boolean) => {
    while (i < tokens.length && peek()!.text !== '}') {
      const token = peek()!;
      if (token.text === ';') { i++; continue; }
      if (token.text === 'message' || token.text === 'enum') {
        i++;
        const name = peek();
        if (name?.kind !== 'word') { report(token.start, token.end, 'protobuf-syntax', `A ${token.text} needs a name.`); skipStatement(); continue; }
        i++;
        if (!expect('{', name)) { skipStatement(); continue; }
        body(path ? `${path}.${name.text}` : name.text, token.text === 'enum');
        expect('}', name);
        continue;
      }
      if (['option', 'reserved', 'extensions', 'syntax', 'edition', 'package', 'import', 'extend', 'service'].includes(token.text)) { skipStatement(); continue; }
      if (isEnum) { skipStatement(); continue; }
      if (token.text === 'oneof') {
        i += 2;
        if (expect('{', token)) { body(path, false); expect('}', token); }
        continue;
      }
      if (['repeated', 'optional', 'required'].includes(token.text)) i++;
      let type = peek();
      let typeText = type?.text ?? '';
      if (typeText === 'map') {
        // map<K, V> name = N;
        while (i < tokens.length && peek()!.text !== '>') i++;
        i++;
        type = undefined;
        typeText = 'map';
      } else i++;
      const name = peek();
      if (!name || name.kind !== 'word') {
        report((name ?? token).start, (name ?? token).end, 'protobuf-syntax', `Expected a field name after "${typeText}".`);
        skipStatement();
        continue;
      }
      i++;
      if (!expect('=', name)) { skipStatement(); continue; }
      if (peek()?.kind !== 'number') report((peek() ?? name).start, (peek() ?? name).end, 'protobuf-syntax', `The field ${name.text} needs a field number.`);
      while (i < tokens.length && peek()!.text !== ';' && peek()!.text !== '}') i++;
      expect(';', name);
      const family = type ? protobufTypeFamily(typeText) ?? (enums.has(typeText.split('.').pop()!) ? 'text' : null) : null;
      // A message-typed field or a map is structure, not a term.
      if (family) fields.push({ path: `${path}.${name.text}`, name: name.text, start: name.start, end: name.end, declared: { family, typeLabel: typeText } });
    }
  };
  body('', false);
  if (i < tokens.length) report(tokens[i]!.start, tokens[i]!.end, 'protobuf-syntax', 'This "}" closes nothing.');
  return fields;
}

const unquote = (identifier: string) => identifier.replace(/^["`]|["`]$/g, '');
const constraintWords = new Set(['PRIMARY', 'CONSTRAINT', 'UNIQUE', 'KEY', 'INDEX', 'FOREIGN', 'CHECK', 'FULLTEXT', 'SPATIAL', 'EXCLUDE', 'LIKE']);

function readSqlTables(text: string, report: Report): SchemaField[] {
  const tokens = tokenize(text, report, '--');
  const fields: SchemaField[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text.toUpperCase() !== 'CREATE') continue;
    let j = i + 1;
    while (j < tokens.length && ['TEMPORARY', 'TEMP', 'UNLOGGED', 'OR', 'REPLACE'].includes(tokens[j]!.text.toUpperCase())) j++;
    if (tokens[j]?.text.toUpperCase() !== 'TABLE') continue;
    j++;
    if (tokens[j]?.text.toUpperCase() === 'IF') j += 3;
    const table = tokens[j];
    if (!table) break;
    const tableName = unquote(table.text).split('.').pop()!;
    j++;
    if (tokens[j]?.text !== '(') { report(table.start, table.end, 'sql-syntax', `Expected "(" after the table name ${tableName}.`); continue; }
    j++;
    while (j < tokens.length && tokens[j]!.text !== ')') {
      const first = tokens[j]!;
      const isConstraint = constraintWords.has(first.text.toUpperCase()) && first.kind === 'word';
      let typeToken: Token | undefined;
      let length: number | undefined;
      if (!isConstraint) {
        typeToken = tokens[j + 1];
        if (tokens[j + 2]?.text === '(' && tokens[j + 3]?.kind === 'number') length = Number(tokens[j + 3]!.text);
      }
      // Skip to the comma that ends this column, over parentheses (types, defaults, checks).
      let depth = 0;
      for (j++; j < tokens.length; j++) {
        const t = tokens[j]!.text;
        if (t === '(') depth++;
        else if (t === ')') { if (depth === 0) break; depth--; }
        else if (t === ',' && depth === 0) { j++; break; }
      }
      if (isConstraint || !typeToken) continue;
      const quoted = first.kind === 'string' ? 1 : 0;
      const dataType = typeToken.text.toUpperCase() === 'CHARACTER' && tokens.find((t) => t.start > typeToken.end)?.text.toUpperCase() === 'VARYING' ? 'VARCHAR' : typeToken.text.toUpperCase();
      fields.push({ path: `${tableName}.${unquote(first.text)}`, name: unquote(first.text), start: first.start + quoted, end: first.end - quoted, declared: { dataType, ...(length !== undefined ? { length } : {}) } });
    }
    if (tokens[j]?.text !== ')') report(table.start, table.end, 'sql-syntax', `The column list of ${tableName} is never closed with ")".`);
    i = j;
  }
  return fields;
}

export function readSchemaFields(type: LintableType, text: string, file = 'schema'): SchemaFields {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(file, text, diagnostics);
  if (!text.trim()) {
    report(0, 0, 'empty', 'The schema is empty.');
    return { fields: [], diagnostics };
  }
  const read = { AVRO: readAvro, JSON: readJsonSchema, PROTOBUF: readProtobuf, SQL: readSqlTables }[type];
  return { fields: read(text, report), diagnostics };
}
