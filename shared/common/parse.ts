// One way to take data across a boundary (a worker's reply, a pushed value, a handler's answer):
// parse it as unknown with its schema, and fail with an error that names every path that broke.
import type { z } from 'zod';

export class ParseError extends Error {
  constructor(readonly what: string, readonly issues: Array<{ path: string; message: string }>) {
    super(`${what} is not valid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'ParseError';
  }
}

/** Issues as "a.b[2].c: message", capped so a huge broken value cannot make a huge message. */
export function describeIssues(error: z.ZodError, max = 20): Array<{ path: string; message: string }> {
  return error.issues.slice(0, max).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, ''),
    message: issue.message,
  }));
}

/** The parsed value, or a ParseError naming `what` and every failing path. */
export function parseUnknown<S extends z.ZodType>(schema: S, data: unknown, what = 'The value'): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ParseError(what, describeIssues(result.error));
  return result.data;
}
