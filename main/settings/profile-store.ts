// Connection profiles, kept as JSON in the data folder. SLUICE_KAFKA_BROKERS adds a read-only
// "environment" profile for headless runs, active unless the user picked another.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { profileSettingsSchema, type ProfileInput, type ProfileSettings, type ProfileView } from '../../shared/profiles/profiles';
import { AppFailure } from '../../shared/common/result';
import { createLogger } from '../platform/logger';
import { writeFileAtomic } from '../platform/atomic-write';
import type { SecretStore } from './secret-store';

const log = createLogger('profiles');
export const ENVIRONMENT_PROFILE_ID = 'environment';

const storedSchema = z.object({
  activeProfileId: z.string().nullable(),
  profiles: z.array(z.object({ id: z.string(), settings: profileSettingsSchema })),
});
type Stored = z.infer<typeof storedSchema>;

const registrySecret = (id: string) => `${id}#registry`;

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

  list(): { profiles: ProfileView[]; activeProfileId: string | null } {
    const profiles: ProfileView[] = this.#stored.profiles.map(({ id, settings }) => ({
      ...settings, id, hasPassword: this.secrets.has(id), hasRegistryPassword: this.secrets.has(registrySecret(id)), fromEnvironment: false,
    }));
    if (this.fromEnvironment) profiles.unshift({ ...this.fromEnvironment, id: ENVIRONMENT_PROFILE_ID, hasPassword: false, hasRegistryPassword: this.#environmentRegistryPassword !== null, fromEnvironment: true });
    return { profiles, activeProfileId: this.activeProfileId() };
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

  password(id: string): string | null {
    return this.secrets.get(id);
  }

  registryPassword(id: string): string | null {
    if (id === ENVIRONMENT_PROFILE_ID) return this.#environmentRegistryPassword;
    return this.secrets.get(registrySecret(id));
  }

  save(input: ProfileInput): ProfileView {
    if (input.id === ENVIRONMENT_PROFILE_ID) {
      throw new AppFailure('INVALID_INPUT', 'The environment profile comes from SLUICE_KAFKA_BROKERS and cannot be edited; save a copy under a new name instead.');
    }
    const id = input.id ?? randomUUID();
    const existing = this.#stored.profiles.findIndex((p) => p.id === id);
    if (input.id && existing < 0) throw new AppFailure('NOT_FOUND', `There is no connection profile "${input.id}".`, { id: input.id });
    if (input.password === null) this.secrets.delete(id);
    else if (typeof input.password === 'string' && input.password.length > 0) this.secrets.set(id, input.password);
    if (input.registryPassword === null) this.secrets.delete(registrySecret(id));
    else if (typeof input.registryPassword === 'string' && input.registryPassword.length > 0) this.secrets.set(registrySecret(id), input.registryPassword);
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
