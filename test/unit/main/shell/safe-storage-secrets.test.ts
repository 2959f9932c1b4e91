// Secrets in Electron's safeStorage, with `electron` mocked. On Linux without a keyring, safeStorage
// falls back to a key built into Chromium ("basic_text"), which protects nothing: Sluice must see
// that, keep the passwords in memory only, and say so on the profile page (profiles.list).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const safeStorage = {
  backend: 'gnome_libsecret' as string,
  available: true,
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${plain}`)),
  decryptString: vi.fn((cipher: Buffer) => cipher.toString().replace(/^sealed:/, '')),
};
vi.mock('electron', () => ({ safeStorage }));
vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

const { SafeStorageSecretStore } = await import('../../../../main/shell/safe-storage-secrets');
const { ProfileStore } = await import('../../../../main/settings/profile-store');

let dir: string;
const secretsFile = () => path.join(dir, 'secrets.json');
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-safe-storage-'));
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.available = true;
  safeStorage.encryptString.mockClear();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const settings = {
  name: 'payments', bootstrapBrokers: ['kafka-1:9093'], color: '#dc2626', production: false,
  tls: { enabled: true, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'PLAIN' as const, username: 'ops' },
  registry: { url: '', username: '' },
};

describe('SafeStorageSecretStore', () => {
  it('encrypts with the OS keyring and keeps the ciphertexts on disk', () => {
    const store = new SafeStorageSecretStore(dir, 'linux');
    store.set('p1', 'hunter2');
    expect(store.storage).toEqual({ kind: 'os-keychain', warning: null });
    expect(safeStorage.encryptString).toHaveBeenCalled();
    expect(new SafeStorageSecretStore(dir, 'linux').get('p1')).toBe('hunter2');
  });

  it('on Linux with the basic_text fallback keeps passwords in memory only, and says so', () => {
    safeStorage.backend = 'basic_text';
    const store = new SafeStorageSecretStore(dir, 'linux');
    store.set('p1', 'hunter2');
    expect(store.get('p1')).toBe('hunter2');
    expect(store.has('p1')).toBe(true);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(fs.existsSync(secretsFile()) ? fs.readFileSync(secretsFile(), 'utf8') : '').not.toContain(Buffer.from('sealed:hunter2').toString('base64'));
    expect(new SafeStorageSecretStore(dir, 'linux').get('p1')).toBeNull();
    expect(store.storage.kind).toBe('memory');
    expect(store.storage.warning).toMatch(/keyring/i);
    expect(store.storage.warning).toMatch(/memory/);
  });

  it('keeps passwords in memory when no keychain is available at all', () => {
    safeStorage.available = false;
    const store = new SafeStorageSecretStore(dir, 'darwin');
    store.set('p1', 'hunter2');
    expect(store.get('p1')).toBe('hunter2');
    expect(store.storage).toMatchObject({ kind: 'memory', warning: expect.stringMatching(/memory/) });
  });

  it('deletes a profile’s ciphertext from disk even while it cannot read it', () => {
    new SafeStorageSecretStore(dir, 'linux').set('p1', 'hunter2');
    safeStorage.backend = 'basic_text';
    new SafeStorageSecretStore(dir, 'linux').delete('p1');
    expect(JSON.parse(fs.readFileSync(secretsFile(), 'utf8'))).toEqual({});
  });

  it('tells the profile page through profiles.list', () => {
    safeStorage.backend = 'basic_text';
    const profiles = new ProfileStore(dir, new SafeStorageSecretStore(dir, 'linux'), null);
    profiles.save({ settings, password: 'hunter2' });
    expect(profiles.list().secretStorage).toMatchObject({ kind: 'memory', warning: expect.stringMatching(/in memory only/) });
    safeStorage.backend = 'kwallet5';
    expect(new ProfileStore(dir, new SafeStorageSecretStore(dir, 'linux'), null).list().secretStorage).toEqual({ kind: 'os-keychain', warning: null });
  });
});
