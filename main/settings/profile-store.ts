// Connection profiles, kept as JSON in the data folder. SLUICE_KAFKA_BROKERS adds a read-only
// "environment" profile for headless runs, active unless the user picked another.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { profileSettingsSchema, type ProfileInput, type ProfileSettings, type ProfileView, type SecretStorage } from '../../shared/profiles/profiles';
import { AppFailure } from '../../shared/common/result';
import { createLogger } from '../platform/logger';
import { writeFileAtomic } from '../platform/atomic-write';
import type { SecretStore } from './secret-store';
import { registryEndpointOf, saslEndpointOf, sealSecret, unsealSecret, type SecretEndpoint } from './secret-binding';

const log = createLogger('profiles');
export const ENVIRONMENT_PROFILE_ID = 'environment';

const storedSchema = z.object({
  activeProfileId: z.string().nullable(),
  profiles: z.array(z.object({ id: z.string(), settings: profileSettingsSchema })),
});
type Stored = z.infer<typeof storedSchema>;

const registrySecret = (id: string) => `${id}#registry`;

/** The two secrets a profile can hold: its SASL password and its registry's basic-auth password. */
type SecretKind = 'sasl' | 'registry';
const secretKinds: SecretKind[] = ['sasl', 'registry'];
const secretNoun: Record<SecretKind, string> = { sasl: 'SASL password', registry: 'registry password' };
/** The input field that carries each secret (profiles.save and profiles.test). */
const secretField = { sasl: 'password', registry: 'registryPassword' } as const;

const endpointOf = (kind: SecretKind, settings: ProfileSettings): SecretEndpoint =>
  (kind === 'sasl' ? saslEndpointOf(settings) : registryEndpointOf(settings.registry.url));
/** Whether these settings send the secret at all: SASL with a mechanism, basic auth with a user name. */
const usesSecret = (kind: SecretKind, settings: ProfileSettings): boolean =>
  (kind === 'sasl' ? settings.sasl.mechanism !== 'none' : settings.registry.url !== '' && settings.registry.username !== '');

/** Passwords typed with a request: a non-empty string replaces the stored one, anything else keeps it. */
export interface TypedSecrets { password?: string | null; registryPassword?: string | null }
const typedSecret = (kind: SecretKind, typed: TypedSecrets): string | null => {
  const value = typed[secretField[kind]];
  return typeof value === 'string' && value.length > 0 ? value : null;
};

interface Mismatch { kind: SecretKind; storedFor: string; wanted: string }

function retypeFailure(profileName: string, mismatches: Mismatch[]): AppFailure {
  const sentences = mismatches.map((m) => `The ${secretNoun[m.kind]} stored for “${profileName}” was saved for ${m.storedFor}; Sluice does not send it to ${m.wanted}.`);
  const nouns = mismatches.map((m) => `the ${secretNoun[m.kind]}`).join(' and ');
  return new AppFailure('INVALID_INPUT', `${sentences.join(' ')} Type ${nouns} again to use these settings.`, {
    retype: mismatches.map((m) => secretField[m.kind]),
  });
}

