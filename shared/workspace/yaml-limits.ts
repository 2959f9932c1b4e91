// Bounds on reading YAML the user's repository holds, which anyone who can push to it wrote. Three
// shapes stall or kill a process that parses it naively:
// - aliases that expand without end: nine levels of nine aliases is 412 bytes and 387 million
//   values once anything walks them (turning one into text took 26 s); js-yaml has no alias limit;
// - aliases that refer to themselves, or chain each one level deeper than the last, so the value
//   is deeper than any parser would have nested it (the first walk overflows the stack);
// - nesting deep enough to overflow the recursive `yaml` parser: 1,000 brackets do, and two such
//   files read one after the other ended the process (V8 out of memory in the parser), which no
//   catch can stop. So nesting is measured with `yaml`'s own lexer, which does not recurse,
//   before that parser sees the text.
// Each becomes a diagnostic at once; the rest of the workspace reads on.
import { CST, Lexer } from 'yaml';

/** The deepest nesting read, as js-yaml's own default (maxDepth). */
export const MAX_YAML_DEPTH = 100;
/** How many values aliases may add once written out; real files share a few small lists. */
export const MAX_ALIAS_EXPANSION = 100_000;
/**
 * The largest text handed to the exact `yaml` parser (~3 ms/KB, so ~200 ms here): above it,
 * positions come from js-yaml and the block-layout scan only, so a 2 MB file costs what js-yaml
 * costs (~350 ms at worst) and never the 6 s the exact parser would take.
 */
export const MAX_EXACT_YAML_CHARS = 64 * 1024;

export const tooDeepMessage = `It is nested more than ${MAX_YAML_DEPTH} levels deep (lists, maps or aliases inside each other), so it is not read.`;

export class YamlLimitError extends Error {}

// The lexer marks a document start, a scalar and the end of a flow error with one control
// character each; they take no room in the text.
const zeroWidth = new Set(['\u0002', '\u001f', '\u0018']);
const blockIndicators = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);

/**
 * The offset at which the nesting first goes deeper than `limit`, or null. Flow collections are
 * counted exactly as the lexer opens and closes them (so brackets inside quotes do not count);
 * block nesting is over-estimated from the columns at which lines and indicators start, which is
 * fine for a bound: real files nest a few levels.
 */
export function nestingBeyond(text: string, limit = MAX_YAML_DEPTH): number | null {
  let flow = 0;
  let column = 0;
  let offset = 0;
  let lineStart = true;
  const columns: number[] = [];
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && zeroWidth.has(token)) continue;
    const at = column;
    const start = offset;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    column = newline >= 0 ? token.length - newline - 1 : column + token.length;
    const type = CST.tokenType(token);
    if (type === 'newline') { lineStart = true; continue; }
    if (type === 'space' || type === 'comment') continue;
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (flow === 0) {
      if (lineStart) {
        while (columns.length > 0 && columns[columns.length - 1]! >= at) columns.pop();
        columns.push(at);
      } else if (type !== null && blockIndicators.has(type) && columns[columns.length - 1]! < at) columns.push(at);
    }
    lineStart = token.endsWith('\n');
    if (flow + columns.length > limit) return start;
  }
  return null;
}

export type AliasProblem = { code: 'yaml-aliases' | 'yaml-too-deep'; message: string };

/**
 * Walks a value js-yaml read, counting each value as often as aliases repeat it, without writing
 * anything out: each shared value is measured once. Null when it is within the limits.
 */
export function aliasProblem(value: unknown, textLength: number): AliasProblem | null {
  // Every value the text writes takes at least one character; aliases may add MAX_ALIAS_EXPANSION.
  const budget = textLength + MAX_ALIAS_EXPANSION;
  const measured = new Map<object, { size: number; height: number }>();
  const open = new Set<object>();
  const stop = (problem: AliasProblem) => { throw problem; };
  const visit = (node: unknown, depth: number): { size: number; height: number } => {
    if (node === null || typeof node !== 'object') return { size: 1, height: 0 };
    const known = measured.get(node);
    if (known) {
      if (depth + known.height > MAX_YAML_DEPTH) stop({ code: 'yaml-too-deep', message: `Aliases nest it more than ${MAX_YAML_DEPTH} levels deep, so it is not read.` });
      return known;
    }
    if (open.has(node)) stop({ code: 'yaml-aliases', message: 'An alias here refers to the value that holds it, so the value never ends; it is not read. Write the value out instead.' });
    if (depth > MAX_YAML_DEPTH) stop({ code: 'yaml-too-deep', message: `Aliases nest it more than ${MAX_YAML_DEPTH} levels deep, so it is not read.` });
    open.add(node);
    let size = 1;
    let height = 0;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      const inner = visit(child, depth + 1);
      size += inner.size;
      height = Math.max(height, inner.height + 1);
      if (size > budget) stop({ code: 'yaml-aliases', message: `Its aliases (*name) repeat values more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} times once written out, so it is not read. Write the values out, or nest fewer aliases.` });
    }
    open.delete(node);
    const result = { size, height };
    measured.set(node, result);
    return result;
  };
  try {
    visit(value, 0);
    return null;
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error) return error as AliasProblem;
    throw error;
  }
}
