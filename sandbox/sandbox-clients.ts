// Runs SandboxClients.java (real Kafka clients, both group protocols) from a spec file. Used for
// the demo traffic and by tests that need consumers of their own.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bootstrap } from './kafka-broker';
import { kafkaClasspath, paths } from './paths';

export interface RunningClients {
  process: ChildProcess;
  stop(): Promise<void>;
}

function javaArgs(specFile: string): string[] {
  return [
    '-Xms64m', '-Xmx384m',
    `-Dlog4j2.configurationFile=${paths.toolsLog4j}`,
    '-cp', kafkaClasspath(), paths.clientsSource, specFile,
  ];
}

/** Starts clients attached to this process and resolves once every member has joined. */
export function runClients(spec: string, options: { timeoutMs?: number; brokers?: string } = {}): Promise<RunningClients> {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'sluice-clients-'));
  const specFile = path.join(dir, 'clients.spec');
  fs.writeFileSync(specFile, spec);
  const child = spawn('java', javaArgs(specFile), {
    env: { ...process.env, SLUICE_KAFKA_BROKERS: options.brokers ?? bootstrap },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
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
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) {
        clearTimeout(timer);
        resolve({ process: child, stop });
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
  fs.mkdirSync(paths.logs, { recursive: true });
  const out = fs.openSync(path.join(paths.logs, 'demo-traffic.log'), 'w');
  const child = spawn('java', javaArgs(paths.demoSpec), {
    detached: true,
    env: { ...process.env, SLUICE_KAFKA_BROKERS: bootstrap },
    stdio: ['ignore', out, out],
  });
  child.unref();
  return child.pid!;
}
