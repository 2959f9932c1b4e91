import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ProfileStore, environmentProfile } from '../../../../main/settings/profile-store';
import { MemorySecretStore } from '../../../../main/settings/secret-store';
import type { ProfileSettings } from '../../../../shared/profiles/profiles';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

const settings: ProfileSettings = {
  name: 'prod', bootstrapBrokers: ['kafka-1:9093'], color: '#dc2626', production: true,
  tls: { enabled: true, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'SCRAM-SHA-512', username: 'ops' },
  registry: { url: 'https://registry.example/apis/ccompat/v7', username: 'ops' },
};
let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-profiles-')); });

describe('ProfileStore', () => {
  it('keeps passwords out of what it lists and out of profiles.json', () => {
    const secrets = new MemorySecretStore();
    const store = new ProfileStore(dir, secrets, null);
    const saved = store.save({ settings, password: 'hunter2', registryPassword: 'registry-secret' });
    expect(saved.hasPassword).toBe(true);
    expect(saved.hasRegistryPassword).toBe(true);
    expect(store.registryPassword(saved.id)).toBe('registry-secret');
    expect(JSON.stringify(store.list())).not.toContain('registry-secret');
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain('registry-secret');
    expect(JSON.stringify(store.list())).not.toContain('hunter2');
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain('hunter2');
    expect(store.password(saved.id)).toBe('hunter2');
  });
  it('keeps the stored password when an edit leaves it blank, and removes it on null', () => {
    const store = new ProfileStore(dir, new MemorySecretStore(), null);
    const saved = store.save({ settings, password: 'hunter2' });
    store.save({ id: saved.id, settings: { ...settings, name: 'prod-eu' } });
    expect(store.password(saved.id)).toBe('hunter2');
    store.save({ id: saved.id, settings, password: null });
    expect(store.password(saved.id)).toBeNull();
  });
  it('survives a restart and makes the first profile active', () => {
    const first = new ProfileStore(dir, new MemorySecretStore(), null);
    const saved = first.save({ settings });
    const again = new ProfileStore(dir, new MemorySecretStore(), null);
    expect(again.list()).toMatchObject({ activeProfileId: saved.id, profiles: [{ name: 'prod', production: true }] });
  });
  it('offers SLUICE_KAFKA_BROKERS as a read-only profile that is active by default', () => {
    const store = new ProfileStore(dir, new MemorySecretStore(), environmentProfile('a:9092, b:9092'));
    const { profiles, activeProfileId } = store.list();
    expect(activeProfileId).toBe('environment');
    expect(profiles[0]).toMatchObject({ bootstrapBrokers: ['a:9092', 'b:9092'], fromEnvironment: true });
    expect(() => store.delete('environment')).toThrow(/cannot be deleted/);
    expect(() => store.save({ id: 'environment', settings })).toThrow(/cannot be edited/);
  });
  it('keeps an unreadable profiles.json aside instead of overwriting it', () => {
    fs.writeFileSync(path.join(dir, 'profiles.json'), '{ broken');
    const store = new ProfileStore(dir, new MemorySecretStore(), null);
    expect(store.list().profiles).toEqual([]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('profiles.json.unreadable-'))).toBe(true);
  });
  it('answers NOT_FOUND for an unknown profile', () => {
    const store = new ProfileStore(dir, new MemorySecretStore(), null);
    expect(() => store.activate('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
  it('binds each stored secret to the endpoint it was saved for', () => {
    const secrets = new MemorySecretStore();
    const store = new ProfileStore(dir, secrets, null);
    const { id } = store.save({ settings: { ...settings, bootstrapBrokers: ['kafka-1:9093', 'kafka-2:9093'] }, password: 'hunter2', registryPassword: 'registry-secret' });
    // The same brokers in another order or case, and the URL with a trailing slash, are the same endpoints.
    const same = { ...settings, bootstrapBrokers: ['KAFKA-2:9093', 'kafka-1:9093'], registry: { ...settings.registry, url: `${settings.registry.url}/` } };
    expect(store.credentialsFor(id, same)).toEqual({ password: 'hunter2', registryPassword: 'registry-secret' });
    expect(() => store.credentialsFor(id, { ...same, bootstrapBrokers: ['kafka-1:9093'] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: { retype: ['password'] } }));
    expect(() => store.credentialsFor(id, { ...same, registry: { ...settings.registry, url: 'http://registry.example/apis/ccompat/v7' } })).toThrow(expect.objectContaining({ details: { retype: ['registryPassword'] } }));
  });
  it('binds a password stored before binding existed to the settings its profile was saved with', () => {
    const secrets = new MemorySecretStore();
    const { id } = new ProfileStore(dir, secrets, null).save({ settings });
    secrets.set(id, 'legacy-password');
    const store = new ProfileStore(dir, secrets, null);
    expect(store.password(id)).toBe('legacy-password');
    expect(() => store.save({ id, settings: { ...settings, bootstrapBrokers: ['elsewhere:9093'] } })).toThrow(/SASL password .* Type the SASL password again/);
    expect(store.get(id).bootstrapBrokers).toEqual(['kafka-1:9093']);
  });
  it('does not send a secret whose profile was edited behind its back (profiles.json changed on disk)', () => {
    const secrets = new MemorySecretStore();
    const { id } = new ProfileStore(dir, secrets, null).save({ settings, password: 'hunter2' });
    const file = path.join(dir, 'profiles.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('kafka-1:9093', 'elsewhere:9093'));
    expect(new ProfileStore(dir, secrets, null).password(id)).toBeNull();
  });
  it('sends SLUICE_REGISTRY_PASSWORD only to SLUICE_REGISTRY_URL', () => {
    vi.stubEnv('SLUICE_REGISTRY_PASSWORD', 'env-secret');
    try {
      const environment = environmentProfile('a:9092', { SLUICE_REGISTRY_URL: 'http://registry.internal:8081', SLUICE_REGISTRY_USER: 'ops' })!;
      const store = new ProfileStore(dir, new MemorySecretStore(), environment);
      expect(store.registryPassword('environment')).toBe('env-secret');
      expect(store.credentialsFor('environment', environment).registryPassword).toBe('env-secret');
      expect(() => store.credentialsFor('environment', { ...environment, registry: { url: 'http://elsewhere:8081', username: 'ops' } })).toThrow(/registry password/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
