// What the Schemas pages ask of main: the active profile's Schema Registry (or SLUICE_REGISTRY_URL
// for the environment profile), subjects with their compatibility and mode, versions with their
// references both ways, compatibility tests of a draft together with its lint, and the two changes
// a user can make (register a version, set the compatibility level), each written to the audit log.
// Registration is gated: lint errors block it unless an override reason is given.
import { mapLimit } from '../../shared/common/concurrency';
import { diffFields } from '../../shared/governance/schema-diff';
import type { SchemaType } from '../../shared/governance/schema-fields';
import type { SchemaLint } from '../../shared/governance/schema-lint';
import type { CompatibilityCheck, SchemaVersion, SubjectSummary } from '../../shared/registry/registry';
import { AppFailure } from '../../shared/common/result';
import type { AuditLog } from '../audit/audit-log';
import type { GovernanceService } from '../governance/governance-service';
import type { ProfileStore } from '../settings/profile-store';
import { RegistryClient } from './registry-client';

type Reference = { name: string; subject: string; version: number };

export const registryFromEnvironment = (env: NodeJS.ProcessEnv = process.env) => ({
  url: env.SLUICE_REGISTRY_URL ?? '', username: env.SLUICE_REGISTRY_USER ?? '', password: env.SLUICE_REGISTRY_PASSWORD ?? null,
});
const asSchemaType = (type: string | undefined): SchemaType => (type === 'JSON' || type === 'PROTOBUF' ? type : 'AVRO');

interface CachedLatest { version: number; id: number; schemaType: SchemaType; schema: string; references: Reference[] }
interface CachedSettings { compatibility: string | null; mode: string | null; at: number }

/** Levels and modes rarely change; the subject list asks for them once a minute, not on every poll. */
const SETTINGS_TTL_MS = 60_000;

export class RegistryService {
  #client: { key: string; client: RegistryClient } | null = null;
  /** The latest version of each subject, refetched only when the version number moves. */
  readonly #latest = new Map<string, CachedLatest>();
  readonly #settings = new Map<string, CachedSettings>();

  /**
   * `fallback` is SLUICE_REGISTRY_URL/USER/PASSWORD as they were at start: used when the active
   * profile names no registry of its own.
   */
  constructor(
    private readonly profiles: ProfileStore, private readonly governance: GovernanceService, private readonly audit: AuditLog,
    private readonly fallback: { url: string; username: string; password: string | null } = registryFromEnvironment(),
  ) {}

  client(): RegistryClient {
    const id = this.profiles.activeProfileId();
    const profile = id ? this.profiles.get(id) : null;
    const own = !!profile?.registry.url;
    const url = own ? profile!.registry.url : this.fallback.url;
    if (!url) {
      throw new AppFailure('SERVICE_NOT_CONFIGURED', 'No Schema Registry is configured for this connection: set its registry URL on the Connections page (or SLUICE_REGISTRY_URL), or run `npm run demo`, which starts one.', { variable: 'SLUICE_REGISTRY_URL' });
    }
    const username = own ? profile!.registry.username : this.fallback.username;
    const password = own && id ? this.profiles.registryPassword(id) : this.fallback.password;
    const key = JSON.stringify([url, username, password]);
    if (this.#client?.key !== key) {
      this.#client = { key, client: new RegistryClient({ url, username, password }) };
      this.#latest.clear();
      this.#settings.clear();
    }
    return this.#client.client;
  }

