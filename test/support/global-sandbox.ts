// vitest globalSetup for integration and e2e: the tests need a real broker and a real Schema
// Registry. Start the sandbox's (without demo traffic: tests run their own clients) when none
// answers, and stop them afterwards only if they were started here.
import { portAnswers, brokerPort, startBroker, stopBroker } from '../../sandbox/kafka-broker';
import { registryStatus, startRegistry, stopRegistry } from '../../sandbox/registry';
import { ensureClientLibs } from '../../sandbox/sandbox-clients';

const log = (line: string) => console.log(`[sandbox] ${line}`);

export async function setup(): Promise<() => Promise<void>> {
  const brokerRunning = !!process.env.SLUICE_TEST_BROKERS || (await portAnswers(brokerPort));
  if (!brokerRunning) await startBroker(log);
  const registryRunning = !!process.env.SLUICE_TEST_REGISTRY_URL || (await registryStatus()).running;
  if (!registryRunning) await startRegistry(log);
  // The Java clients' jars, fetched here once rather than inside the first test's time limit.
  ensureClientLibs(log);
  return async () => {
    if (!registryRunning) await stopRegistry(log);
    if (!brokerRunning) await stopBroker(log);
  };
}
