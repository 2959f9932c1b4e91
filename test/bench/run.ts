// `npm run bench`: speed and memory at 10,000 groups, each against a peer measured in the same run.
//   npm run bench -- [--soak-minutes=10] [--runs=7] [--skip-cli] [--skip-renderer] [--skip-soak] [--start-runs=3]
//                    [--only=replication|governance|records|topics|triage|sweep|start|hang|restart-soak] [--skip-replication] [--skip-records] [--skip-triage] [--payments=5000] [--latency-samples=200] [--bulk=10000] [--backends=servers,pglite]
//                    [--records=1000000] [--records-rounds=3] [--tail-seconds=60] [--tail-rate=5000] [--triage-minutes=5] [--triage-groups=1000] [--triage-control]
//                    [--topics=10000] [--topic-partitions=15000] [--rounds=3]   --only=topics runs on a broker of its own
//                    [--private-broker]   the 10,000 groups on a broker of the bench's own (bench-results/private-broker), not the sandbox's
//   --only=hang [--hangs=5] [--hold-seconds=15]: the bench's own broker frozen (SIGSTOP) and thawed; time to the stale banner
//   --only=restart-soak [--soak-minutes=90] [--restart-every=15] [--no-traffic]: polling 10,000 groups with demo traffic on the bench's own broker, killed
//                    (-9) and restarted every N minutes; not part of the default run
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { filterAndSortGroups } from '../../shared/kafka/group-filter';
import type { GroupSummary } from '../../shared/kafka/groups';
import { bootstrap, portAnswers, startBroker, stopBroker } from '../../sandbox/kafka-broker';
import { PrivateBroker } from '../support/private-broker';
import { soak } from './memory';
import { restartSoak } from './restart-soak';
import { hangBench } from './hang';
import { startBench } from './start';
import { replicationBench } from './replication';
import { governanceBench, workspaceOpenBench, workspaceOpenLatencyBench } from './governance';
import { rendererBench } from './renderer';
import { describePaletteBench, paletteBench } from './palette';
import { recordsBench } from './records';
import { topicsBench } from './topics';
import { ensureScale, scale } from './scale';
import { demoSpec, triageBench } from './triage';
import { runClients } from '../../sandbox/sandbox-clients';
import { kafkaCliSweep, median, sluiceSweep } from './sweep';

const args = new Map(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k!, v ?? 'true'] as const; }));
const only = args.get('only');
// The restart soak kills its broker, so it always runs on the bench's own, never the sandbox's.
const privateBroker = args.has('private-broker') || only === 'restart-soak' || only === 'hang'
  ? await PrivateBroker.create({ home: 'bench-results/private-broker', heapMb: 1024 })
  : null;
