// Passwords encrypted with the OS keychain through Electron's safeStorage, kept in a file of
// ciphertexts in the user-data folder. On Linux without a keyring (no GNOME Keyring or KWallet
// running), safeStorage silently falls back to "basic_text": a key hardcoded in Chromium, the same
// in every copy, which protects nothing. Then, and when no keychain is available at all, passwords
// stay in this process's memory only, and the profile page says so (profiles.list secretStorage).
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStorage } from '../../shared/profiles/profiles';
import type { SecretStore } from '../settings/secret-store';
import { writeFileAtomic } from '../platform/atomic-write';
import { createLogger } from '../platform/logger';

const log = createLogger('secrets');

const basicTextWarning = 'No OS keyring was found, and Electron would encrypt passwords with a key built into every copy of the program, which protects nothing. '
  + 'Sluice therefore keeps passwords in memory only: type them again after each start. '
  + 'To store them safely, install and unlock a keyring (GNOME Keyring or KWallet), or start Sluice with --password-store=gnome-libsecret.';
const noKeychainWarning = 'The OS keychain is not available, so Sluice keeps passwords in memory only: type them again after each start.';

/** Where safeStorage would put passwords, on this platform, now (after the app is ready). */
export function detectSecretStorage(platform: NodeJS.Platform = process.platform): SecretStorage {
  if (!safeStorage.isEncryptionAvailable()) return { kind: 'memory', warning: noKeychainWarning };
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return { kind: 'memory', warning: basicTextWarning };
  return { kind: 'os-keychain', warning: null };
}

export class SafeStorageSecretStore implements SecretStore {
  readonly #file: string;
  readonly storage: SecretStorage;
  /** Plaintexts, used instead of the file when there is no keychain to protect it. */
  readonly #memory = new Map<string, string>();
  #loaded: Record<string, string> | null = null;

  constructor(dataDir: string, platform: NodeJS.Platform = process.platform) {
    this.#file = path.join(dataDir, 'secrets.json');
    this.storage = detectSecretStorage(platform);
    if (this.storage.warning) log.warn(this.storage.warning);
  }

  get #inMemory() { return this.storage.kind === 'memory'; }

  /** The file's ciphertexts, read once. */
  #ciphertexts(): Record<string, string> {
    if (this.#loaded) return this.#loaded;
    this.#loaded = {};
    if (fs.existsSync(this.#file)) {
      try {
        this.#loaded = JSON.parse(fs.readFileSync(this.#file, 'utf8')) as Record<string, string>;
      } catch (error) {
        log.error('secrets.json could not be read; stored passwords must be typed again', error);
      }
    }
    return this.#loaded;
  }

  get(profileId: string): string | null {
    if (this.#inMemory) return this.#memory.get(profileId) ?? null;
    const ciphertext = this.#ciphertexts()[profileId];
    if (!ciphertext) return null;
    try {
      return safeStorage.decryptString(Buffer.from(ciphertext, 'base64'));
    } catch (error) {
      log.warn(`The stored password ${profileId} could not be decrypted (was the keyring changed?); it must be typed again`, error);
      return null;
    }
  }

  set(profileId: string, secret: string): void {
    if (this.#inMemory) {
      this.#memory.set(profileId, secret);
      return;
    }
    const ciphertexts = this.#ciphertexts();
    ciphertexts[profileId] = safeStorage.encryptString(secret).toString('base64');
    writeFileAtomic(this.#file, JSON.stringify(ciphertexts));
  }

  delete(profileId: string): void {
    this.#memory.delete(profileId);
    // Even without the keychain, a deleted profile's ciphertext leaves the disk.
    const ciphertexts = this.#ciphertexts();
    if (!(profileId in ciphertexts)) return;
    delete ciphertexts[profileId];
    writeFileAtomic(this.#file, JSON.stringify(ciphertexts));
  }

  has(profileId: string): boolean {
    return this.#inMemory ? this.#memory.has(profileId) : profileId in this.#ciphertexts();
  }
}
