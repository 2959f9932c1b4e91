// The first check on anything a caller sends, before code that recurses touches it (zod, JSON.stringify,
// a handler): how deep it nests, how many values it holds, and whether its text is well-formed. The
// walk is iterative with its own stack, so measuring a hostile value can never overflow the call
// stack itself.

/** Deeper than any contract input needs (the deepest is a handful of levels). */
export const MAX_INPUT_DEPTH = 64;
/** More values than a 1 MiB JSON body can hold; stops a cyclic or shared-reference value from exploding the walk. */
export const MAX_INPUT_VALUES = 1_000_000;

/**
 * A UTF-16 surrogate without its pair. Such text has no UTF-8 form, so no name, path or message
 * that leaves the process can carry it faithfully, and encodeURIComponent throws on it.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const badText = (text: string) => loneSurrogate.test(text);
const textProblem = 'its text is not valid Unicode (a lone UTF-16 surrogate)';

/** Why `value` is unsafe to pass on, in words a caller can act on; null when it is fine. */
export function inputShapeProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH, maxValues = MAX_INPUT_VALUES): string | null {
  const stack: Array<{ value: object; depth: number }> = [];
  if (typeof value === 'string' && badText(value)) return textProblem;
  if (typeof value === 'object' && value !== null) stack.push({ value, depth: 1 });
  let values = 1;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (depth > maxDepth) return `it nests deeper than ${maxDepth} levels`;
    const children: unknown[] = Array.isArray(current) ? current : Object.values(current);
    values += children.length;
    if (values > maxValues) return `it holds more than ${maxValues.toLocaleString('en')} values`;
    if (!Array.isArray(current) && Object.keys(current).some(badText)) return textProblem;
    for (const child of children) {
      if (typeof child === 'string' && badText(child)) return textProblem;
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}
