// `npm run demo`: the sandbox (broker, Schema Registry, demo traffic, reference ledger and
// verification services) and the console connected to all of it: the
// desktop app where Electron is installed, web mode otherwise. Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';
import { sandbox } from './sandbox-control.mjs';

const start = sandbox('start');
if (start.status !== 0) process.exit(start.status ?? 1);

// The sandbox's reference services pick their URLs and tokens at start; connect the console to them.
const status = JSON.parse(sandbox('status', '--json').stdout.trim().split('\n').pop());
const env = {
  ...process.env,
  SLUICE_KAFKA_BROKERS: process.env.SLUICE_KAFKA_BROKERS ?? '127.0.0.1:9092',
  ...(status.verification?.running ? { SLUICE_VERIFICATION_URL: status.verification.url, SLUICE_VERIFICATION_TOKEN: status.verification.token } : {}),
  ...(status.ledger?.running ? { SLUICE_LEDGER_URL: status.ledger.url, SLUICE_LEDGER_TOKEN: status.ledger.token } : {}),
  ...(status.registry?.running && !process.env.SLUICE_REGISTRY_URL ? { SLUICE_REGISTRY_URL: status.registry.url } : {}),
};
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const binary = electronBinary();
if (!binary) console.log('Electron is not installed here, so the demo runs in web mode: open the URL below in a browser.');
const console$ = binary ? spawn(binary, ['.'], { stdio: 'inherit', env }) : spawn(process.execPath, ['out/main/serve.js'], { stdio: 'inherit', env });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console$.kill('SIGTERM');
  console.log('Stopping the sandbox…');
  sandbox('stop');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console$.on('exit', stop);
