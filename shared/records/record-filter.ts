// The records filter: a CEL expression (the language kafka-ui's message filters use) over one
// decoded record, evaluated in main for every record a scan reads. Chosen over JSONata and
// JMESPath by measuring (docs/adr/0012-records-browser.md): no user JavaScript is ever evaluated.
// The expression sees one variable, `record`: topic, partition, offset, timestampMs, key, value
// (decoded JSON, or text), headers (name → text) and size.
import { Environment } from '@marcbachmann/cel-js';
import type { RecordView } from './records';

export interface FilterInput {
  topic: string;
  partition: number;
  offset: number;
  timestampMs: number;
  key: unknown;
  value: unknown;
  headers: Record<string, string | null>;
  size: number;
}

export type CompiledFilter = (record: FilterInput) => boolean;

export type FilterCompilation = { ok: true; evaluate: CompiledFilter } | { ok: false; message: string };

// Small expressions only: a filter is typed by a person; the parser's limits bound the rest.
const environment = new Environment({ limits: { maxAstNodes: 2_000, maxDepth: 64 } }).registerVariable('record', 'dyn');

/** The first line of a CEL error plus the caret line that points at the problem. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, 3).join('\n').slice(0, 1_000);
}

/** Parses and type-checks a filter; an expression that is not a condition is refused before any record is read. */
export function compileFilter(expression: string): FilterCompilation {
  let program: ReturnType<typeof environment.parse>;
  try {
    program = environment.parse(expression);
  } catch (error) {
    return { ok: false, message: `The filter is not valid CEL: ${describeError(error)}` };
  }
  let checked: { valid: boolean; type?: string; error?: unknown };
  try {
    checked = program.check();
  } catch (error) {
    return { ok: false, message: `The filter is not valid CEL: ${describeError(error)}` };
  }
  if (!checked.valid) return { ok: false, message: `The filter is not valid CEL: ${describeError(checked.error)}` };
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    return { ok: false, message: `The filter must be a condition (true or false), but it gives a ${checked.type}. Compare it with something, e.g. record.value.status == "FAILED".` };
  }
  const context = { record: null as FilterInput | null };
  return {
    ok: true,
    evaluate: (record) => {
      context.record = record;
      return program(context) === true;
    },
  };
}

const noHeaders: Record<string, string | null> = Object.freeze({}) as Record<string, string | null>;

/**
 * What a filter sees of a record: the decoded key and value, headers as text. Pass `into` to fill
 * one object again and again (a scan evaluates a million records; the filter keeps none of them).
 */
export function filterInputOf(record: RecordView, into?: FilterInput): FilterInput {
  let headers = noHeaders;
  if (record.headers.length > 0) {
    headers = {};
    for (const h of record.headers) headers[h.key] = h.value;
  }
  const input = into ?? ({} as FilterInput);
  input.topic = record.topic;
  input.partition = record.partition;
  input.offset = record.offset;
  input.timestampMs = record.timestamp;
  input.key = partValue(record.key);
  input.value = partValue(record.value);
  input.headers = headers;
  input.size = record.size;
  return input;
}

const partValue = (part: RecordView['key']) => (part.error === null ? part.value : part.hex);

/**
 * The names a filter mentions: its identifiers (`record.value.custNm`) and the identifier-shaped
 * text of its string literals (`record.value["custNm"]`). Used to ask for a reason before a filter
 * reads classified fields unmasked; what the filter reads without one is masked anyway, so a name
 * built at run time finds only masked values.
 */
export function namesInFilter(expression: string): string[] {
  const names = new Set<string>();
  const identifier = /[A-Za-z_][A-Za-z0-9_]*/g;
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (c === '"' || c === "'") {
      const triple = expression.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < expression.length && !expression.startsWith(quote, j)) j += expression[j] === '\\' ? 2 : 1;
      for (const m of expression.slice(i + quote.length, j).matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) names.add(m[0]);
      i = j + quote.length;
    } else if (/[A-Za-z_]/.test(c)) {
      identifier.lastIndex = i;
      const m = identifier.exec(expression)!;
      names.add(m[0]);
      i += m[0].length;
    } else {
      i++;
    }
  }
  return [...names];
}
