// A Kafka broker of the topics bench's own: its own ports, data folder and JVM, formatted fresh and
// removed afterwards, so 10,000 topics never land on the broker everyone shares (and cleaning up is
// deleting a folder, not 10,000 topics). Same jars and configuration template as the sandbox.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { portAnswers } from '../../sandbox/kafka-broker';
import { kafkaClasspath, paths } from '../../sandbox/paths';

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

export interface BenchBroker {
  bootstrap: string;
  pid: number;
  /** Open file descriptors of the broker now (Linux): each partition's log keeps one open. */
  openFiles(): number | null;
  stop(): Promise<void>;
}

export async function startBenchBroker(heapMb = 2048): Promise<BenchBroker> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-bench-topics-'));
  const [port, controllerPort] = [await freePort(), await freePort()];
  const bootstrap = `127.0.0.1:${port}`;
  const properties = path.join(home, 'server.properties');
  fs.writeFileSync(properties, fs.readFileSync(paths.serverTemplate, 'utf8')
    .replace(/^log\.dirs=.*$/m, `log.dirs=${path.join(home, 'data')}`)
    .replaceAll('127.0.0.1:9092', bootstrap)
    .replaceAll('127.0.0.1:9093', `127.0.0.1:${controllerPort}`));
  let clusterId = crypto.randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-')) clusterId = crypto.randomBytes(16).toString('base64url');
  const format = spawnSync('java', [`-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(), 'kafka.tools.StorageTool', 'format', '--standalone', '-t', clusterId, '-c', properties], { encoding: 'utf8' });
  if (format.status !== 0) throw new Error(`Formatting the bench broker's storage failed: ${format.stderr || format.stdout}`);
  const logFile = path.join(home, 'kafka.log');
  const out = fs.openSync(logFile, 'w');
  // The sandbox's logging, without four lines per partition created (10,000s of them here).
  const log4j = path.join(home, 'log4j2.properties');
  fs.writeFileSync(log4j, `${fs.readFileSync(paths.brokerLog4j, 'utf8')}
logger.logs.name = kafka.log
logger.logs.level = WARN
logger.partitions.name = kafka.cluster
logger.partitions.level = WARN
logger.storage.name = org.apache.kafka.storage
logger.storage.level = WARN
`);
  const child: ChildProcess = spawn('java', [`-Xms512m`, `-Xmx${heapMb}m`, '-XX:+UseG1GC', `-Dlog4j2.configurationFile=${log4j}`, '-cp', kafkaClasspath(), 'kafka.Kafka', properties], { stdio: ['ignore', out, out] });
  const deadline = Date.now() + 120_000;
  while (!(fs.readFileSync(logFile, 'utf8').includes('Kafka Server started') && (await portAnswers(port)))) {
    if (child.exitCode !== null) throw new Error(`The bench broker exited: ${fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`The bench broker did not start; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    bootstrap, pid: child.pid!,
    openFiles: () => { try { return fs.readdirSync(`/proc/${child.pid}/fd`).length; } catch { return null; } },
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
        });
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
