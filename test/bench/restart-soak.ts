// The restart soak (`npm run bench -- --only=restart-soak`, not part of the default run): the
// monitor polls 10,000 groups on a broker of the bench's own while that broker is killed (-9) and
// restarted every few minutes. Reported: resident memory over time, sweeps, errors, how long each
// restart took to bring back fresh data with every group listed, the fewest groups the cluster
// listed meanwhile (a transient empty answer), and whether the sample group's history survived.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Admin } from '@platformatic/kafka';
import { build } from 'esbuild';
import { slope } from './memory';
import type { PrivateBroker } from '../support/private-broker';

const mb = (bytes: number) => bytes / 1_048_576;

interface Sample {
  at: number;
  rss: number;
  heapTotal: number;
  /** The monitor worker's heap in use (garbage included; capped by its limit). */
  workerHeap?: number | null;
  status?: string;
  asOf?: number;
  groups?: number;
  listed?: number;
  sweepAt?: number | null;
  sweepMs?: number | null;
  sampleHistory?: { points: number; since: number | null } | null;
  error?: string;
}

export interface RestartRecord {
  killedAt: number;
  brokerUpMs: number;
  /** From the broker answering again to the first current list with every group listed by the cluster. */
  recoveryMs: number | null;
  /**
   * From the broker answering again to the first list read after it with every group listed by the
   * cluster, current or partial (some partitions' log ends carried while their leader got ready).
   */
  freshMs: number | null;
  /** The peer: from the broker answering again to its own ListGroups naming every group (asked every 250 ms). */
  brokerListsAllMs: number | null;
  /** The fewest groups the cluster listed in one sweep from the crash to the next restart. */
  fewestListed: number;
  /** The fewest groups the console showed meanwhile (kept through their grace). */
  fewestShown: number;
  historyIntact: boolean;
}

export interface RestartSoakResult {
  minutes: number;
  restartEveryMinutes: number;
  samples: number;
  sweeps: number;
  failingAnswers: number;
  /** Answers marked partial after the first complete sweep: log ends carried through a restart. */
  partialAnswers: number;
  errors: number;
  startMb: number; maxMb: number; endMb: number; slopeMbPerMin: number;
  /** The main thread's own heap (the rest of the RSS is the worker's heap, code and buffers). */
  mainHeapMaxMb: number;
  workerHeapMaxMb: number;
  rssEveryFiveMinutesMb: number[];
  restarts: RestartRecord[];
  historyIntact: boolean;
}

/**
 * The peer for recovery: when the restarted broker itself lists every group again. A coordinator
 * reloading its partitions answers ListGroups with fewer groups (or none) for a while; no console can
 * be fresh with every group before this, so the difference is what Sluice adds.
 */
async function whenBrokerListsAll(bootstrap: string, expected: number, until: number): Promise<number | null> {
  const admin = new Admin({ clientId: 'restart-soak-peer', bootstrapBrokers: [bootstrap], retries: 0, timeout: 2_000 });
  try {
    while (Date.now() < until) {
      try {
        const groups = await admin.listGroups({ types: ['consumer', 'classic', 'share', 'streams'] });
        if (groups.size >= expected) return Date.now();
      } catch { /* not answering yet */ }
      await new Promise((r) => setTimeout(r, 250));
    }
    return null;
  } finally {
    await admin.close().catch(() => undefined);
  }
}

async function bundleChild(): Promise<string> {
  const outdir = 'bench-results/build';
  await build({
    entryPoints: { 'restart-soak-child': 'test/bench/restart-soak-child.ts', 'monitor-worker': 'main/kafka/monitor/monitor-worker.ts' },
    bundle: true, platform: 'node', format: 'esm', target: 'node22', outdir, outExtension: { '.js': '.mjs' },
    external: ['@platformatic/kafka', 'zod', 'ws'], logLevel: 'warning',
  });
  return `${outdir}/restart-soak-child.mjs`;
}

