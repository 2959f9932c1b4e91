// Runs a command with the sandbox broker up: starts it (without demo traffic; tests run their
// own clients) when none is running, and stops it afterwards only if it started it here.
import { spawnSync } from 'node:child_process';
import { kafkaRunning, sandbox } from './sandbox-control.mjs';

const command = process.argv.slice(2);
const startedHere = !kafkaRunning();
if (startedHere) {
  const start = sandbox('start', '--no-traffic');
  if (start.status !== 0) process.exit(start.status ?? 1);
}
const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, SLUICE_KAFKA_BROKERS: process.env.SLUICE_KAFKA_BROKERS ?? '127.0.0.1:9092' } });
if (startedHere) sandbox('stop');
process.exit(result.status ?? 1);
