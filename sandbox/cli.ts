// `npm run sandbox -- start|stop|status [--json] [--no-traffic]`
import { brokerStatus, startBroker, stopBroker, bootstrap } from './kafka-broker';
import { MissingPrerequisite } from './prerequisites';
import { isAlive, readState, stopProcess, writeState } from './process-state';
import { startDemoTraffic } from './sandbox-clients';

const log = (line: string) => console.log(line);

async function start(withTraffic: boolean) {
  await startBroker(log);
  const state = readState();
  if (!withTraffic) return;
  if (isAlive(state.clientsPid)) {
    log('Demo traffic is already running.');
    return;
  }
  const pid = startDemoTraffic();
  writeState({ ...readState(), clientsPid: pid });
  log('Demo traffic started: groups payments-ledger-writer (KIP-848), orders-fulfilment (classic), clickstream-analytics (falls behind), inventory-sync (churns), audit-archiver (no commits), notification-senders (share), orders-enricher (streams).');
}

async function stop() {
  const state = readState();
  if (isAlive(state.clientsPid)) {
    log('Stopping demo traffic…');
    await stopProcess(state.clientsPid, 10_000);
  }
  writeState({ ...readState(), clientsPid: undefined });
  await stopBroker(log);
}

async function status(json: boolean) {
  const broker = await brokerStatus();
  const traffic = isAlive(readState().clientsPid);
  const report = { kafka: { ...broker, bootstrap }, demoTraffic: { running: traffic } };
  if (json) console.log(JSON.stringify(report));
  else {
    log(`Kafka: ${broker.running ? `running on ${bootstrap} (pid ${broker.pid})` : 'stopped'}`);
    log(`Demo traffic: ${traffic ? 'running' : 'stopped'}`);
  }
}

async function main() {
  const [command, ...flags] = process.argv.slice(2);
  switch (command) {
    case 'start': return start(!flags.includes('--no-traffic'));
    case 'stop': return stop();
    case 'status': return status(flags.includes('--json'));
    default:
      console.error('Usage: npm run sandbox -- start [--no-traffic] | stop | status [--json]');
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof MissingPrerequisite ? error.message : error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