export function environmentProfile(brokers: string | undefined, env: NodeJS.ProcessEnv = process.env): ProfileSettings | null {
  const list = (brokers ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (list.length === 0) return null;
  return {
    name: `Environment (${list.join(', ')})`,
    bootstrapBrokers: list,
    color: '#4f7cff',
    production: false,
    tls: { enabled: false, verifyServerCertificate: true, caCertificate: null },
    sasl: { mechanism: 'none', username: '' },
    registry: { url: env.SLUICE_REGISTRY_URL ?? '', username: env.SLUICE_REGISTRY_USER ?? '' },
  };
}

export class ProfileStore {
  readonly #file: string;
  #stored: Stored;
  readonly #listeners = new Set<() => void>();
  readonly #environmentRegistryPassword = process.env.SLUICE_REGISTRY_PASSWORD ?? null;

  constructor(dataDir: string, private readonly secrets: SecretStore, private readonly fromEnvironment = environmentProfile(process.env.SLUICE_KAFKA_BROKERS)) {
    this.#file = path.join(dataDir, 'profiles.json');
    this.#stored = this.#load();
  }

  #load(): Stored {
    if (!fs.existsSync(this.#file)) return { activeProfileId: null, profiles: [] };
    try {
      return storedSchema.parse(JSON.parse(fs.readFileSync(this.#file, 'utf8')));
    } catch (error) {
      // Keep the unreadable file for the user to inspect instead of overwriting their profiles.
      const backup = `${this.#file}.unreadable-${Date.now()}`;
      fs.copyFileSync(this.#file, backup);
      log.error(`profiles.json could not be read; a copy is at ${backup}`, error);
      return { activeProfileId: null, profiles: [] };
    }
  }

  #save() {
    writeFileAtomic(this.#file, JSON.stringify(this.#stored, null, 2));
    for (const listener of this.#listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  list(): { profiles: ProfileView[]; activeProfileId: string | null; secretStorage: SecretStorage } {
    const profiles: ProfileView[] = this.#stored.profiles.map(({ id, settings }) => ({
      ...settings, id, hasPassword: this.secrets.has(id), hasRegistryPassword: this.secrets.has(registrySecret(id)), fromEnvironment: false,
    }));
    if (this.fromEnvironment) profiles.unshift({ ...this.fromEnvironment, id: ENVIRONMENT_PROFILE_ID, hasPassword: false, hasRegistryPassword: this.#environmentRegistryPassword !== null, fromEnvironment: true });
    return { profiles, activeProfileId: this.activeProfileId(), secretStorage: this.secrets.storage };
  }

  activeProfileId(): string | null {
    const chosen = this.#stored.activeProfileId;
    if (chosen && (chosen === ENVIRONMENT_PROFILE_ID ? this.fromEnvironment : this.#stored.profiles.some((p) => p.id === chosen))) return chosen;
    if (this.fromEnvironment) return ENVIRONMENT_PROFILE_ID;
    return this.#stored.profiles[0]?.id ?? null;
  }

  get(id: string): ProfileView {
    const profile = this.list().profiles.find((p) => p.id === id);
    if (!profile) throw new AppFailure('NOT_FOUND', `There is no connection profile "${id}".`, { id });
    return profile;
  }

  /** The stored profile's settings (or the environment profile's), or null for an unknown id. */
  #storedSettings(id: string): ProfileSettings | null {
    if (id === ENVIRONMENT_PROFILE_ID) return this.fromEnvironment;
    return this.#stored.profiles.find((p) => p.id === id)?.settings ?? null;
  }

  /** A stored secret and the endpoint it may be sent to. */
  #storedSecret(kind: SecretKind, id: string): { endpoint: SecretEndpoint; secret: string } | null {
    const raw = kind === 'sasl' ? this.secrets.get(id)
      : id === ENVIRONMENT_PROFILE_ID ? this.#environmentRegistryPassword : this.secrets.get(registrySecret(id));
    if (raw === null) return null;
    const { endpoint, secret } = unsealSecret(raw);
    if (endpoint) return { endpoint, secret };
    // Stored before secrets were bound (or SLUICE_REGISTRY_PASSWORD): it belongs to the endpoint
    // the profile was saved with.
    const settings = this.#storedSettings(id);
    return settings ? { endpoint: endpointOf(kind, settings), secret } : null;
  }

  /** The stored secret for the profile's own saved settings; null when it belongs elsewhere. */
  #secretForSaved(kind: SecretKind, id: string): string | null {
    const settings = this.#storedSettings(id);
    const stored = this.#storedSecret(kind, id);
    if (!settings || !stored) return null;
    if (stored.endpoint.key === endpointOf(kind, settings).key) return stored.secret;
    log.warn(`The ${secretNoun[kind]} of profile ${id} was saved for ${stored.endpoint.label}, not for the profile's current settings (was profiles.json edited?); it is not sent.`);
    return null;
  }

  password(id: string): string | null {
    return this.#secretForSaved('sasl', id);
  }

  registryPassword(id: string): string | null {
    return this.#secretForSaved('registry', id);
  }

  /**
   * The passwords to use with `settings` (an edited form, say): typed ones as given, stored ones
   * only when the settings send them to the endpoint they were saved for. A stored secret that the
   * settings would send elsewhere is refused with INVALID_INPUT naming which password to type.
   */
  credentialsFor(id: string | undefined, settings: ProfileSettings, typed: TypedSecrets = {}): { password: string | null; registryPassword: string | null } {
    const mismatches: Mismatch[] = [];
    const chosen = (kind: SecretKind): string | null => {
      const given = typedSecret(kind, typed);
      if (given !== null) return given;
      if (!id || !usesSecret(kind, settings)) return null;
      const stored = this.#storedSecret(kind, id);
      if (!stored) return null;
      const wanted = endpointOf(kind, settings);
      if (stored.endpoint.key === wanted.key) return stored.secret;
      mismatches.push({ kind, storedFor: stored.endpoint.label, wanted: wanted.label });
      return null;
    };
    const password = chosen('sasl');
    const registryPassword = chosen('registry');
    if (mismatches.length > 0) throw retypeFailure((id && this.#storedSettings(id)?.name) || settings.name, mismatches);
    return { password, registryPassword };
  }

  save(input: ProfileInput): ProfileView {
    if (input.id === ENVIRONMENT_PROFILE_ID) {
      throw new AppFailure('INVALID_INPUT', 'The environment profile comes from SLUICE_KAFKA_BROKERS and cannot be edited; save a copy under a new name instead.');
    }
    const id = input.id ?? randomUUID();
    const existing = this.#stored.profiles.findIndex((p) => p.id === id);
    if (input.id && existing < 0) throw new AppFailure('NOT_FOUND', `There is no connection profile "${input.id}".`, { id: input.id });
    // Decide every secret before changing anything, so a refused save leaves the profile as it was.
    const changes: Array<() => void> = [];
    const mismatches: Mismatch[] = [];
    for (const kind of secretKinds) {
      const name = kind === 'sasl' ? id : registrySecret(id);
      const given = input[secretField[kind]];
      const endpoint = endpointOf(kind, input.settings);
      if (given === null) changes.push(() => this.secrets.delete(name));
      else if (typeof given === 'string' && given.length > 0) changes.push(() => this.secrets.set(name, sealSecret(endpoint, given)));
      else {
        const stored = existing >= 0 ? this.#storedSecret(kind, id) : null;
        if (!stored || stored.endpoint.key === endpoint.key) continue;
        // Kept for other addresses: typed again if these settings send it, dropped if they do not.
        if (usesSecret(kind, input.settings)) mismatches.push({ kind, storedFor: stored.endpoint.label, wanted: endpoint.label });
        else changes.push(() => this.secrets.delete(name));
      }
    }
    if (mismatches.length > 0) throw retypeFailure(this.#stored.profiles[existing]?.settings.name ?? input.settings.name, mismatches);
    for (const change of changes) change();
    if (existing >= 0) this.#stored.profiles[existing] = { id, settings: input.settings };
    else this.#stored.profiles.push({ id, settings: input.settings });
    if (!this.#stored.activeProfileId && !this.fromEnvironment) this.#stored.activeProfileId = id;
    this.#save();
    return this.get(id);
  }

  delete(id: string): boolean {
    if (id === ENVIRONMENT_PROFILE_ID) throw new AppFailure('INVALID_INPUT', 'The environment profile comes from SLUICE_KAFKA_BROKERS and cannot be deleted.');
    const before = this.#stored.profiles.length;
    this.#stored.profiles = this.#stored.profiles.filter((p) => p.id !== id);
    if (this.#stored.profiles.length === before) return false;
    this.secrets.delete(id);
    this.secrets.delete(registrySecret(id));
    if (this.#stored.activeProfileId === id) this.#stored.activeProfileId = null;
    this.#save();
    return true;
  }

  activate(id: string): ProfileView {
    const profile = this.get(id);
    this.#stored.activeProfileId = id;
    this.#save();
    return profile;
  }
}