  #auditProfile() {
    const id = this.profiles.activeProfileId();
    const profile = id ? this.profiles.get(id) : null;
    return { id: id ?? 'none', name: `${profile?.name ?? 'no profile'} · registry ${this.client().url}`, production: profile?.production ?? false };
  }

  async #latestOf(client: RegistryClient, subject: string, versions: number[]): Promise<CachedLatest> {
    const version = Math.max(...versions);
    const cached = this.#latest.get(subject);
    if (cached?.version === version) return cached;
    const latest = await client.version(subject, version);
    const entry = { version, id: latest.id, schemaType: asSchemaType(latest.schemaType), schema: latest.schema, references: latest.references ?? [] };
    this.#latest.set(subject, entry);
    return entry;
  }

  async #settingsOf(client: RegistryClient, subject: string): Promise<CachedSettings> {
    const cached = this.#settings.get(subject);
    if (cached && Date.now() - cached.at < SETTINGS_TTL_MS) return cached;
    const [compatibility, mode] = await Promise.all([client.compatibility(subject), client.mode(subject)]);
    const settings = { compatibility, mode, at: Date.now() };
    this.#settings.set(subject, settings);
    return settings;
  }

  async subjects(): Promise<{ registryUrl: string; subjects: SubjectSummary[] }> {
    const client = this.client();
    const names = (await client.subjects()).sort();
    const known = new Set(names);
    for (const cached of this.#latest.keys()) if (!known.has(cached)) this.#latest.delete(cached);
    for (const cached of this.#settings.keys()) if (!known.has(cached)) this.#settings.delete(cached);
    const subjects = await mapLimit(names, 8, async (subject): Promise<SubjectSummary | null> => {
      const versions = await client.versions(subject).catch((error: unknown) => {
        if (error instanceof AppFailure && error.code === 'NOT_FOUND') return [];
        throw error;
      });
      if (versions.length === 0) return null; // deleted between the two calls
      const [latest, { compatibility, mode }] = await Promise.all([this.#latestOf(client, subject, versions), this.#settingsOf(client, subject)]);
      return { subject, versions: versions.length, latestVersion: latest.version, id: latest.id, schemaType: latest.schemaType, compatibility, mode, references: latest.references.length };
    });
    return { registryUrl: client.url, subjects: subjects.filter((s): s is SubjectSummary => s !== null) };
  }

  /** The latest schema of each subject, as the governance overview lints them. */
  async latestSchemas(): Promise<Array<SubjectSummary & { schema: string }>> {
    const { subjects } = await this.subjects();
    return subjects.map((s) => ({ ...s, schema: this.#latest.get(s.subject)?.schema ?? '' }));
  }

  async versions(subject: string) {
    const client = this.client();
    // One subject's page asks the registry itself, and refreshes what the list remembers.
    const [versions, compatibility, mode] = await Promise.all([client.versions(subject), client.compatibility(subject), client.mode(subject)]);
    this.#settings.set(subject, { compatibility, mode, at: Date.now() });
    return { subject, versions: versions.sort((a, b) => a - b), compatibility, mode };
  }

  async schema(subject: string, version: number | 'latest'): Promise<SchemaVersion> {
    const client = this.client();
    const found = await client.version(subject, version);
    const ids = await client.referencedBy(subject, found.version).catch(() => [] as number[]);
    const referencedBy = (await mapLimit(ids, 4, async (id) => (await client.subjectVersionsOfId(id).catch(() => [])).map((sv) => ({ ...sv, id })))).flat();
    return { subject, version: found.version, id: found.id, schemaType: asSchemaType(found.schemaType), schema: found.schema, references: found.references ?? [], referencedBy };
  }

  async #versionsOrNone(client: RegistryClient, subject: string): Promise<number[]> {
    try {
      return await client.versions(subject);
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'NOT_FOUND') return [];
      throw error;
    }
  }

  /** Tests a draft: compatibility with the subject's latest version, the lint, and what changes. */
  async check(input: { subject: string; schemaType: SchemaType; schema: string; references?: Reference[] }): Promise<CompatibilityCheck> {
    const client = this.client();
    const lint: SchemaLint = this.governance.lintSchema({ schemaType: input.schemaType, schema: input.schema, subject: input.subject });
    const versions = await this.#versionsOrNone(client, input.subject);
    const compatibility = await client.compatibility(input.subject);
    if (versions.length === 0) {
      return { subject: input.subject, compatible: null, compatibility, messages: ['A new subject: there is no earlier version to be compatible with.'], lint, latestVersion: null, changes: [], existingVersion: null, blockedByLint: lint.summary.errors > 0 };
    }
    const [test, latest, existing] = await Promise.all([
      client.testCompatibility(input.subject, input.schemaType, input.schema, input.references),
      this.#latestOf(client, input.subject, versions),
      client.lookup(input.subject, input.schemaType, input.schema, input.references),
    ]);
    const messages = test.messages.length > 0 ? test.messages : test.compatible ? [] : [`The registry found the draft incompatible under ${compatibility ?? 'its'} rules; see the changes below.`];
    return {
      subject: input.subject, compatible: test.compatible, compatibility, messages, lint, latestVersion: latest.version,
      changes: latest.schemaType === input.schemaType ? diffFields(input.schemaType, latest.schema, input.schema) : [],
      existingVersion: existing?.version ?? null, blockedByLint: lint.summary.errors > 0,
    };
  }

  async register(input: { subject: string; schemaType: SchemaType; schema: string; references?: Reference[]; overrideReason?: string }) {
    const client = this.client();
    const lint = this.governance.lintSchema({ schemaType: input.schemaType, schema: input.schema, subject: input.subject });
    const target = { subject: input.subject, schemaType: input.schemaType };
    if (lint.summary.errors > 0 && !input.overrideReason) {
      throw new AppFailure('INVALID_INPUT', `The draft has ${lint.summary.errors} naming error(s) against the standard dictionary. Fix them (each has a one-click fix where a standard term exists), or register anyway with a reason, which goes to the audit log.`, { lintErrors: lint.summary.errors, code: 'LINT_GATE' });
    }
    const profile = this.#auditProfile();
    try {
      const { id } = await client.register(input.subject, input.schemaType, input.schema, input.references);
      const found = await client.lookup(input.subject, input.schemaType, input.schema, input.references);
      this.#latest.delete(input.subject);
      this.audit.append({
        profile, action: 'registry.register', target, result: 'ok',
        after: { id, version: found?.version ?? null, lintErrors: lint.summary.errors, ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}) },
        command: `curl -X POST ${client.url}subjects/${encodeURIComponent(input.subject)}/versions -H 'Content-Type: application/vnd.schemaregistry.v1+json' -d @schema.json`,
      });
      return { id, version: found?.version ?? null };
    } catch (error) {
      this.audit.append({ profile, action: 'registry.register', target, result: 'error', error: error instanceof Error ? error.message : String(error), ...(input.overrideReason ? { after: { overrideReason: input.overrideReason } } : {}) });
      throw error;
    }
  }

  async setCompatibility(input: { subject: string; level: string }) {
    const client = this.client();
    const before = await client.compatibility(input.subject);
    const profile = this.#auditProfile();
    try {
      const compatibility = await client.setCompatibility(input.subject, input.level);
      this.#settings.delete(input.subject);
      this.audit.append({
        profile, action: 'registry.setCompatibility', target: { subject: input.subject }, before: { compatibility: before }, after: { compatibility }, result: 'ok',
        command: `curl -X PUT ${client.url}config/${encodeURIComponent(input.subject)} -H 'Content-Type: application/vnd.schemaregistry.v1+json' -d '{"compatibility":"${input.level}"}'`,
      });
      return { subject: input.subject, compatibility, before };
    } catch (error) {
      this.audit.append({ profile, action: 'registry.setCompatibility', target: { subject: input.subject }, before: { compatibility: before }, result: 'error', error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }
}
