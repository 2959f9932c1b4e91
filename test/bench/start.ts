// Start: from a cold process to the first complete groups list (every group with its state and
// lag), as an SRE who opens the console in the first minute of an incident meets it. The built
// web-mode server (`out/main/serve.js`) starts with an empty data folder, and the list is asked
// for over HTTP until it is complete; beside it, Kafka's own `ConsumerGroupCommand --list` (which
// only lists, no state and no lag) from a cold JVM, in the same run.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { GroupList } from '../../shared/kafka/groups';
import { kafkaClasspath, paths, repoRoot } from '../../sandbox/paths';
import { median } from './sweep';

const run = promisify(execFile);

export interface StartRun {
  /** Process spawned → the server prints its URL. */
  listeningMs: number;
  /** Process spawned → the first groups.list answer with any groups in it (partial while the first sweep streams). */
  firstRowsMs: number;
  /** Process spawned → the first complete list (the first sweep finished). */
  completeMs: number;
  groups: number;
}

export interface StartResult { runs: StartRun[]; medianCompleteMs: number; medianFirstRowsMs: number; cli: { medianMs: number; groups: number } }

async function startOnce(brokers: string): Promise<StartRun> {
  const serveJs = path.join(repoRoot, 'out/main/serve.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-start-'));
  const token = 'bench-start';
  const started = performance.now();
  const child = spawn(process.execPath, [serveJs], {
    env: { ...process.env, SLUICE_PORT: '0', SLUICE_TOKEN: token, SLUICE_DATA_DIR: dataDir, SLUICE_KAFKA_BROKERS: brokers },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The console server did not start: ${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Sluice console: (http:\/\/[^/\s]+)/.exec(output);
        if (match) { clearTimeout(timer); resolve(match[1]!); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`The console server exited with ${code}: ${output}`)); });
    });
    const listeningMs = performance.now() - started;
    let firstRowsMs = -1;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${url}/rpc/groups.list`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
      const body = (await response.json()) as { ok: boolean; value?: GroupList };
      const list = body.ok ? body.value! : null;
      if (list && list.groups.length > 0 && firstRowsMs < 0) firstRowsMs = performance.now() - started;
      // The first sweep streams partial lists; "current" means it finished: every group with its lag.
      if (list?.freshness?.status === 'current') return { listeningMs, firstRowsMs, completeMs: performance.now() - started, groups: list.groups.length };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('No complete groups list within 120 s.');
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => { clearTimeout(kill); resolve(); });
      child.kill('SIGTERM');
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function cliListOnce(brokers: string): Promise<{ ms: number; groups: number }> {
  const started = performance.now();
  const { stdout } = await run('java', [
    `-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(),
    'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', '--bootstrap-server', brokers, '--list',
  ], { maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - started, groups: stdout.split('\n').filter((l) => l.trim()).length };
}

export async function startBench(brokers: string, runs: number, log: (line: string) => void): Promise<StartResult> {
  if (!fs.existsSync(path.join(repoRoot, 'out/main/serve.js'))) throw new Error('Build the console first: npm run build');
  const results: StartRun[] = [];
  const cli: Array<{ ms: number; groups: number }> = [];
  for (let i = 0; i < runs; i++) {
    const r = await startOnce(brokers);
    results.push(r);
    log(`   run ${i + 1}: listening ${Math.round(r.listeningMs)} ms, first rows ${Math.round(r.firstRowsMs)} ms, complete list of ${r.groups} groups ${Math.round(r.completeMs)} ms`);
    const c = await cliListOnce(brokers);
    cli.push(c);
    log(`   run ${i + 1}: kafka-consumer-groups --list ${Math.round(c.ms)} ms (${c.groups} groups, names only)`);
  }
  return {
    runs: results.map((r) => ({ listeningMs: Math.round(r.listeningMs), firstRowsMs: Math.round(r.firstRowsMs), completeMs: Math.round(r.completeMs), groups: r.groups })),
    medianCompleteMs: Math.round(median(results.map((r) => r.completeMs))),
    medianFirstRowsMs: Math.round(median(results.map((r) => r.firstRowsMs))),
    cli: { medianMs: Math.round(median(cli.map((c) => c.ms))), groups: cli[0]?.groups ?? 0 },
  };
}