export async function restartSoak(broker: PrivateBroker, expectedGroups: number, minutes: number, restartEveryMinutes: number, log: (line: string) => void): Promise<RestartSoakResult> {
  const entry = await bundleChild();
  const historyDir = 'bench-results/restart-soak-history';
  fs.rmSync(historyDir, { recursive: true, force: true });
  const child = spawn(process.execPath, [entry, broker.bootstrap, historyDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const samples: Sample[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try { samples.push(JSON.parse(line) as Sample); } catch { /* a log line */ }
    }
  });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const started = Date.now();
  const end = started + minutes * 60_000;
  const restarts: RestartRecord[] = [];
  const everyGroup = (s: Sample, after: number) => s.at > after && (s.asOf ?? 0) > after && (s.listed ?? 0) >= expectedGroups;
  const fullyListed = (s: Sample, after: number) => everyGroup(s, after) && s.status === 'current';
  try {
    // Warm: the first complete sweep with every group.
    while (!samples.some((s) => fullyListed(s, started)) && Date.now() < end) await sleep(1_000);
    let nextRestart = Date.now() + restartEveryMinutes * 60_000;
    let lastReport = Date.now();
    while (Date.now() < end) {
      await sleep(1_000);
      if (Date.now() - lastReport >= 60_000) {
        lastReport = Date.now();
        const last = samples.at(-1);
        if (last) log(`   ${Math.round((last.at - started) / 60_000)} min: RSS ${mb(last.rss).toFixed(0)} MB, ${last.status ?? last.error}, ${last.listed ?? '?'} of ${last.groups ?? '?'} groups listed`);
      }
      if (Date.now() < nextRestart || Date.now() + 60_000 > end) continue;
      const before = samples.filter((s) => s.sampleHistory).at(-1)?.sampleHistory ?? null;
      const killedAt = Date.now();
      await broker.kill();
      try {
        // A loaded machine can take minutes to start a JVM that has 10,000 groups to load.
        await broker.start(600_000);
      } catch (error) {
        log(`   restart ${restarts.length + 1}: the broker did not come back (${error instanceof Error ? error.message : String(error)}); ending the soak`);
        break;
      }
      const upAt = Date.now();
      const brokerListsAll = whenBrokerListsAll(broker.bootstrap, expectedGroups, Math.min(end, upAt + 5 * 60_000));
      let recoveredAt: number | null = null;
      while (Date.now() < Math.min(end, upAt + 5 * 60_000)) {
        const recovered = samples.find((s) => fullyListed(s, upAt));
        if (recovered) { recoveredAt = recovered.at; break; }
        await sleep(500);
      }
      const fresh = samples.find((s) => everyGroup(s, upAt) && (s.status === 'current' || s.status === 'partial'));
      // The sample group's history is asked every third answer: wait for one after the recovery.
      const historyAfter = () => samples.filter((s) => s.at >= (recoveredAt ?? upAt) && s.sampleHistory).at(-1)?.sampleHistory ?? null;
      for (let waited = 0; historyAfter() === null && waited < 10_000; waited += 500) await sleep(500);
      const afterHistory = historyAfter();
      const record: RestartRecord = {
        killedAt, brokerUpMs: upAt - killedAt, recoveryMs: recoveredAt === null ? null : recoveredAt - upAt, freshMs: fresh ? fresh.at - upAt : null,
        brokerListsAllMs: await brokerListsAll.then((at) => (at === null ? null : at - upAt)),
        fewestListed: NaN, fewestShown: NaN,
        historyIntact: before === null || (afterHistory !== null && afterHistory.points >= before.points && afterHistory.since === before.since),
      };
      restarts.push(record);
      const seconds = (ms: number | null) => (ms === null ? 'NOT within 5 min' : `${(ms / 1000).toFixed(1)} s later`);
      log(`   restart ${restarts.length}: broker back in ${(record.brokerUpMs / 1000).toFixed(1)} s; its own ListGroups named every group ${seconds(record.brokerListsAllMs)}; Sluice with every group ${seconds(record.freshMs)} (current ${seconds(record.recoveryMs)}); history ${record.historyIntact ? 'intact' : 'LOST'}`);
      nextRestart = Date.now() + restartEveryMinutes * 60_000;
    }
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => { clearTimeout(kill); resolve(); });
      child.kill('SIGTERM');
    });
  }
  // Answers can arrive out of order (one waits on a hung broker while the next does not).
  const ok = samples.filter((s) => s.rss > 0).sort((a, b) => a.at - b.at);
  // A restarted broker can list fewer groups (or none) well after it answers again, when its
  // coordinator reloads: count over the whole period until the next restart.
  restarts.forEach((r, i) => {
    const period = ok.filter((s) => s.at >= r.killedAt && s.at < (restarts[i + 1]?.killedAt ?? Infinity) && s.groups !== undefined);
    r.fewestListed = Math.min(...period.map((s) => s.listed ?? Infinity));
    r.fewestShown = Math.min(...period.map((s) => s.groups ?? Infinity));
    log(`   restart ${i + 1}: fewest groups listed by the cluster in one sweep ${r.fewestListed}, fewest shown ${r.fewestShown}`);
  });
  if (ok.length === 0) throw new Error('The restart soak produced no samples.');
  const first = ok[0]!;
  const secondHalf = ok.slice(Math.floor(ok.length / 2));
  const everyFive = ok.filter((s, i) => i === 0 || Math.floor((s.at - first.at) / 300_000) !== Math.floor((ok[i - 1]!.at - first.at) / 300_000));
  return {
    minutes, restartEveryMinutes, samples: ok.length,
    sweeps: new Set(ok.map((s) => s.sweepAt).filter((a) => a !== null && a !== undefined)).size,
    failingAnswers: ok.filter((s) => s.status === 'failing').length,
    partialAnswers: ok.filter((s) => s.status === 'partial' && s.sweepAt !== null && s.sweepAt !== undefined).length,
    errors: ok.filter((s) => s.error).length,
    startMb: mb(first.rss), maxMb: mb(Math.max(...ok.map((s) => s.rss))), endMb: mb(ok.at(-1)!.rss),
    mainHeapMaxMb: mb(Math.max(...ok.map((s) => s.heapTotal))),
    workerHeapMaxMb: mb(Math.max(0, ...ok.map((s) => s.workerHeap ?? 0))),
    slopeMbPerMin: slope(secondHalf.map((s) => [(s.at - first.at) / 60_000, mb(s.rss)])),
    rssEveryFiveMinutesMb: everyFive.map((s) => Math.round(mb(s.rss))),
    restarts,
    historyIntact: restarts.every((r) => r.historyIntact),
  };
}
