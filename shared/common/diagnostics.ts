// What is wrong in a workspace file or a schema draft, and where: 1-based lines and columns, as
// editors (Monaco) and the problems list show them. A file with diagnostics still loads; only the
// entries that could not be read are left out.
import { z } from 'zod';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

export const diagnosticSchema = z.object({
  /** Workspace-relative path with forward slashes, e.g. dictionary/terms.yaml. */
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
  severity: z.enum(severities),
  message: z.string(),
  /** A stable name for the rule, e.g. `term-not-classifier`, for filters and tests. */
  code: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Turns string offsets into 1-based line/column pairs, for parsers that report offsets. */
export function lineIndex(text: string): { at(offset: number): { line: number; column: number }; span(start: number, end: number): Span } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const at = (offset: number) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  };
  return {
    at,
    span(start, end) {
      const from = at(start);
      const to = at(Math.max(end, start + 1));
      return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    },
  };
}

export const diagnostic = (file: string, span: Span, severity: Severity, code: string, message: string): Diagnostic => ({ file, ...span, severity, code, message });

/** A whole-line span, for problems a parser places only by line. */
export const lineSpan = (line: number): Span => ({ line: Math.max(1, line), column: 1, endLine: Math.max(1, line), endColumn: 200 });
