// The sandbox's Kafka: Apache Kafka 4.2 (KRaft, one node) from Maven Central jars. Maven fetches
// the jars once into sandbox/kafka/target (gitignored); storage is formatted once; start is
// idempotent and returns only when the broker answers on 127.0.0.1:9092.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { kafkaClasspath, paths } from './paths';
import { requireJava, requireMaven } from './prerequisites';
import { isAlive, readState, stopProcess, writeState } from './process-state';

export const brokerHost = '127.0.0.1';
export const brokerPort = Number(process.env.SLUICE_SANDBOX_KAFKA_PORT ?? 9092);
export const bootstrap = `${brokerHost}:${brokerPort}`;

type Log = (line: string) => void;

export function ensureKafkaLibs(log: Log): void {
  const needed = ['kafka-tools-4.2.1.jar', 'kafka-streams-4.2.1.jar'];
  if (needed.every((jar) => fs.existsSync(path.join(paths.kafkaLibs, jar)))) return;
  requireMaven();
  log('Fetching Apache Kafka jars from Maven Central (first run only)…');
  const result = spawnSync('mvn', ['-B', '-q', '-f', paths.kafkaPom, 'package'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Maven could not fetch the Kafka jars; see the output above.');
}

function java(args: string[]) {
  return spawnSync('java', ['-cp', kafkaClasspath(), ...args], { encoding: 'utf8' });
}

function writeServerProperties(): void {
  const template = fs.readFileSync(paths.serverTemplate, 'utf8');
  const properties = template
    .replace(/^log\.dirs=.*$/m, `log.dirs=${paths.kafkaData}`)
    .replaceAll('127.0.0.1:9092', bootstrap);
  fs.mkdirSync(path.dirname(paths.serverProperties), { recursive: true });
  fs.writeFileSync(paths.serverProperties, properties);
}

/** Formats KRaft storage the first time only: reformatting would throw away topics and offsets. */
function formatStorageOnce(log: Log): void {
  if (fs.existsSync(path.join(paths.kafkaData, 'meta.properties'))) return;
  log('Formatting KRaft storage…');
  const uuid = java(['kafka.tools.StorageTool', 'random-uuid']).stdout.trim();
  const result = java([
    `-Dlog4j2.configurationFile=${paths.toolsLog4j}`,
    'kafka.tools.StorageTool', 'format', '--standalone', '-t', uuid, '-c', paths.serverProperties,
  ]);
  if (result.status !== 0) throw new Error(`Formatting Kafka storage failed: ${result.stderr || result.stdout}`);
}

export function portAnswers(port = brokerPort, host = brokerHost, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForStarted(logFile: string, pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
      throw new Error(`The Kafka broker exited during start-up. Last log lines:\n${tail}`);
    }
    const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    if (text.includes('Kafka Server started') && (await portAnswers())) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The Kafka broker did not start within ${timeoutMs / 1000} s; see ${logFile}.`);
}

export interface BrokerStatus {
  running: boolean;
  pid: number | null;
  bootstrap: string;
}

export async function brokerStatus(): Promise<BrokerStatus> {
  const { brokerPid } = readState();
  const running = isAlive(brokerPid) && (await portAnswers());
  return { running, pid: running ? brokerPid! : null, bootstrap };
}

export async function startBroker(log: Log): Promise<void> {
  requireJava();
  const state = readState();
  if (isAlive(state.brokerPid) && (await portAnswers())) {
    log(`Kafka is already running on ${bootstrap}.`);
    return;
  }
  if (await portAnswers()) {
    throw new Error(`Port ${brokerPort} is taken by another process; stop it or set SLUICE_SANDBOX_KAFKA_PORT.`);
  }
  ensureKafkaLibs(log);
  writeServerProperties();
  formatStorageOnce(log);
  fs.mkdirSync(paths.logs, { recursive: true });
  const logFile = path.join(paths.logs, 'kafka.log');
  const out = fs.openSync(logFile, 'w');
  log(`Starting Kafka 4.2 (KRaft) on ${bootstrap}…`);
  const child = spawn('java', [
    '-Xms256m', '-Xmx1g', '-XX:+UseG1GC',
    `-Dlog4j2.configurationFile=${paths.brokerLog4j}`,
    '-cp', kafkaClasspath(), 'kafka.Kafka', paths.serverProperties,
  ], { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  writeState({ ...readState(), brokerPid: child.pid });
  await waitForStarted(logFile, child.pid!, 90_000);
  log(`Kafka is up on ${bootstrap}.`);
}

export async function stopBroker(log: Log): Promise<void> {
  const state = readState();
  if (!isAlive(state.brokerPid)) {
    log('Kafka is not running.');
    return;
  }
  log('Stopping Kafka…');
  // A controlled shutdown flushes logs and closes the quorum cleanly; give it time.
  await stopProcess(state.brokerPid, 30_000);
  writeState({ ...readState(), brokerPid: undefined });
  log('Kafka stopped.');
}
