// Where SASL passwords live. Electron encrypts them with safeStorage (main/shell/safe-storage-
// secrets.ts); web mode keeps them in the server process's memory only. Either way they never
// travel to the renderer.
export interface SecretStore {
  get(profileId: string): string | null;
  set(profileId: string, secret: string): void;
  delete(profileId: string): void;
  has(profileId: string): boolean;
}

export class MemorySecretStore implements SecretStore {
  readonly #secrets = new Map<string, string>();
  get(profileId: string) { return this.#secrets.get(profileId) ?? null; }
  set(profileId: string, secret: string) { this.#secrets.set(profileId, secret); }
  delete(profileId: string) { this.#secrets.delete(profileId); }
  has(profileId: string) { return this.#secrets.has(profileId); }
}
