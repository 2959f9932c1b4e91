// A Kafka broker of a test's (or a bench's) own, never the shared sandbox one: its own ports, data
// folder and process, so it can be killed with -9 and restarted, or frozen (SIGSTOP) to stand for
// a hung broker and thawed (SIGCONT). Same jars and configuration template as the sandbox.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { portAnswers } from '../../sandbox/kafka-broker';
import { kafkaClasspath, paths } from '../../sandbox/paths';

/** A port nobody listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export interface PrivateBrokerOptions {
  /** Keeps data between runs (a bench's 10,000 groups); a fresh temporary folder otherwise. */
  home?: string;
  port?: number;
  controllerPort?: number;
  heapMb?: number;
}

export class PrivateBroker {
  #child: ChildProcess | null = null;

  private constructor(readonly home: string, readonly port: number, readonly controllerPort: number, private readonly heapMb: number, private readonly temporary: boolean) {}

  static async create(options: PrivateBrokerOptions = {}): Promise<PrivateBroker> {
    const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-broker-'));
    fs.mkdirSync(home, { recursive: true });
    // A kept data folder keeps its ports: the KRaft quorum remembers its controller's address.
    const portsFile = path.join(home, 'ports.json');
    const kept = fs.existsSync(portsFile) ? (JSON.parse(fs.readFileSync(portsFile, 'utf8')) as { port: number; controllerPort: number }) : null;
    const port = options.port ?? kept?.port ?? (await freePort());
    const controllerPort = options.controllerPort ?? kept?.controllerPort ?? (await freePort());
    fs.writeFileSync(portsFile, JSON.stringify({ port, controllerPort }));
    return new PrivateBroker(home, port, controllerPort, options.heapMb ?? 512, options.home === undefined);
  }

  get bootstrap(): string { return `127.0.0.1:${this.port}`; }
  get pid(): number | undefined { return this.#child?.pid; }
  get logFile(): string { return path.join(this.home, 'kafka.log'); }

  #writeProperties(): string {
    const file = path.join(this.home, 'server.properties');
    const properties = fs.readFileSync(paths.serverTemplate, 'utf8')
      .replace(/^log\.dirs=.*$/m, `log.dirs=${path.join(this.home, 'data')}`)
      .replaceAll('127.0.0.1:9092', this.bootstrap)
      .replaceAll('127.0.0.1:9093', `127.0.0.1:${this.controllerPort}`);
    fs.writeFileSync(file, properties);
    return file;
  }

  /** The sandbox's broker logging, without a line per group each time the coordinator loads 10,000 of them. */
  #writeLogConfig(): string {
    const file = path.join(this.home, 'log4j2.properties');
    fs.writeFileSync(file, `${fs.readFileSync(paths.brokerLog4j, 'utf8')}\nlogger.groups.name = org.apache.kafka.coordinator.group\nlogger.groups.level = WARN\n`);
    return file;
  }

  /** Formats storage the first time only: a restart keeps topics, groups and offsets. */
  #formatOnce(properties: string): void {
    if (fs.existsSync(path.join(this.home, 'data', 'meta.properties'))) return;
    let clusterId = crypto.randomBytes(16).toString('base64url');
    while (clusterId.startsWith('-')) clusterId = crypto.randomBytes(16).toString('base64url');
    const result = spawnSync('java', [`-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(), 'kafka.tools.StorageTool', 'format', '--standalone', '-t', clusterId, '-c', properties], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`Formatting the private broker's storage failed: ${result.stderr || result.stdout}`);
  }

  /** Starts the broker and resolves once it answers; the data folder is kept across starts. */
  async start(timeoutMs = 120_000): Promise<void> {
    if (this.#child && !exited(this.#child)) throw new Error('The private broker is already running.');
    const properties = this.#writeProperties();
    this.#formatOnce(properties);
    // One log per start, the one before kept beside it: a restart is what these brokers are for.
    if (fs.existsSync(this.logFile)) fs.renameSync(this.logFile, path.join(this.home, 'kafka.previous.log'));
    const out = fs.openSync(this.logFile, 'w');
    const child = spawn('java', [
      `-Xms${Math.min(256, this.heapMb)}m`, `-Xmx${this.heapMb}m`, '-XX:+UseG1GC',
      `-Dlog4j2.configurationFile=${this.#writeLogConfig()}`,
      '-cp', kafkaClasspath(), 'kafka.Kafka', properties,
    ], { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    // A test that dies must not leave a broker running (and frozen brokers hold their ports).
    const orphan = () => { child.kill('SIGCONT'); child.kill('SIGKILL'); };
    process.once('exit', orphan);
    child.once('exit', () => process.off('exit', orphan));
    this.#child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited(child)) throw new Error(`The private broker exited during start-up; see ${this.logFile}.`);
      if (fs.readFileSync(this.logFile, 'utf8').includes('Kafka Server started') && (await portAnswers(this.port))) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    await this.kill();
    throw new Error(`The private broker did not start within ${timeoutMs / 1000} s; see ${this.logFile}.`);
  }

  /** kill -9: no shutdown, no flush, as a crash or an OOM kill. Resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || exited(child)) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** SIGSTOP: the process keeps its sockets open and answers nothing, as a hung broker does. */
  freeze(): void { this.#child?.kill('SIGSTOP'); }

  /** SIGCONT: the frozen broker carries on where it stopped. */
  thaw(): void { this.#child?.kill('SIGCONT'); }

  /** Stops the broker (thawing it first), then removes a temporary data folder. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child && !exited(child)) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await gone;
      clearTimeout(timer);
    }
    this.#child = null;
    if (this.temporary) fs.rmSync(this.home, { recursive: true, force: true });
  }
}
