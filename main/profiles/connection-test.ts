// "Test connection": can the profile's brokers be reached (cluster id, broker count, latency), and
// its Schema Registry, when it names one (how many subjects).
import type { ConnectionTest } from '../../shared/profiles/contract';
import type { ProfileSettings } from '../../shared/profiles/profiles';
import type { KafkaFactory } from '../kafka/connections';
import { RegistryClient } from '../registry/registry-client';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function testRegistry(settings: ProfileSettings, password: string | null): Promise<ConnectionTest['registry']> {
  if (!settings.registry.url) return null;
  try {
    const client = new RegistryClient({ url: settings.registry.url, username: settings.registry.username, password }, { retryDelaysMs: [], timeoutMs: 5_000 });
    return { reachable: true, subjects: (await client.subjects()).length, error: null };
  } catch (error) {
    return { reachable: false, subjects: null, error: messageOf(error) };
  }
}

export async function testConnection(kafkaFactory: KafkaFactory, settings: ProfileSettings, password: string | null, registryPassword: string | null): Promise<ConnectionTest> {
  const started = Date.now();
  const client = kafkaFactory({ bootstrapBrokers: settings.bootstrapBrokers, tls: settings.tls, sasl: { ...settings.sasl, password } });
  const registry = testRegistry(settings, registryPassword);
  try {
    const cluster = await client.describeCluster();
    return { reachable: true, clusterId: cluster.clusterId, brokerCount: cluster.brokers.length, latencyMs: Date.now() - started, error: null, registry: await registry };
  } catch (error) {
    return { reachable: false, clusterId: null, brokerCount: null, latencyMs: null, error: messageOf(error), registry: await registry };
  } finally {
    await client.close();
  }
}
