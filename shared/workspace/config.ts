// The workspace config file (sluice-workspace.yaml at the root): folder names, ontology prefixes and
// governance settings. Every key is optional; a missing file means the defaults.
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../common/diagnostics';
import { readYamlDocument } from './yaml-source';

export const CONFIG_FILE = 'sluice-workspace.yaml';

/** Term classifications a workspace allows when its config names none. */
export const defaultClassifications = ['personal', 'secret'] as const;

const folder = z.string().trim().min(1).regex(/^[^/\\][^\\]*$/, 'a folder is a path inside the workspace, with / between names').refine((p) => !p.split('/').includes('..'), 'a folder must stay inside the workspace');

export const workspaceConfigSchema = z.object({
  name: z.string().trim().min(1).optional(),
  folders: z.object({ decisions: folder.default('decisions'), dictionary: folder.default('dictionary'), ontology: folder.default('ontology'), tables: folder.default('tables') }).strict()
    .default({ decisions: 'decisions', dictionary: 'dictionary', ontology: 'ontology', tables: 'tables' }),
  ontology: z.object({ prefixes: z.record(z.string(), z.string().url()).default({}) }).strict().default({ prefixes: {} }),
  governance: z.object({
    requireConcepts: z.array(z.string()).default([]),
    /**
     * The classifications a dictionary term may carry (`classification:` on a term). Fields whose
     * names resolve to a classified term are masked where records are shown; a term naming a value
     * not listed here is a dictionary error, so a typo never leaves a field unmasked unnoticed.
     */
    classifications: z.array(z.string().trim().regex(/^[a-z][a-z0-9-]*$/, 'a classification is a lower-case word such as personal or secret').max(50))
      .max(50).refine((list) => new Set(list).size === list.length, 'each classification is listed once').default([...defaultClassifications]),
  }).strict().default({ requireConcepts: [], classifications: [...defaultClassifications] }),
}).strict();
export type WorkspaceConfig = z.infer<typeof workspaceConfigSchema>;

export const defaultConfig = (): WorkspaceConfig => workspaceConfigSchema.parse({});

export function readConfig(text: string | null): { config: WorkspaceConfig; diagnostics: Diagnostic[] } {
  if (text === null) return { config: defaultConfig(), diagnostics: [] };
  const source = readYamlDocument(CONFIG_FILE, text);
  if (source.doc.errors.length > 0) return { config: defaultConfig(), diagnostics: source.diagnostics };
  let value: unknown;
  try {
    // yaml's own alias limit: aliases that would repeat values without end are refused.
    value = source.doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    const message = `Its aliases (*name) repeat values too many times once written out, so it is not read. The defaults are used until it is fixed.`;
    return { config: defaultConfig(), diagnostics: [diagnostic(CONFIG_FILE, source.span(source.doc.contents), 'error', 'yaml-aliases', message)] };
  }
  const parsed = workspaceConfigSchema.safeParse(value);
  if (parsed.success) return { config: parsed.data, diagnostics: source.diagnostics };
  const diagnostics = [...source.diagnostics];
  for (const issue of parsed.error.issues) {
    const node = source.doc.getIn(issue.path as (string | number)[], true) as Parameters<typeof source.span>[0];
    diagnostics.push(diagnostic(CONFIG_FILE, source.span(node ?? source.doc.contents), 'error', 'invalid-config', `${issue.path.join('.') || 'config'}: ${issue.message}. The defaults are used until it is fixed.`));
  }
  return { config: defaultConfig(), diagnostics };
}
