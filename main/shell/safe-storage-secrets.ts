// SASL passwords encrypted with the OS keychain through Electron's safeStorage, kept in a file of
// ciphertexts in the user-data folder.
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../settings/secret-store';
import { writeFileAtomic } from '../platform/atomic-write';

export class SafeStorageSecretStore implements SecretStore {
  readonly #file: string;
  #ciphertexts: Record<string, string>;

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, 'secrets.json');
    this.#ciphertexts = fs.existsSync(this.#file) ? (JSON.parse(fs.readFileSync(this.#file, 'utf8')) as Record<string, string>) : {};
  }

  #persist() { writeFileAtomic(this.#file, JSON.stringify(this.#ciphertexts)); }

  get(profileId: string): string | null {
    const ciphertext = this.#ciphertexts[profileId];
    return ciphertext ? safeStorage.decryptString(Buffer.from(ciphertext, 'base64')) : null;
  }

  set(profileId: string, secret: string): void {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS keychain is not available, so Sluice cannot store the password safely.');
    this.#ciphertexts[profileId] = safeStorage.encryptString(secret).toString('base64');
    this.#persist();
  }

  delete(profileId: string): void {
    delete this.#ciphertexts[profileId];
    this.#persist();
  }

  has(profileId: string): boolean {
    return profileId in this.#ciphertexts;
  }
}
