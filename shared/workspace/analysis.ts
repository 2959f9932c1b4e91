// A workspace read as a whole: each file parsed on its own (a broken file only loses itself), then
// the rules that span files: ADR numbers and supersede links, the dictionary's validation, term
// concepts against the ontology, ADR links to dictionary terms. Pure, so main re-runs it cheaply
// after a file changes (parses are cached per file) and tests run it without a disk.
import { adrId, checkAdrs, parseAdr, type Adr } from './adr';
import { CONFIG_FILE, type WorkspaceConfig } from './config';
import { diagnostic, lineSpan, type Diagnostic } from '../common/diagnostics';
import { mergeDictionaryFiles, readDictionaryFile, validateDictionaryInSteps, type DictionaryModel } from './dictionary-files';
import { runToEnd, type Steps } from './steps';
import { buildOntologyInSteps, checkOntology, expandName, parseTurtle, type OntologyModel, type ParsedOntology } from './ontology';
import { readSchemaFields, type SchemaField } from '../governance/schema-fields';
import { lintFields } from '../governance/schema-lint';
import { indexDictionary, type DictionaryIndex } from '../governance/dictionary';
import { dictionaryOf } from './dictionary-files';

export type FileKind = 'config' | 'decision' | 'dictionary' | 'ontology' | 'table' | 'other';

export type FileParse =
  | { kind: 'config' }
  | { kind: 'decision'; adr: Adr | null; diagnostics: Diagnostic[] }
  | { kind: 'dictionary'; model: DictionaryModel }
  | { kind: 'ontology'; parsed: ParsedOntology }
  /** SQL DDL (CREATE TABLE): its columns are linted against the dictionary like schema fields. */
  | { kind: 'table'; text: string; fields: SchemaField[]; diagnostics: Diagnostic[] }
  | { kind: 'other' };

export function fileKind(path: string, config: WorkspaceConfig): FileKind {
  if (path === CONFIG_FILE) return 'config';
  const inside = (folder: string) => path.startsWith(`${folder.replace(/\/+$/, '')}/`);
  if (inside(config.folders.decisions) && path.endsWith('.md')) return 'decision';
  if (inside(config.folders.dictionary) && /\.ya?ml$/.test(path)) return 'dictionary';
  if (inside(config.folders.ontology) && /\.(ttl|turtle)$/.test(path)) return 'ontology';
  if (inside(config.folders.tables) && path.endsWith('.sql')) return 'table';
  return 'other';
}

export function parseWorkspaceFile(path: string, text: string, config: WorkspaceConfig): FileParse {
  switch (fileKind(path, config)) {
    case 'config': return { kind: 'config' };
    case 'decision': return { kind: 'decision', ...parseAdr(path, text) };
    case 'dictionary': return { kind: 'dictionary', model: readDictionaryFile(path, text) };
    case 'ontology': return { kind: 'ontology', parsed: parseTurtle(path, text) };
    case 'table': return { kind: 'table', text, ...readSchemaFields('SQL', text, path) };
    default: return { kind: 'other' };
  }
}

export interface WorkspaceAnalysis {
  adrs: Adr[];
  dictionary: DictionaryModel;
  ontology: OntologyModel;
  /** The dictionary indexed for the name checker, when table definitions needed it (reused by callers). */
  dictionaryIndex: DictionaryIndex | null;
  /** Every problem in the workspace, per file, in file order. */
  diagnostics: Diagnostic[];
}

export function analyzeWorkspace(config: WorkspaceConfig, configDiagnostics: Diagnostic[], parses: Map<string, FileParse>): WorkspaceAnalysis {
  return runToEnd(analyzeWorkspaceInSteps(config, configDiagnostics, parses));
}

/**
 * The same, yielding between its phases (each ~0.1 s at 10,000 files), so main can answer other
 * calls between them while it opens a large workspace.
 */
export function* analyzeWorkspaceInSteps(config: WorkspaceConfig, configDiagnostics: Diagnostic[], parses: Map<string, FileParse>): Steps<WorkspaceAnalysis> {
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const adrs: Adr[] = [];
  const dictionaryFiles: DictionaryModel[] = [];
  const ontologyFiles: Array<{ file: string; parsed: ParsedOntology }> = [];
  for (const [path, parse] of parses) {
    if (parse.kind === 'decision') {
      diagnostics.push(...parse.diagnostics);
      if (parse.adr) adrs.push(parse.adr);
    } else if (parse.kind === 'dictionary') {
      dictionaryFiles.push(parse.model);
    } else if (parse.kind === 'ontology') {
      diagnostics.push(...parse.parsed.diagnostics);
      ontologyFiles.push({ file: path, parsed: parse.parsed });
    }
  }
  adrs.sort((a, b) => a.number - b.number);
  const dictionary = mergeDictionaryFiles(dictionaryFiles);
  yield;
  const ontology = yield* buildOntologyInSteps(ontologyFiles, config.ontology.prefixes);
  yield;
  const subjects = new Set(ontology.subjects);
  const conceptExists = (name: string) => {
    const iri = expandName(name, ontology.prefixes);
    return iri === 'unknown-prefix' ? 'unknown-prefix' as const : subjects.has(iri);
  };
  diagnostics.push(...dictionary.diagnostics);
  diagnostics.push(...(yield* validateDictionaryInSteps(dictionary, ontologyFiles.length > 0 ? conceptExists : undefined, config.governance.classifications)));
  yield;
  diagnostics.push(...checkOntology(ontology));
  diagnostics.push(...checkAdrs(adrs));
  yield;
  // Table definitions are checked like schemas, against the dictionary as it is now.
  const tables = [...parses].filter((entry): entry is [string, Extract<FileParse, { kind: 'table' }>] => entry[1].kind === 'table');
  let dictionaryIndex: DictionaryIndex | null = null;
  if (tables.length > 0) {
    const index = (dictionaryIndex = indexDictionary(dictionaryOf(dictionary)));
    for (const [path, table] of tables) {
      diagnostics.push(...table.diagnostics);
      diagnostics.push(...lintFields(table.fields, table.text, index, { file: path }).diagnostics);
      yield;
    }
  }
  const termNames = new Set(dictionary.terms.map((t) => t.value.name));
  for (const adr of adrs) {
    for (const term of adr.links.terms) {
      if (!termNames.has(term)) diagnostics.push(diagnostic(adr.file, lineSpan(2), 'warning', 'adr-unknown-term', `${adrId(adr.number)} links to the term "${term}", which is not in the dictionary.`));
    }
  }
  const order = [...parses.keys()];
  const rank = new Map(order.map((p, i) => [p, i]));
  diagnostics.sort((a, b) => (rank.get(a.file) ?? -1) - (rank.get(b.file) ?? -1) || a.line - b.line || a.column - b.column);
  return { adrs, dictionary, ontology, dictionaryIndex, diagnostics };
}
