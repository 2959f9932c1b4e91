// What governance answers: a name checked against the dictionary, a schema or table linted field by
// field, a draft tested against the registry together with its lint, and the registration gate's input.
import { z } from 'zod';
import { diagnosticSchema } from '../common/diagnostics';
import { referenceSchema, schemaTypeSchema } from '../registry/registry';

export const nameCheckSchema = z.object({
  name: z.string(),
  verdict: z.enum(['standard', 'nonstandard', 'unknown']),
  term: z.object({ name: z.string(), physicalName: z.string(), dataType: z.string().nullable(), length: z.number().nullable(), classification: z.string().nullable() }).nullable(),
  /** The classification of the term the name resolves to (personal, secret…): such fields are masked. */
  classification: z.string().nullable(),
  words: z.array(z.object({ text: z.string(), word: z.string().nullable(), abbreviation: z.string().nullable() })),
  findings: z.array(z.object({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string() })),
  suggestion: z.string().nullable(),
});

export const schemaLintSchema = z.object({
  fields: z.array(z.object({
    path: z.string(), name: z.string(), line: z.number(), column: z.number(), check: nameCheckSchema,
    fix: z.object({ start: z.number(), end: z.number(), text: z.string() }).nullable(), concept: z.string().nullable(),
  })),
  diagnostics: z.array(diagnosticSchema),
  summary: z.object({ fields: z.number(), standard: z.number(), errors: z.number(), warnings: z.number() }),
});

export const fieldChangeSchema = z.object({ path: z.string(), change: z.enum(['added', 'removed', 'retyped']), before: z.string().nullable(), after: z.string().nullable() });

export const compatibilityCheckSchema = z.object({
  subject: z.string(),
  /** Null for a subject with no versions yet: there is nothing to be compatible with. */
  compatible: z.boolean().nullable(),
  compatibility: z.string().nullable(),
  messages: z.array(z.string()),
  lint: schemaLintSchema,
  latestVersion: z.number().nullable(),
  /** What the draft changes, field by field, against the latest version. */
  changes: z.array(fieldChangeSchema),
  /** Already registered under this subject: registering would only return this version. */
  existingVersion: z.number().nullable(),
  /** Registration is refused without an override reason while the lint has errors. */
  blockedByLint: z.boolean(),
});
export type CompatibilityCheck = z.infer<typeof compatibilityCheckSchema>;

export const registerInputSchema = z.object({
  subject: z.string().trim().min(1).max(300),
  schemaType: schemaTypeSchema,
  schema: z.string().min(1).max(2_000_000),
  references: z.array(referenceSchema).optional(),
  /** Registers despite lint errors; kept in the audit log. */
  overrideReason: z.string().trim().min(10, 'say why the standard does not apply here, in a sentence').max(1000).optional(),
}).strict();

export const databaseLintSchema = z.object({
  tables: z.array(z.object({
    schema: z.string(), table: z.string(),
    columns: z.array(z.object({ name: z.string(), dataType: z.string(), length: z.number().nullable(), check: nameCheckSchema, concept: z.string().nullable() })),
  })),
  summary: z.object({ tables: z.number(), columns: z.number(), standard: z.number(), withFindings: z.number() }),
});
