// Naming governance against the open workspace's dictionary and ontology: names checked one by
// one (governance.checkNames) and whole schemas or tables linted with positions and fixes.
import { checkName, type NameCheck } from '../../shared/governance/name-checker';
import { lintSchema, type SchemaLint } from '../../shared/governance/schema-lint';
import type { WorkspaceService } from '../workspace/workspace-service';
import { lintCatalog, readCatalog } from './database-tables';
import type { ParsedInput } from '../../shared/contract';

export class GovernanceService {
  constructor(private readonly workspace: WorkspaceService) {}

  checkNames(names: string[]): { results: NameCheck[] } {
    const index = this.workspace.dictionaryIndex();
    return { results: names.map((name) => checkName(name, index)) };
  }

  /** Whether the workspace says every field of this subject must map to an ontology concept. */
  requiresConcepts(subject: string | undefined): boolean {
    return !!subject && (this.workspace.config?.governance.requireConcepts ?? []).includes(subject);
  }

  /** The column names of a live database's tables (PostgreSQL or MariaDB/MySQL) against the dictionary. */
  async lintDatabase(input: ParsedInput<'governance.lintDatabase'>) {
    const columns = await readCatalog(input.url, input.schema);
    const tables = lintCatalog(columns, this.workspace.dictionaryIndex(), (physical) => this.workspace.conceptOf(physical));
    const all = tables.flatMap((t) => t.columns);
    return {
      tables,
      summary: { tables: tables.length, columns: all.length, standard: all.filter((c) => c.check.verdict === 'standard').length, withFindings: all.filter((c) => c.check.findings.some((f) => f.severity !== 'info')).length },
    };
  }

  lintSchema(input: ParsedInput<'governance.lintSchema'>): SchemaLint {
    return lintSchema(input.schemaType, input.schema, this.workspace.dictionaryIndex(), {
      file: input.subject ?? 'draft',
      conceptOf: (physical) => this.workspace.conceptOf(physical),
      requireConcepts: this.requiresConcepts(input.subject),
    });
  }
}
