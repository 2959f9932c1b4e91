// Compliance per subject and drift between accepted decisions and the running platform.
import type { Adr } from '../../shared/workspace/adr';
import { adrId } from '../../shared/workspace/adr';
import type { Drift, GovernanceOverview, SubjectCompliance } from '../../shared/governance/overview';
import type { SchemaLint } from '../../shared/governance/schema-lint';
import type { GovernanceService } from './governance-service';
import type { RegistryService } from '../registry/registry-service';
import type { WorkspaceService } from '../workspace/workspace-service';

export interface OverviewDependencies {
  registry: RegistryService;
  governance: GovernanceService;
  workspace: WorkspaceService;
  /** Group id → type (classic, consumer, share, streams) on the active cluster. */
  groupTypes: () => Promise<Map<string, string>>;
}

export class GovernanceOverviewService {
  /** Lints are kept per subject version and workspace revision: an unchanged schema is not linted again. */
  readonly #lintCache = new Map<string, SchemaLint>();

  constructor(private readonly deps: OverviewDependencies) {}

  overview(): Promise<GovernanceOverview> {
    return governanceOverview(this.deps, this.#lintCache);
  }
}

async function governanceOverview(deps: OverviewDependencies, lintCache: Map<string, SchemaLint>): Promise<GovernanceOverview> {
  const adrs = (deps.workspace.analysis?.adrs ?? []).filter((a) => a.statusKind === 'accepted');
  const drift: Drift[] = [];
  const unchecked: string[] = [];
  const about = (adr: Adr) => ({ adr: adr.number, adrTitle: adr.title, adrFile: adr.file });

  let registryUrl: string | null = null;
  let registryError: string | null = null;
  let subjects: SubjectCompliance[] = [];
  try {
    const latest = await deps.registry.latestSchemas();
    registryUrl = deps.registry.client().url;
    const revision = deps.workspace.revision;
    const live = new Set<string>();
    subjects = latest.map((s) => {
      // Profiles can point at different registries that share subject names and version numbers.
      const key = `${registryUrl} ${s.subject}@${s.latestVersion}#${revision}`;
      live.add(key);
      let lint = lintCache.get(key);
      if (!lint) {
        lint = deps.governance.lintSchema({ schemaType: s.schemaType, schema: s.schema, subject: s.subject });
        lintCache.set(key, lint);
      }
      const { summary } = lint;
      return {
        subject: s.subject, version: s.latestVersion, schemaType: s.schemaType, compatibility: s.compatibility,
        fields: summary.fields, standard: summary.standard, errors: summary.errors, warnings: summary.warnings,
        mapped: lint.fields.filter((f) => f.concept).length,
        compliance: summary.fields === 0 ? 1 : summary.standard / summary.fields,
        adrs: adrs.filter((a) => a.links.subjects.includes(s.subject) || s.subject in a.expects.compatibility).map((a) => a.number),
      };
    });
    for (const key of lintCache.keys()) if (key.startsWith(`${registryUrl} `) && !live.has(key)) lintCache.delete(key);
    const bySubject = new Map(subjects.map((s) => [s.subject, s]));
    for (const adr of adrs) {
      for (const [subject, expected] of Object.entries(adr.expects.compatibility)) {
        const actual = bySubject.get(subject);
        if (!actual) drift.push({ ...about(adr), kind: 'missing-subject', target: subject, expected, actual: null, message: `${adrId(adr.number)} fixes ${expected} compatibility for ${subject}, but the registry has no such subject.` });
        else if ((actual.compatibility ?? '').toUpperCase() !== expected.toUpperCase()) {
          drift.push({ ...about(adr), kind: 'compatibility', target: subject, expected, actual: actual.compatibility, message: `${adrId(adr.number)} fixes ${expected} compatibility for ${subject}; the registry has ${actual.compatibility ?? 'no level'}.` });
        }
      }
      for (const subject of adr.links.subjects) {
        if (!bySubject.has(subject) && !(subject in adr.expects.compatibility)) drift.push({ ...about(adr), kind: 'missing-subject', target: subject, expected: null, actual: null, message: `${adrId(adr.number)} is about the subject ${subject}, which the registry does not have.` });
      }
    }
  } catch (error) {
    registryError = error instanceof Error ? error.message : String(error);
    if (adrs.some((a) => Object.keys(a.expects.compatibility).length > 0)) unchecked.push(`Subject compatibility: ${registryError}`);
  }

  const groupChecks = adrs.filter((a) => Object.keys(a.expects.groupType).length > 0 || a.links.groups.length > 0);
  if (groupChecks.length > 0) {
    try {
      const types = await deps.groupTypes();
      for (const adr of groupChecks) {
        for (const [group, expected] of Object.entries(adr.expects.groupType)) {
          const actual = types.get(group);
          if (!actual) drift.push({ ...about(adr), kind: 'missing-group', target: group, expected, actual: null, message: `${adrId(adr.number)} expects the group ${group} to be a ${expected} group, but the cluster has no such group.` });
          else if (actual !== expected) drift.push({ ...about(adr), kind: 'group-type', target: group, expected, actual, message: `${adrId(adr.number)} expects ${group} to be a ${expected} group; it is a ${actual} group.` });
        }
      }
    } catch (error) {
      unchecked.push(`Consumer groups: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { registryUrl, registryError, subjects, drift, unchecked };
}