const brokers = privateBroker?.bootstrap ?? process.env.SLUICE_BENCH_BROKERS ?? bootstrap;
const log = (line: string) => console.log(line);
/** Ends the run early when only one part was asked for (`--only=replication`). */
class BenchDone extends Error {}
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${(await import('node:os')).cpus().length} cores`, node: process.version };

function filterBench(groups: number) {
  const rows: GroupSummary[] = Array.from({ length: groups }, (_, i) => ({
    groupId: `bench-group-${String(i).padStart(5, '0')}`, type: i % 3 ? 'classic' : 'consumer', state: i % 5 ? 'Empty' : 'Stable',
    members: i % 7, coordinator: null, totalLag: (i * 7919) % 5000, health: (['OK', 'WARN', 'ERR'] as const)[i % 3]!, lagSeconds: i % 600, lagSecondsAtLeast: i % 11 === 0, missingSince: null,
  }));
  const keystrokes = ['b', 'be', 'ben', 'benc', 'bench', 'bench-group-1', 'bench-group-12', 'stable'];
  const times: number[] = [];
  // One untimed round first, so the numbers are not the JIT warming up.
  for (const text of keystrokes) filterAndSortGroups(rows, { text, types: [], sort: { key: 'totalLag', descending: true } });
  for (let round = 0; round < 5; round++) {
    for (const text of keystrokes) {
      const t0 = performance.now();
      filterAndSortGroups(rows, { text, types: [], sort: { key: 'totalLag', descending: true } });
      times.push(performance.now() - t0);
    }
  }
  return { medianMs: median(times), maxMs: Math.max(...times) };
}

/** The start bench runs the built server, as `npm run serve` does. */
async function runStart(runs: number) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('Building the console failed');
  const r = await startBench(brokers, runs, log);
  log(`   median: first rows ${r.medianFirstRowsMs} ms, complete list ${r.medianCompleteMs} ms (target ≤ 2,000 ms); kafka-consumer-groups --list ${r.cli.medianMs} ms (names only)`);
  return r;
}

const startedBroker = !privateBroker && !(await portAnswers());
if (startedBroker) await startBroker(log);
if (privateBroker) {
  log(`Starting the bench's own broker on ${privateBroker.bootstrap} (data in ${privateBroker.home})…`);
  await privateBroker.start(600_000);
}
try {
  if (only === 'triage' || (!only && !args.has('skip-triage'))) {
    const minutes = Number(args.get('triage-minutes') ?? 5);
    const groups = Number(args.get('triage-groups') ?? 1000);
    log(`\n== Triage: a session watching ${groups} groups through demo traffic for ${minutes} min (the real stack, this process)`);
    const control = args.has('triage-control');
    const t = await triageBench(brokers, log, { minutes, groups, control });
    results[control ? 'triageControl' : 'triage'] = t;
    if (!control) log(`   ${t.entries} timeline entries in ${t.minutes} min: ${t.entriesPerMinute}/min (${t.changesPerMinute} watched changes/min); session file ${(t.sessionFileBytes / 1024).toFixed(0)} KB (${(t.sessionFileBytesPerMinute / 1024).toFixed(0)} KB/min)`);
    log(`   main RSS start ${t.rss.startMb} MB, max ${t.rss.maxMb} MB, end ${t.rss.endMb} MB, trend over the second half ${t.rss.slopeMbPerMin} MB/min; main heap ${t.heap.startMb} → ${t.heap.endMb} MB (${t.heap.slopeMbPerMin} MB/min${t.heap.collected ? ', after full collections' : ''}); the timeline itself holds ${t.timelineInMemoryMb} MB; monitor worker heap ${t.workerHeap.startMb} → ${t.workerHeap.endMb} MB (max ${t.workerHeap.maxMb}, ${t.workerHeap.slopeMbPerMin} MB/min)`);
    if (t.hour) log(`   export of this session: ${t.exportMs} ms; of an hour-long one (${t.hour.basis}: ${t.hour.entries} entries, ${t.hour.fileMb} MB): median ${t.hour.exportMedianMs} ms (runs ${t.hour.exportRunsMs.join(', ')}; postmortem ${t.hour.postmortemKb} KB, JSON ${t.hour.jsonMb} MB; target ≤ 2,000 ms)`);
  }
  if (only === 'triage') throw new BenchDone();
  if (!only || only === 'governance') {
    const governance = governanceBench(log);
    governance.workspaceLatency = await workspaceOpenLatencyBench(log);
    if (!args.has('skip-renderer')) {
      const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
      if (build.status !== 0) throw new Error('Building the console failed');
      governance.workspace = await workspaceOpenBench(brokers, log);
    }
    results.governance = governance;
  }
  if (only === 'governance') throw new BenchDone();
  if (!args.has('skip-replication') && (!only || only === 'replication')) {
    results.replication = await replicationBench(log, {
      payments: Number(args.get('payments') ?? 5000), latencySamples: Number(args.get('latency-samples') ?? 200), bulk: Number(args.get('bulk') ?? 10_000),
    }, (args.get('backends')?.split(',') ?? ['servers', 'pglite']) as ('servers' | 'pglite')[]);
  }
  if (only === 'replication') throw new BenchDone();
  if (!args.has('skip-records') && (!only || only === 'records')) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    if (build.status !== 0) throw new Error('Building the console failed');
    results.records = await recordsBench(brokers, log, {
      records: Number(args.get('records') ?? 1_000_000), rounds: Number(args.get('records-rounds') ?? 3), tailSeconds: Number(args.get('tail-seconds') ?? 60), tailRate: Number(args.get('tail-rate') ?? 5_000),
    });
  }
  if (only === 'records') throw new BenchDone();
  if (only === 'topics') {
    const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    if (build.status !== 0) throw new Error('Building the console failed');
    // The bench's own broker: 10,000 topics never go to the shared one. Every partition a broker
    // leads keeps its log file open, and a process here may hold 20,000 (ulimit -Hn): at 20,000
    // partitions the broker dies of "Too many open files". 15,000 by default; main's own cost at
    // the 100,000 is measured in memory beside it.
    results.topics = await topicsBench(log, {
      topics: Number(args.get('topics') ?? 10_000), partitions: Number(args.get('topic-partitions') ?? 15_000),
      rounds: Number(args.get('rounds') ?? 3), runs: Number(args.get('runs') ?? 3), skipCli: args.has('skip-cli'),
    });
    throw new BenchDone();
  }
  log(`\n== Scale: ${scale.groups} groups over ${scale.topics * scale.partitionsPerTopic} partitions`);
  await ensureScale(brokers, log);

  if (only === 'restart-soak') {
    const minutes = Number(args.get('soak-minutes') ?? 90);
    const every = Number(args.get('restart-every') ?? 15);
    log(`\n== Restart soak: polling every group for ${minutes} min, the broker killed (-9) and restarted every ${every} min${args.has('no-traffic') ? '' : ', with demo traffic'}`);
    // Demo traffic (producers, a KIP-848 group of three, a classic group, a slow one, a churning one),
    // from the sandbox's Java clients, which ride through each restart as real clients do.
    const traffic = args.has('no-traffic') ? null : await runClients(demoSpec(`soak-${Date.now().toString(36)}`).spec, { brokers: privateBroker!.bootstrap, timeoutMs: 180_000 });
    const r = await restartSoak(privateBroker!, scale.groups, minutes, every, log).finally(() => traffic?.stop());
    results.restartSoak = r;
    const secs = (ms: number | null) => (ms === null ? 'none' : `${(ms / 1000).toFixed(1)} s`);
    const recoveries = r.restarts.map((x) => `every group at ${secs(x.freshMs)}, current at ${secs(x.recoveryMs)} (the broker's own list whole at ${secs(x.brokerListsAllMs)})`).join(', ');
    log(`   RSS start ${r.startMb.toFixed(0)} MB, max ${r.maxMb.toFixed(0)} MB (main thread's heap at most ${r.mainHeapMaxMb.toFixed(0)} MB, the monitor worker's ${r.workerHeapMaxMb.toFixed(0)} MB), end ${r.endMb.toFixed(0)} MB, trend over the second half ${r.slopeMbPerMin.toFixed(2)} MB/min; every 5 min: ${r.rssEveryFiveMinutesMb.join(', ')} MB`);
    log(`   ${r.sweeps} sweeps, ${r.failingAnswers} answers while failing, ${r.partialAnswers} partial, ${r.errors} errors; ${r.restarts.length} restarts, recovery to fresh data: ${recoveries || '—'}; history ${r.historyIntact ? 'intact' : 'LOST'}`);
    throw new BenchDone();
  }

  if (only === 'hang') {
    const hangs = Number(args.get('hangs') ?? 5);
    log(`\n== Hang: the bench's own broker frozen (SIGSTOP) ${hangs} times at random moments, 10,000 groups polled; target: stale banner ≤ 5 s`);
    const r = await hangBench(privateBroker!, hangs, Number(args.get('hold-seconds') ?? 15) * 1_000, log);
    results.hang = r;
    const s = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
    log(`   stale banner after the hang: median ${s(r.medianStaleMs)}, worst ${s(r.maxStaleMs)} (target ≤ 5 s; before the probe: 9–15 s); current again after the thaw: median ${s(r.medianRecoveryMs)}`);
    throw new BenchDone();
  }

  if (only === 'start') {
    const runs = Number(args.get('start-runs') ?? 3);
    log(`\n== Start: cold process → first complete groups list, ${runs} runs, beside kafka-consumer-groups --list`);
    results.start = await runStart(runs);
    throw new BenchDone();
  }

  const runs = Number(args.get('runs') ?? 7);
  log(`\n== Sluice full sweep (list + state + lag of every group), ${runs} runs`);
  const sweep = await sluiceSweep(brokers, runs);
  results.sweep = { groups: sweep.groups, committedPartitions: sweep.partitions, runsMs: sweep.times.map(Math.round), medianMs: Math.round(median(sweep.times)) };
  log(`   ${sweep.groups} groups, ${sweep.partitions} committed partitions: median ${Math.round(median(sweep.times))} ms (runs ${sweep.times.map(Math.round).join(', ')})`);

  if (!args.has('skip-cli')) {
    log('\n== Kafka ConsumerGroupCommand --describe --all-groups --offsets (the same question)');
    const cli = await kafkaCliSweep(brokers, 1_800_000);
    const ratio = cli.ms / median(sweep.times);
    results.kafkaCli = { ms: Math.round(cli.ms), rows: cli.rows, timedOut: cli.timedOut, ratio: Number(ratio.toFixed(1)) };
    log(`   ${cli.timedOut ? '> ' : ''}${(cli.ms / 1000).toFixed(1)} s (${cli.rows} rows): Sluice is ${ratio.toFixed(1)}× faster`);
  }
  if (only === 'sweep') throw new BenchDone();

  if (!args.has('skip-start')) {
    const runs = Number(args.get('start-runs') ?? 3);
    log(`\n== Start: cold process → first complete groups list, ${runs} runs, beside kafka-consumer-groups --list`);
    results.start = await runStart(runs);
  }

  log('\n== Filter + sort of 10,000 rows per keystroke (pure function, as the table runs it)');
  results.filterSort = filterBench(scale.groups);
  log(`   median ${(results.filterSort as { medianMs: number }).medianMs.toFixed(2)} ms, max ${(results.filterSort as { maxMs: number }).maxMs.toFixed(2)} ms (frame budget 16.7 ms)`);

  log('\n== Command palette: ranking per keystroke (pure function, as the palette runs it)');
  const palette = paletteBench(scale.groups);
  results.palette = palette;
  log(describePaletteBench(palette));

  if (!args.has('skip-renderer')) {
    log('\n== Renderer in Chromium (web mode, real data)');
    const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    if (build.status !== 0) throw new Error('Building the console failed');
    const r = await rendererBench(brokers, sweep.groups);
    results.renderer = r;
    log(`   ${r.rows} rows: data → painted ${r.dataToPaintMs.toFixed(1)} ms; re-sort → painted ${r.sortToPaintMs.toFixed(1)} ms; filter keystroke → painted ${r.filterToPaintMs.toFixed(1)} ms`);
    log(`   scrolling ${r.scrollFrames} frames: p50 ${r.p50FrameMs.toFixed(1)} ms, p95 ${r.p95FrameMs.toFixed(1)} ms, max ${r.maxFrameMs.toFixed(1)} ms, ${r.droppedFrames} frames dropped (target p95 ≤ 16.7 ms at 60 Hz)`);
  }

  if (!args.has('skip-soak')) {
    const minutes = Number(args.get('soak-minutes') ?? 10);
    log(`\n== Main-process memory: polling all groups every 5 s for ${minutes} min`);
    const m = await soak(brokers, minutes, log);
    results.memory = m;
    log(`   RSS start ${m.startMb.toFixed(0)} MB, max ${m.maxMb.toFixed(0)} MB, end ${m.endMb.toFixed(0)} MB; trend over the second half ${m.slopeMbPerMin.toFixed(2)} MB/min (${m.samples} sweeps, median ${m.medianSweepMs} ms)`);
  }
} catch (error) {
  if (!(error instanceof BenchDone)) throw error;
} finally {
  if (startedBroker) await stopBroker(log);
  if (privateBroker) await privateBroker.stop();
}
fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
log('\nResults written to bench-results/latest.json');
