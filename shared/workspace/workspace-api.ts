// What the console asks of the workspace over the contract, and what comes back.
import { z } from 'zod';
import { diagnosticSchema } from '../common/diagnostics';
import { adrStatusKinds, linkKinds } from './adr';

export const fileKinds = ['config', 'decision', 'dictionary', 'ontology', 'table', 'other'] as const;
const workspacePath = z.string().min(1).max(1000)
  .refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'a workspace path is relative and stays inside the workspace')
  // A NUL makes the file system call throw with the absolute path in its message; no file name has control characters.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), 'a workspace path has no control characters');

const spanSchema = z.object({ line: z.number(), column: z.number(), endLine: z.number(), endColumn: z.number() });
const stringList = z.array(z.string());

export const adrSchema = z.object({
  file: z.string(), number: z.number(), title: z.string(), status: z.string(), statusKind: z.enum([...adrStatusKinds, 'unknown']),
  supersededBy: z.number().nullable(), supersedes: z.array(z.number()), date: z.string().nullable(),
  decisionMakers: stringList, consulted: stringList, informed: stringList,
  links: z.object(Object.fromEntries(linkKinds.map((k) => [k, stringList])) as Record<(typeof linkKinds)[number], typeof stringList>),
  expects: z.object({ compatibility: z.record(z.string(), z.string()), groupType: z.record(z.string(), z.string()) }),
  sections: stringList,
});

export const draftInfoSchema = z.object({ path: z.string(), savedAt: z.string(), baseVersion: z.string().nullable() });

export const workspaceViewSchema = z.object({
  root: z.string(),
  name: z.string(),
  /** Bumped on every change the workspace sees (a save, an edit on disk). */
  revision: z.number(),
  folders: z.object({ decisions: z.string(), dictionary: z.string(), ontology: z.string(), tables: z.string() }),
  files: z.array(z.object({
    path: z.string(), kind: z.enum(fileKinds), size: z.number(), errors: z.number(), warnings: z.number(), readable: z.boolean(),
    /** Over the size Sluice reads (2 MB): listed, but not read, parsed or shown. */
    tooLarge: z.boolean(),
    /** Not valid UTF-8: shown, but never saved from here. */
    readOnly: z.boolean(),
  })),
  diagnostics: z.array(diagnosticSchema),
  adrs: z.array(adrSchema),
  drafts: z.array(draftInfoSchema),
  counts: z.object({ words: z.number(), domains: z.number(), terms: z.number(), classes: z.number(), properties: z.number(), concepts: z.number() }),
});
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;

export const workspaceStateSchema = z.object({
  workspace: workspaceViewSchema.nullable(),
  recent: stringList,
  /** Why no workspace is open (the last one was moved, the example could not be copied). */
  problem: z.string().nullable(),
});

export const workspaceFileSchema = z.object({
  path: z.string(),
  kind: z.enum(fileKinds),
  /** Null for a file that cannot be edited as text (binary, too large). */
  text: z.string().nullable(),
  version: z.string().nullable(),
  unreadableReason: z.string().nullable(),
  /** Bytes on disk. */
  size: z.number(),
  /** Over the size Sluice reads: no text; a page says how large it is instead of showing it. */
  tooLarge: z.boolean(),
  /** Why the text is shown but cannot be saved from here (not valid UTF-8); null when it can. */
  readOnlyReason: z.string().nullable(),
  diagnostics: z.array(diagnosticSchema),
  draft: z.object({ text: z.string(), baseVersion: z.string().nullable(), savedAt: z.string() }).nullable(),
});
export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;

export const saveInputSchema = z.object({
  path: workspacePath,
  text: z.string().max(5 * 1024 * 1024),
  /** The version the edit started from; null for a new file. A different version on disk is a conflict. */
  baseVersion: z.string().nullable(),
}).strict();
export const pathInputSchema = z.object({ path: workspacePath }).strict();

const sourceSchema = z.object({ file: z.string(), index: z.number(), span: spanSchema, fields: z.record(z.string(), spanSchema) });
const located = <T extends z.ZodType>(value: T) => z.object({ value, source: sourceSchema });
export const dictionaryViewSchema = z.object({
  words: z.array(located(z.object({ name: z.string(), abbreviation: z.string(), english: z.string().optional(), classifier: z.boolean().optional(), domain: z.string().optional(), standardWord: z.string().optional(), description: z.string().optional() }))),
  domains: z.array(located(z.object({ name: z.string(), dataType: z.string(), length: z.number().optional(), scale: z.number().optional(), description: z.string().optional() }))),
  terms: z.array(located(z.object({
    name: z.string(), words: stringList, domain: z.string().optional(), concept: z.string().optional(), classification: z.string().optional(), description: z.string().optional(), physicalName: z.string().nullable(),
  }))),
  diagnostics: z.array(diagnosticSchema),
  files: stringList,
  /** The classifications a term may carry, from the workspace config (governance.classifications). */
  classifications: stringList,
});
export type DictionaryView = z.infer<typeof dictionaryViewSchema>;

const labelSchema = z.object({ value: z.string(), lang: z.string() });
const describedShape = { iri: z.string(), name: z.string(), label: z.string(), labels: z.array(labelSchema), definition: z.string().nullable(), file: z.string(), line: z.number() };
export const ontologyViewSchema = z.object({
  prefixes: z.record(z.string(), z.string()),
  classes: z.array(z.object({ ...describedShape, subClassOf: stringList, equivalentClass: stringList, restrictions: z.array(z.object({ property: z.string(), min: z.number().nullable(), max: z.number().nullable() })) })),
  properties: z.array(z.object({ ...describedShape, kind: z.enum(['object', 'datatype', 'annotation']), domain: stringList, range: stringList, inverseOf: stringList, characteristics: z.array(z.enum(['functional', 'inverse-functional', 'transitive', 'symmetric'])) })),
  concepts: z.array(z.object({ ...describedShape, schemes: stringList, notation: z.string().nullable(), broader: stringList, related: stringList, exactMatch: stringList, closeMatch: stringList })),
  schemes: z.array(z.object(describedShape)),
  subjects: stringList,
  edges: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(['hierarchical', 'associative', 'equivalence']), label: z.string(), property: z.string().nullable(), detail: z.string().nullable() })),
  files: stringList,
  diagnostics: z.array(diagnosticSchema),
});
export type OntologyView = z.infer<typeof ontologyViewSchema>;

export const createAdrInputSchema = z.object({
  title: z.string().trim().min(3, 'a title says what was decided, in a few words').max(200),
  decisionMakers: z.string().max(300).optional(),
  /** The number of the record the new one supersedes; its status and links are updated too. */
  supersedes: z.number().int().positive().optional(),
}).strict();
