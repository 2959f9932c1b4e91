// Where SASL passwords live. Electron encrypts them with safeStorage (main/shell/safe-storage-
// secrets.ts); web mode keeps them in the server process's memory only. Either way they never
// travel to the renderer.
import type { SecretStorage } from '../../shared/profiles/profiles';

export interface SecretStore {
  /** Where the passwords are kept, shown on the profile page. */
  readonly storage: SecretStorage;
  get(profileId: string): string | null;
  set(profileId: string, secret: string): void;
  delete(profileId: string): void;
  has(profileId: string): boolean;
}

export class MemorySecretStore implements SecretStore {
  readonly #secrets = new Map<string, string>();
  // Web mode by design: the server process holds them until it stops. Nothing to warn about.
  readonly storage: SecretStorage = { kind: 'memory', warning: null };
  get(profileId: string) { return this.#secrets.get(profileId) ?? null; }
  set(profileId: string, secret: string) { this.#secrets.set(profileId, secret); }
  delete(profileId: string) { this.#secrets.delete(profileId); }
  has(profileId: string) { return this.#secrets.has(profileId); }
}
