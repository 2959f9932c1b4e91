import { bootstrap } from '../../sandbox/kafka-broker';
import { registryUrl } from '../../sandbox/registry';

/** The broker the integration and e2e tests talk to: the sandbox unless SLUICE_TEST_BROKERS says otherwise. */
export const testBrokers = process.env.SLUICE_TEST_BROKERS ?? bootstrap;
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** The Schema Registry the tests use: the sandbox's unless SLUICE_TEST_REGISTRY_URL says otherwise. */
export const testRegistryUrl = process.env.SLUICE_TEST_REGISTRY_URL ?? registryUrl;
