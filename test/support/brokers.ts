import { bootstrap } from '../../sandbox/kafka-broker';

/** The broker the integration and e2e tests talk to: the sandbox unless SLUICE_TEST_BROKERS says otherwise. */
export const testBrokers = process.env.SLUICE_TEST_BROKERS ?? bootstrap;
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
