// Stored secrets go only where they were stored for: a profile's SASL password only to the brokers
// (and the TLS and mechanism) it was saved with, its registry password only to that registry URL.
// Real listening sockets record what arrives; the "attacker" ones stand for edited addresses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileHandlers } from '../../../../main/profiles/handlers';
import { KafkaConnections, type KafkaFactory } from '../../../../main/kafka/connections';
import { PlatformaticKafka } from '../../../../main/kafka/platformatic-kafka';
import { ProfileStore } from '../../../../main/settings/profile-store';
import { MemorySecretStore } from '../../../../main/settings/secret-store';
import type { ProfileSettings } from '../../../../shared/profiles/profiles';
import { recordingBroker, recordingRegistry, type Recorder } from './recording-servers';

const KAFKA_SECRET = 'kafka-secret-4711';
const REGISTRY_SECRET = 'registry-secret-0815';

let dir: string;
let broker: Recorder;
let registry: Recorder;
let attackerBroker: Recorder;
let attackerRegistry: Recorder;
let store: ProfileStore;
let connections: KafkaConnections;
let handlers: ReturnType<typeof profileHandlers>;
let settings: ProfileSettings;
let id: string;

// Not the default factory, so the session's monitor runs in this process on the same client.
const kafkaFactory: KafkaFactory = (s) => new PlatformaticKafka(s);
/** The refusal of a handler call, whether it throws at once or rejects. */
const rejection = (call: () => unknown) => Promise.resolve().then(call).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as { code: string; message: string });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-secrets-'));
  [broker, registry, attackerBroker, attackerRegistry] = await Promise.all([recordingBroker(), recordingRegistry(), recordingBroker(), recordingRegistry()]);
  settings = {
    name: 'payments', bootstrapBrokers: [broker.address], color: '#dc2626', production: false,
    tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'PLAIN', username: 'ops' },
    registry: { url: registry.address, username: 'ops' },
  };
  store = new ProfileStore(dir, new MemorySecretStore(), null);
  id = store.save({ settings, password: KAFKA_SECRET, registryPassword: REGISTRY_SECRET }).id;
  connections = new KafkaConnections(store, kafkaFactory, { dataDir: dir, sweepIntervalMs: 60_000 });
  handlers = profileHandlers({ profiles: store, connections, kafkaFactory });
});

afterEach(async () => {
  await connections.close();
  await Promise.all([broker, registry, attackerBroker, attackerRegistry].map((r) => r.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const expectNothingReachedTheAttacker = () => {
  expect(attackerBroker.received()).not.toContain(KAFKA_SECRET);
  expect(attackerRegistry.received()).not.toContain(REGISTRY_SECRET);
};

describe('stored secrets and edited endpoints', () => {
  it('sends the stored passwords to the endpoints they were saved with', async () => {
    await handlers['profiles.test']({ id });
    await handlers['profiles.test']({ id, settings: { ...settings, bootstrapBrokers: [` ${broker.address}`] } });
    expect(broker.received()).toContain(KAFKA_SECRET);
    expect(registry.received()).toContain(`ops:${REGISTRY_SECRET}`);
  });

  it('refuses to test edited brokers with the stored SASL password, and says which password to type', async () => {
    const error = await rejection(() => handlers['profiles.test']({ id, settings: { ...settings, bootstrapBrokers: [attackerBroker.address] } }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/SASL password/);
    expect(error.message).not.toMatch(/registry password/);
    expectNothingReachedTheAttacker();
  });

  it('refuses to test an edited registry URL with the stored registry password', async () => {
    const error = await rejection(() => handlers['profiles.test']({ id, settings: { ...settings, registry: { url: attackerRegistry.address, username: 'ops' } } }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/registry password/);
    expect(error.message).toContain(attackerRegistry.address);
    expectNothingReachedTheAttacker();
  });

  it('refuses to send the stored SASL password over a weaker path to the same brokers (TLS off, another mechanism)', async () => {
    const stored = { ...settings, tls: { enabled: true, verifyServerCertificate: true, caCertificate: null } };
    store.save({ id, settings: stored, password: KAFKA_SECRET });
    const plaintext = await rejection(() => handlers['profiles.test']({ id, settings: { ...stored, tls: { ...stored.tls, enabled: false } } }));
    expect(plaintext).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/SASL password/) });
    const unverified = await rejection(() => handlers['profiles.test']({ id, settings: { ...stored, tls: { ...stored.tls, verifyServerCertificate: false } } }));
    expect(unverified.code).toBe('INVALID_INPUT');
    expect(broker.received()).not.toContain(KAFKA_SECRET);
  });

  it('sends a typed password where the form says (the recorders do see passwords)', async () => {
    await handlers['profiles.test']({
      id, settings: { ...settings, bootstrapBrokers: [attackerBroker.address], registry: { url: attackerRegistry.address, username: 'ops' } },
      password: 'typed-kafka-password', registryPassword: 'typed-registry-password',
    });
    expect(attackerBroker.received()).toContain('typed-kafka-password');
    expect(attackerRegistry.received()).toContain('ops:typed-registry-password');
    expectNothingReachedTheAttacker();
  });

  it('refuses to save edited addresses without the passwords, so the session never sends them there', async () => {
    const edited = { ...settings, bootstrapBrokers: [attackerBroker.address], registry: { url: attackerRegistry.address, username: 'ops' } };
    const error = await rejection(() => handlers['profiles.save']({ id, settings: edited }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/SASL password/);
    expect(error.message).toMatch(/registry password/);
    // Whatever the store now holds is what the session and a test of the saved profile use.
    await connections.active().client.describeCluster().catch(() => undefined);
    await handlers['profiles.test']({ id });
    expectNothingReachedTheAttacker();
    expect(store.get(id)).toMatchObject({ bootstrapBrokers: [broker.address], registry: { url: registry.address }, hasPassword: true, hasRegistryPassword: true });
  });

  it('saves edited addresses together with the passwords typed for them', async () => {
    const edited = { ...settings, bootstrapBrokers: [attackerBroker.address], registry: { url: attackerRegistry.address, username: 'ops' } };
    await handlers['profiles.save']({ id, settings: edited, password: 'new-kafka-password', registryPassword: 'new-registry-password' });
    await handlers['profiles.test']({ id });
    expect(attackerBroker.received()).toContain('new-kafka-password');
    expect(attackerRegistry.received()).toContain('ops:new-registry-password');
    expectNothingReachedTheAttacker();
  });

  it('drops a stored password that the edited profile no longer uses', async () => {
    const unused = { ...settings, bootstrapBrokers: [attackerBroker.address], sasl: { mechanism: 'none' as const, username: '' }, registry: { url: attackerRegistry.address, username: '' } };
    expect(store.save({ id, settings: unused })).toMatchObject({ hasPassword: false, hasRegistryPassword: false });
    // Asking for SASL and basic auth again later finds no secret to send there.
    await handlers['profiles.test']({ id, settings: { ...unused, sasl: { mechanism: 'PLAIN', username: 'ops' }, registry: { url: attackerRegistry.address, username: 'ops' } } });
    expect(attackerBroker.received()).toContain('ops');
    expectNothingReachedTheAttacker();
  });
});
