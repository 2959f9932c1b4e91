// `npm run sandbox -- start [--no-traffic] | stop | status [--json] | inject <fault> [--count N] [--seconds N] | pause|resume <group>`
import { brokerStatus, startBroker, stopBroker, bootstrap } from './kafka-broker';
import { MissingPrerequisite } from './prerequisites';
import { isAlive, readState, stopProcess, writeState } from './process-state';
import { pausedGroups, setGroupPaused, startDemoTraffic } from './sandbox-clients';
import { readServicesInfo, startReferenceServicesProcess, stopReferenceServicesProcess } from './reference-services-process';
import { faultNames } from './services/faults';
import { registryStatus, startRegistry, stopRegistry } from './registry';
import { seedDemoSubjects } from './registry-seed';

const log = (line: string) => console.log(line);

async function start(withTraffic: boolean) {
  await startBroker(log);
  await startRegistry(log);
  const state = readState();
  if (!withTraffic) return;
  await seedDemoSubjects(log);
  if (isAlive(state.clientsPid)) {
    log('Demo traffic is already running.');
    return;
  }
  const pid = startDemoTraffic();
  writeState({ ...readState(), clientsPid: pid });
  log('Demo traffic started: groups payments-ledger-writer (KIP-848), orders-fulfilment (classic), clickstream-analytics (falls behind), inventory-sync (churns), audit-archiver (no commits), notification-senders (share), orders-enricher (streams), ledger-entries-archiver and merchant-payout-sender (schema\'d topics), card-payments-ledger-poster (stuck on a poison pill).');
  log('Schema\'d topics (Confluent wire format, registered in the Schema Registry): payments.card-payment-events (Avro, classified fields), ledger.entries (JSON Schema), settlement.merchant-payouts (Protobuf).');
}

/** `start` brings the reference services too; `start --no-traffic` (the tests) brings only the broker. */
async function startServices() {
  const info = await startReferenceServicesProcess({ traffic: true }, log);
  log(`Ledger API: ${info.ledger.url}   Verification API: ${info.verification.url}   (tokens: npm run sandbox -- status --json)`);
}

async function inject(fault: string | undefined, flags: string[]) {
  const info = readServicesInfo();
  if (!info) throw new Error('The reference services are not running: start them with `npm run sandbox -- start`.');
  if (!fault || (!faultNames.includes(fault as (typeof faultNames)[number]) && fault !== 'clear')) {
    throw new Error(`Name a fault: ${[...faultNames, 'clear'].join(', ')}`);
  }
  const option = (name: string) => {
    const index = flags.indexOf(`--${name}`);
    return index >= 0 ? Number(flags[index + 1]) : undefined;
  };
  const response = await fetch(`${info.verification.url}/sandbox/faults/${fault}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${info.verification.token}`, 'content-type': 'application/json', 'idempotency-key': `inject-${Date.now()}` },
    body: JSON.stringify({ count: option('count'), seconds: option('seconds') }),
    signal: AbortSignal.timeout(600_000),
  });
  const body = (await response.json()) as { items?: unknown[]; error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  for (const item of body.items ?? []) console.log(JSON.stringify(item));
}

async function stop() {
  if (await stopReferenceServicesProcess()) log('Stopped the reference services.');
  const state = readState();
  if (isAlive(state.clientsPid)) {
    log('Stopping demo traffic…');
    await stopProcess(state.clientsPid, 10_000);
  }
  writeState({ ...readState(), clientsPid: undefined });
  await stopRegistry(log);
  await stopBroker(log);
}

async function status(json: boolean) {
  const broker = await brokerStatus();
  const traffic = isAlive(readState().clientsPid);
  const services = readServicesInfo();
  const registry = await registryStatus();
  const report = {
    kafka: { ...broker, bootstrap },
    registry,
    demoTraffic: { running: traffic, pausedGroups: pausedGroups() },
    ledger: services ? { running: true, ...services.ledger } : { running: false },
    verification: services ? { running: true, ...services.verification } : { running: false },
  };
  if (json) console.log(JSON.stringify(report));
  else {
    log(`Kafka: ${broker.running ? `running on ${bootstrap} (pid ${broker.pid})` : 'stopped'}`);
    log(`Schema Registry: ${registry.running ? `running at ${registry.url} (pid ${registry.pid})` : 'stopped'}`);
    const paused = pausedGroups();
    log(`Demo traffic: ${traffic ? 'running' : 'stopped'}${paused.length > 0 ? ` (paused groups: ${paused.join(', ')})` : ''}`);
    log(`Reference services: ${services ? `ledger API ${services.ledger.url}, verification API ${services.verification.url}` : 'stopped'}`);
  }
}

async function main() {
  const [command, ...flags] = process.argv.slice(2);
  switch (command) {
    case 'start': {
      const full = !flags.includes('--no-traffic');
      await start(full);
      if (full) await startServices();
      return;
    }
    case 'inject': return inject(flags[0], flags.slice(1));
    case 'stop': return stop();
    case 'status': return status(flags.includes('--json'));
    case 'pause':
    case 'resume': {
      const group = flags[0];
      if (!group) throw new Error(`Name the demo group to ${command}, for example card-payments-ledger-poster.`);
      const paused = setGroupPaused(group, command === 'pause');
      log(command === 'pause'
        ? `Paused ${group}: its members leave the group within a few seconds, so its offsets can be reset. Resume it with \`npm run sandbox -- resume ${group}\`.`
        : `Resumed ${group}: its members join again.${paused.length > 0 ? ` Still paused: ${paused.join(', ')}.` : ''}`);
      return;
    }
    default:
      console.error(`Usage: npm run sandbox -- start [--no-traffic] | stop | status [--json] | inject <${faultNames.join('|')}|clear> [--count N] [--seconds N] | pause|resume <group>`);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof MissingPrerequisite ? error.message : error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
