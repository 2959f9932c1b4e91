// Runs SandboxClients.java (real Kafka clients, both group protocols) from a spec file. Used for
// the demo traffic and by tests that need consumers of their own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bootstrap } from './kafka-broker';
import { clientsClasspath, paths } from './paths';
import { MissingPrerequisite, requireMaven } from './prerequisites';
import { registryUrl } from './registry';

export interface RunningClients {
  process: ChildProcess;
  /** What the clients printed on stdout so far (READY, ENCODED … lines). */
  output(): string;
  stop(): Promise<void>;
}

export interface ClientOptions {
  timeoutMs?: number;
  brokers?: string;
  /** The registry's Confluent API for `produceEncoded` and `rejectWhere`; the sandbox's by default. */
  registryUrl?: string;
  /** A file of group ids, one a line: the members of a listed group leave it until it is unlisted. */
  pausedGroupsFile?: string;
}

/** Fetches the clients' jars (Kafka's clients and the encoders) from Maven Central, once. */
export function ensureClientLibs(log: (line: string) => void = (line) => console.log(line)): void {
  const needed = ['kafka-clients-4.2.1.jar', 'apicurio-registry-serdes-avro-serde-2.6.13.Final.jar'];
  if (needed.every((jar) => fs.existsSync(path.join(paths.clientLibs, jar)))) return;
  requireMaven();
  log('Fetching the sandbox clients\' jars (Kafka clients, Apicurio serdes, Avro, Protobuf) from Maven Central (first run only)…');
  const result = spawnSync('mvn', ['-B', '-q', '-f', paths.clientsPom, 'package'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Maven could not fetch the sandbox clients\' jars; see the output above.');
}

/**
 * Compiles the clients' sources (sandbox/clients/*.java) once per version of them, into a folder
 * named by their hash: launches then skip the compile, and two processes compiling the same
 * sources at once each write a folder of their own and keep whichever lands first.
 */
export function compileClients(): string {
  ensureClientLibs();
  const sources = fs.readdirSync(paths.clientsDir).filter((f) => f.endsWith('.java')).sort().map((f) => path.join(paths.clientsDir, f));
  const hash = createHash('sha256');
  for (const file of sources) hash.update(path.basename(file)).update(fs.readFileSync(file));
  const classes = path.join(paths.clientClasses, hash.digest('hex').slice(0, 16));
  if (fs.existsSync(path.join(classes, 'SandboxClients.class'))) return classes;
  fs.mkdirSync(paths.clientClasses, { recursive: true });
  const building = fs.mkdtempSync(`${classes}.building-`);
  const result = spawnSync('javac', ['-nowarn', '-encoding', 'UTF-8', '-d', building, '-cp', clientsClasspath(), ...sources], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    fs.rmSync(building, { recursive: true, force: true });
    if (result.error) throw new MissingPrerequisite('javac is needed to compile the sandbox clients: install a JDK, not only a Java runtime (for example `apt-get install openjdk-17-jdk-headless`).');
    throw new Error(`Compiling the sandbox clients failed:\n${result.stderr}`);
  }
  try {
    fs.renameSync(building, classes);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // compiled meanwhile by another process
  }
  return classes;
}

function javaArgs(specFile: string): string[] {
  return [
    '-Xms64m', '-Xmx384m',
    `-Dlog4j2.configurationFile=${paths.toolsLog4j}`,
    '-cp', `${compileClients()}${path.delimiter}${clientsClasspath()}`, 'SandboxClients', specFile,
  ];
}

/** Starts clients attached to this process and resolves once every member has joined. */
export function runClients(spec: string, options: ClientOptions = {}): Promise<RunningClients> {
  ensureClientLibs();
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'sluice-clients-'));
  const specFile = path.join(dir, 'clients.spec');
  fs.writeFileSync(specFile, spec);
  const child = spawn('java', javaArgs(specFile), {
    env: {
      ...process.env, SLUICE_KAFKA_BROKERS: options.brokers ?? bootstrap, SLUICE_REGISTRY_URL: options.registryUrl ?? registryUrl,
      ...(options.pausedGroupsFile ? { SLUICE_PAUSED_GROUPS_FILE: options.pausedGroupsFile } : {}),
      // Standard input stays open to this process: the clients exit when it closes (this process died).
      SLUICE_EXIT_WITH_PARENT: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
  child.stdout!.on('data', (chunk: Buffer) => { stdout = (stdout + chunk.toString()).slice(-100_000); });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Sandbox clients did not become ready: ${stderr}`));
    }, options.timeoutMs ?? 90_000);
    child.stdout!.on('data', () => {
      if (/^READY$/m.test(stdout)) {
        clearTimeout(timer);
        resolve({ process: child, output: () => stdout, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Sandbox clients exited with ${code}: ${stderr}`));
    });
  });
}

/** Starts the demo traffic detached, so it keeps running after the CLI exits. */
export function startDemoTraffic(): number {
  ensureClientLibs();
  fs.mkdirSync(paths.logs, { recursive: true });
  const out = fs.openSync(path.join(paths.logs, 'demo-traffic.log'), 'w');
  const child = spawn('java', javaArgs(paths.demoSpec), {
    detached: true,
    env: { ...process.env, SLUICE_KAFKA_BROKERS: bootstrap, SLUICE_REGISTRY_URL: registryUrl, SLUICE_PAUSED_GROUPS_FILE: paths.pausedGroups },
    stdio: ['ignore', out, out],
  });
  child.unref();
  return child.pid!;
}

/** The demo's paused groups (their members have left; the rest of the traffic runs on). */
export function pausedGroups(): string[] {
  if (!fs.existsSync(paths.pausedGroups)) return [];
  return fs.readFileSync(paths.pausedGroups, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * Pauses or resumes one group of the demo traffic: its members leave the group within a second or
 * two (so it can go Empty and have its offsets reset, as Kafka requires) or join it again.
 */
export function setGroupPaused(groupId: string, paused: boolean): string[] {
  const groups = new Set(pausedGroups());
  if (paused) groups.add(groupId); else groups.delete(groupId);
  fs.mkdirSync(path.dirname(paths.pausedGroups), { recursive: true });
  fs.writeFileSync(paths.pausedGroups, [...groups].map((g) => `${g}\n`).join(''));
  return [...groups];
}
