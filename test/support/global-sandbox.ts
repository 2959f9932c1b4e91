// vitest globalSetup for integration and e2e: the tests need a real broker. Start the sandbox's
// (without demo traffic: tests run their own clients) when none answers, and stop it afterwards
// only if it was started here.
import { portAnswers, brokerPort, startBroker, stopBroker } from '../../sandbox/kafka-broker';

export async function setup(): Promise<() => Promise<void>> {
  if (process.env.SLUICE_TEST_BROKERS) return async () => undefined;
  const alreadyRunning = await portAnswers(brokerPort);
  if (!alreadyRunning) await startBroker((line) => console.log(`[sandbox] ${line}`));
  return async () => {
    if (!alreadyRunning) await stopBroker((line) => console.log(`[sandbox] ${line}`));
  };
}
