// What the Schemas pages ask of main: the active profile's Schema Registry (or SLUICE_REGISTRY_URL
// for the environment profile), subjects with their compatibility and mode, versions with their
// references both ways, compatibility tests of a draft, and the two changes
// a user can make (register a version, set the compatibility level), each written to the audit log.
// Registration is gated by governance (main/governance/registration-gate.ts), which calls in here.
import { mapLimit } from '../../shared/common/concurrency';
import { diffFields } from '../../shared/governance/schema-diff';
import type { SchemaType } from '../../shared/registry/registry';
import type { z } from 'zod';
import type { referenceSchema, SchemaVersion, SubjectSummary } from '../../shared/registry/registry';
import type { CompatibilityCheck } from '../../shared/governance/governance-api';
import { AppFailure } from '../../shared/common/result';
import type { AuditLog } from '../audit/audit-log';
import { audited, auditProfileOf, type ActionRecord } from '../audit/audited-action';
import type { ProfileStore } from '../settings/profile-store';
import { RegistryClient } from './registry-client';
import type { ParsedInput } from '../../shared/contract';

type Reference = z.infer<typeof referenceSchema>;
/** A schema as a user drafts it: subject, type, text and references. */
export interface Draft { subject: string; schemaType: SchemaType; schema: string; references?: Reference[] }

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
    private readonly profiles: ProfileStore, private readonly audit: AuditLog,
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
    // Each operation starts here: its calls share one deadline, so a hung registry ends it in seconds.
    return this.#client.client.within();
  }

  #auditProfile() {
    const id = this.profiles.activeProfileId();
    return auditProfileOf(id ? this.profiles.get(id) : null);
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

  /** The subject's versions, or none for a subject that does not exist yet. */
  async versionsOrNone(subject: string): Promise<number[]> {
    try {
      return await this.client().versions(subject);
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'NOT_FOUND') return [];
      throw error;
    }
  }

  /** Tests a draft against the subject: compatibility with its latest version, and what changes. */
  async testDraft(input: Draft): Promise<Omit<CompatibilityCheck, 'lint' | 'blockedByLint'>> {
    const client = this.client();
    const versions = await this.versionsOrNone(input.subject);
    const compatibility = await client.compatibility(input.subject);
    if (versions.length === 0) {
      return { subject: input.subject, compatible: null, compatibility, messages: ['A new subject: there is no earlier version to be compatible with.'], latestVersion: null, changes: [], existingVersion: null };
    }
    const [test, latest, existing] = await Promise.all([
      client.testCompatibility(input.subject, input.schemaType, input.schema, input.references),
      this.#latestOf(client, input.subject, versions),
      client.lookup(input.subject, input.schemaType, input.schema, input.references),
    ]);
    const messages = test.messages.length > 0 ? test.messages : test.compatible ? [] : [`The registry found the draft incompatible under ${compatibility ?? 'its'} rules; see the changes below.`];
    return {
      subject: input.subject, compatible: test.compatible, compatibility, messages, latestVersion: latest.version,
      changes: latest.schemaType === input.schemaType ? diffFields(input.schemaType, latest.schema, input.schema) : [],
      existingVersion: existing?.version ?? null,
    };
  }

  /** Registers a version (the caller has passed governance's gate); `facts` go into the audit record. */
  async register(input: Draft, facts: Record<string, unknown>): Promise<{ id: number; version: number | null }> {
    const client = this.client();
    const record: ActionRecord = {
      profile: this.#auditProfile(), action: 'registry.register', endpoint: client.url, target: { subject: input.subject, schemaType: input.schemaType },
      command: `curl -X POST ${client.url}subjects/${encodeURIComponent(input.subject)}/versions -H 'Content-Type: application/vnd.schemaregistry.v1+json' -d @schema.json`,
    };
    return audited<{ id: number; version: number | null }>(this.audit, record, async () => {
      const { id } = await client.register(input.subject, input.schemaType, input.schema, input.references);
      const found = await client.lookup(input.subject, input.schemaType, input.schema, input.references);
      this.#latest.delete(input.subject);
      return { id, version: found?.version ?? null };
    }, {
      after: (result) => ({ ...result, ...facts }),
      afterOnFailure: 'overrideReason' in facts ? { overrideReason: facts.overrideReason } : undefined,
      readBack: async () => {
        const found = await client.lookup(input.subject, input.schemaType, input.schema, input.references);
        this.#latest.delete(input.subject);
        return found ? { applied: true, result: { id: found.id, version: found.version }, observed: found } : { applied: false, observed: { subject: input.subject, registered: false } };
      },
    });
  }

  async setCompatibility(input: ParsedInput<'registry.setCompatibility'>) {
    const client = this.client();
    const before = await client.compatibility(input.subject);
    const record: ActionRecord = {
      profile: this.#auditProfile(), action: 'registry.setCompatibility', endpoint: client.url, target: { subject: input.subject }, before: { compatibility: before },
      command: `curl -X PUT ${client.url}config/${encodeURIComponent(input.subject)} -H 'Content-Type: application/vnd.schemaregistry.v1+json' -d '{"compatibility":"${input.level}"}'`,
    };
    const compatibility = await audited<string>(this.audit, record, async () => {
      const level = await client.setCompatibility(input.subject, input.level);
      this.#settings.delete(input.subject);
      return level;
    }, {
      after: (level) => ({ compatibility: level }),
      readBack: async () => {
        const level = await client.compatibility(input.subject);
        this.#settings.delete(input.subject);
        return level === input.level ? { applied: true, result: level, observed: { compatibility: level } } : { applied: false, observed: { compatibility: level } };
      },
    });
    return { subject: input.subject, compatibility, before };
  }
}
