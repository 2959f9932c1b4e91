// Lint of a schema or table against the standard dictionary (DOMAIN.md §5): every field name is
// checked with the name checker; each finding is a diagnostic on the name itself, and where a
// standard term exists the fix replaces the name with it, written in the schema's own convention
// (payAmt in a camelCase Avro record, pay_amt in snake_case JSON, PAY_AMT in SQL). Fields whose
// term maps to an ontology concept say which; a subject the workspace names must map every field.
import { lineIndex, type Diagnostic } from '../common/diagnostics';
import type { DictionaryIndex } from './dictionary';
import { checkName, type NameCheck } from './name-checker';
import { readSchemaFields, type LintableType, type SchemaField } from './schema-fields';

export interface TextEdit { start: number; end: number; text: string }

export interface LintedField {
  path: string;
  name: string;
  line: number;
  column: number;
  check: NameCheck;
  /** Replaces the name with the standard term, in the field's convention; null when none exists. */
  fix: TextEdit | null;
  /** The ontology concept the field's term means (pay:paymentAmount), when the dictionary says. */
  concept: string | null;
}

export interface SchemaLint {
  fields: LintedField[];
  /** Syntax problems and every finding on a name, positioned for editor markers. */
  diagnostics: Diagnostic[];
  summary: { fields: number; standard: number; errors: number; warnings: number };
}

export interface LintOptions {
  file?: string;
  /** The concept a term maps to, by the term's physical name. */
  conceptOf?: (physicalName: string) => string | null;
  /** Every field must map to a concept (the workspace's governance.requireConcepts names the subject). */
  requireConcepts?: boolean;
}

type Convention = 'camel' | 'pascal' | 'snake' | 'upper';
export function conventionOf(name: string): Convention {
  if (/^[A-Z0-9_]+$/.test(name)) return 'upper';
  if (name.includes('_')) return 'snake';
  return /^[A-Z]/.test(name) ? 'pascal' : 'camel';
}

/** PAY_AMT written the way `like` is written. */
export function inConvention(physicalName: string, like: string): string {
  const words = physicalName.toLowerCase().split('_').filter(Boolean);
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  switch (conventionOf(like)) {
    case 'upper': return physicalName.toUpperCase();
    case 'snake': return words.join('_');
    case 'pascal': return words.map(capital).join('');
    default: return words.map((w, i) => (i === 0 ? w : capital(w))).join('');
  }
}

export function lintFields(fields: SchemaField[], text: string, index: DictionaryIndex, options: LintOptions = {}): Omit<SchemaLint, 'diagnostics'> & { diagnostics: Diagnostic[] } {
  const file = options.file ?? 'schema';
  const lines = lineIndex(text);
  const diagnostics: Diagnostic[] = [];
  let standard = 0;
  const linted = fields.map((field): LintedField => {
    const check = checkName(field.name, index, field.declared);
    const span = lines.span(field.start, field.end);
    const replacement = check.suggestion ? inConvention(check.suggestion, field.name) : null;
    const fix = replacement && replacement !== field.name ? { start: field.start, end: field.end, text: replacement } : null;
    const physical = check.term?.physicalName ?? null;
    const concept = physical && options.conceptOf ? options.conceptOf(physical) : null;
    if (check.verdict === 'standard') standard++;
    for (const finding of check.findings) {
      const advice = fix ? ` Use ${fix.text}.` : '';
      diagnostics.push({ file, ...span, severity: finding.severity, code: finding.code, message: `${field.name}: ${finding.message}${advice}` });
    }
    if (options.requireConcepts && check.verdict === 'standard' && !concept) {
      diagnostics.push({ file, ...span, severity: 'error', code: 'no-concept', message: `${field.name}: its term ${check.term!.name} maps to no ontology concept, and this subject must map every field (governance.requireConcepts).` });
    }
    return { path: field.path, name: field.name, line: span.line, column: span.column, check, fix, concept };
  });
  return {
    fields: linted,
    diagnostics,
    summary: {
      fields: linted.length,
      standard,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
}

export function lintSchema(type: LintableType, text: string, index: DictionaryIndex, options: LintOptions = {}): SchemaLint {
  const { fields, diagnostics: syntax } = readSchemaFields(type, text, options.file ?? 'schema');
  const result = lintFields(fields, text, index, options);
  const syntaxErrors = syntax.filter((d) => d.severity === 'error').length;
  return {
    ...result,
    diagnostics: [...syntax, ...result.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column),
    summary: { ...result.summary, errors: result.summary.errors + syntaxErrors },
  };
}

/** Applies fixes from the end of the text backwards, so earlier offsets stay valid. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
