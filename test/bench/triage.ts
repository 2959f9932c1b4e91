// `npm run bench -- --only=triage [--triage-minutes=5] [--triage-groups=1000]`: a triage session
// watching 1,000 groups through demo traffic, on the real stack — main's services in this process
// (the cluster monitor in its worker thread, the watcher, the session file), the real broker, and
// the demo's real clients (a churning group, a falling-behind group, classic and KIP-848 groups)
// under names of the bench's own. The other watched groups are idle groups with committed offsets
// on the demo topics, whose lag grows with the traffic past thresholds set at different heights.
// Measured: timeline entries per minute, the session file's size, main's RSS over the run, and the
// export time — also of an hour-long session, built from the measured minutes repeated (and said so).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Admin } from '@platformatic/kafka';
import { mapLimit } from '../../shared/common/concurrency';
import type { Entry } from '../../shared/triage/session';
import type { SessionState } from '../../shared/triage/timeline';
import { runClients } from '../../sandbox/sandbox-clients';
import { createServices, type MainServices } from '../../main/services';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { AppendOnlyFile } from '../../main/platform/append-only-file';
import { SessionExporter } from '../../main/triage/exporter';
import { SessionStore } from '../../main/triage/session-store';
import { workerMonitor, type MonitorFactory } from '../../main/kafka/connections';
import type { MonitorHost } from '../../main/kafka/monitor/monitor-host';
import { slope } from './memory';
import { median } from './sweep';

export interface TriageBenchResult {
  minutes: number;
  watchedGroups: number;
  demoGroups: number;
  entries: number;
  entriesPerMinute: number;
  changesPerMinute: number;
  sessionFileBytes: number;
  sessionFileBytesPerMinute: number;
  rss: { startMb: number; endMb: number; maxMb: number; slopeMbPerMin: number; samples: number };
  /** Main thread's heap after a full collection (the monitor's worker has its own, capped heap). */
  heap: { startMb: number; endMb: number; slopeMbPerMin: number; collected: boolean };
  /** The monitor worker's heap in use (not collected first: it includes its garbage, capped by its limit). */
  workerHeap: { startMb: number; endMb: number; maxMb: number; slopeMbPerMin: number };
  timelineInMemoryMb: number;
  exportMs: number;
  hour: { basis: string; entries: number; fileMb: number; exportMedianMs: number; exportRunsMs: number[]; postmortemKb: number; jsonMb: number } | null;
}

const mb = (bytes: number) => bytes / 1_048_576;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call<T>(services: MainServices, method: string, input: unknown = {}): Promise<T> {
  const result = await services.router.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export function demoSpec(p: string): { spec: string; topics: string[]; groups: string[] } {
  const t = (name: string) => `${p}-${name}`;
  const topics = [t('payments'), t('orders'), t('clickstream'), t('inventory')];
  const groups = [t('ledger-writer'), t('orders-fulfilment'), t('clickstream-analytics'), t('inventory-sync')];
  const spec = `
topic name=${t('payments')} partitions=6
topic name=${t('orders')} partitions=4
topic name=${t('clickstream')} partitions=3
topic name=${t('inventory')} partitions=4
produce topic=${t('payments')} rate=20
produce topic=${t('orders')} rate=10
produce topic=${t('clickstream')} rate=30
produce topic=${t('inventory')} rate=8
group id=${t('ledger-writer')} protocol=consumer topic=${t('payments')} members=3
group id=${t('orders-fulfilment')} protocol=classic topic=${t('orders')} members=2
group id=${t('clickstream-analytics')} protocol=consumer topic=${t('clickstream')} members=1 maxPollRecords=5 pollDelayMs=1000
group id=${t('inventory-sync')} protocol=consumer topic=${t('inventory')} members=2 churn=1-4 churnEveryMs=4000
`;
  return { spec, topics, groups };
}

/** Copies the measured session `times` over, each copy shifted by the measured span, with new ids: an hour-long session made of real minutes. */
function repeatSession(store: SessionStore, source: string, times: number, spanMs: number): string {
  const entries = store.open(source).entries;
  const id = `${source}-hour`;
  const file = new AppendOnlyFile(store.fileOf(id));
  const ended = (e: Entry) => e.kind === 'session' && e.data.event === 'ended';
  const body = entries.filter((e) => !(e.kind === 'session' && e.data.event === 'started') && !ended(e));
  file.appendJson([{ ...entries[0]!, sessionId: id }]);
  for (let k = 0; k < times; k++) {
    const shift = k * spanMs;
    file.appendJson(body.map((e) => ({ ...e, id: k === 0 ? e.id : randomUUID(), sessionId: id, at: new Date(Date.parse(e.at) + shift).toISOString() })));
  }
  const end = entries.find(ended);
  if (end) file.appendJson([{ ...end, sessionId: id, at: new Date(Date.parse(end.at) + (times - 1) * spanMs).toISOString() }]);
  const attachments = store.attachmentsOf(source);
  if (fs.existsSync(attachments)) fs.cpSync(attachments, store.attachmentsOf(id), { recursive: true });
  return id;
}

/**
 * `control`: the same stack, traffic and groups with no session (nothing watched), to tell what
 * main's memory does without triage; run it as its own `npm run bench` (a fresh process).
 */
export async function triageBench(brokers: string, log: (line: string) => void, options: { minutes: number; groups: number; control?: boolean }): Promise<TriageBenchResult> {
  const prefix = `triage-bench-${Date.now().toString(36)}`;
  const demo = demoSpec(prefix);
  const idleCount = Math.max(0, options.groups - demo.groups.length);
  const idle = Array.from({ length: idleCount }, (_, i) => `${prefix}-idle-${String(i).padStart(4, '0')}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-bench-triage-'));
  const admin = new Admin({ clientId: 'sluice-bench-triage', bootstrapBrokers: [brokers], retries: 3 });
  log(`   demo traffic under ${prefix}-*, ${idleCount} idle groups, ${options.minutes} min`);
  const clients = await runClients(demo.spec, { brokers, timeoutMs: 180_000 });
  let services: MainServices | null = null;
  try {
    const partitions: Record<string, number> = { [demo.topics[0]!]: 6, [demo.topics[1]!]: 4, [demo.topics[2]!]: 3, [demo.topics[3]!]: 4 };
    await mapLimit(idle, 16, async (groupId, i) => {
      const topic = demo.topics[i % demo.topics.length]!;
      await admin.alterConsumerGroupOffsets({ groupId, topics: [{ name: topic, partitionOffsets: Array.from({ length: partitions[topic]! }, (_, partition) => ({ partition, offset: 0n })) }] });
    });
    const previous = process.env.SLUICE_KAFKA_BROKERS;
    process.env.SLUICE_KAFKA_BROKERS = brokers;
    // The monitor's worker is kept at hand so its heap can be told apart from main's.
    let monitor: MonitorHost | null = null;
    const monitorFactory: MonitorFactory = (context) => (monitor = workerMonitor()(context) as MonitorHost);
    services = createServices({ transport: 'web', dataDir, secrets: new MemorySecretStore(), version: 'bench', exampleWorkspaceDir: null, workspacePath: null, watchWorkspace: false, teamDbUrl: null, monitorFactory });
    if (previous === undefined) delete process.env.SLUICE_KAFKA_BROKERS; else process.env.SLUICE_KAFKA_BROKERS = previous;
    const watched = [...demo.groups, ...idle];
    for (let tries = 0; ; tries++) {
      const { groups } = await call<{ groups: Array<{ groupId: string }> }>(services, 'groups.list').catch(() => ({ groups: [] }));
      const seen = new Set(groups.map((g) => g.groupId));
      if (watched.every((g) => seen.has(g))) break;
      if (tries > 90) throw new Error('The monitor did not list the bench groups within 3 minutes.');
      await sleep(2_000);
    }
    const state = options.control ? null : await call<SessionState>(services, 'triage.start', { title: `Bench: ${options.groups} watched groups`, severity: 'SEV3' });
    const watchStarted = performance.now();
    for (const [i, groupId] of (options.control ? [] : watched).entries()) {
      // Thresholds at different heights, so the growing lag crosses them all through the run.
      await call(services, 'triage.watch', { target: { kind: 'group', id: groupId }, thresholds: { lag: 100 * ((i % 30) + 1), lagSeconds: 60 * ((i % 10) + 1) } });
    }
    log(`   ${watched.length} watches added in ${Math.round(performance.now() - watchStarted)} ms`);
    const store = new SessionStore(dataDir);
    const file = () => (state ? fs.statSync(store.fileOf(state.id)).size : 0);
    const countEntries = async () => (state ? (await call<{ state: SessionState }>(services!, 'triage.session', { limit: 1 })).state.entries : 0);
    const baseEntries = await countEntries();
    const samples: Array<{ at: number; rss: number; heap: number; workerHeap: number }> = [];
    // With --expose-gc (the bench passes it), a sample is taken after a full collection, so the
    // heap figure is what main really keeps, not garbage waiting for the collector.
    const measure = async () => {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      const workerHeap = (await (monitor as MonitorHost | null)?.workerHeapUsed()) ?? 0;
      return { at: Date.now(), rss: m.rss, heap: m.heapUsed, workerHeap };
    };
    const started = Date.now();
    const end = started + options.minutes * 60_000;
    while (Date.now() < end) {
      samples.push(await measure());
      if (samples.length % 4 === 0) log(`   ${((Date.now() - started) / 60_000).toFixed(1)} min: ${(await countEntries()) - baseEntries} entries, file ${(mb(file())).toFixed(2)} MB, RSS ${mb(samples.at(-1)!.rss).toFixed(0)} MB, main heap ${mb(samples.at(-1)!.heap).toFixed(0)} MB, monitor worker heap ${mb(samples.at(-1)!.workerHeap).toFixed(0)} MB`);
      await sleep(15_000);
    }
    samples.push(await measure());
    const second = samples.slice(Math.floor(samples.length / 2));
    const memory = {
      rss: {
        startMb: Math.round(mb(samples[0]!.rss)), endMb: Math.round(mb(samples.at(-1)!.rss)), maxMb: Math.round(mb(Math.max(...samples.map((s) => s.rss)))),
        slopeMbPerMin: Number(slope(second.map((s) => [(s.at - started) / 60_000, mb(s.rss)])).toFixed(2)), samples: samples.length,
      },
      heap: {
        startMb: Math.round(mb(samples[0]!.heap)), endMb: Math.round(mb(samples.at(-1)!.heap)),
        slopeMbPerMin: Number(slope(second.map((s) => [(s.at - started) / 60_000, mb(s.heap)])).toFixed(2)), collected: typeof (globalThis as { gc?: unknown }).gc === 'function',
      },
      workerHeap: {
        startMb: Math.round(mb(samples[0]!.workerHeap)), endMb: Math.round(mb(samples.at(-1)!.workerHeap)), maxMb: Math.round(mb(Math.max(...samples.map((s) => s.workerHeap)))),
        slopeMbPerMin: Number(slope(second.map((s) => [(s.at - started) / 60_000, mb(s.workerHeap)])).toFixed(2)),
      },
    };
    if (!state) {
      const minutes = Number(((Date.now() - started) / 60_000).toFixed(2));
      return { minutes, watchedGroups: 0, demoGroups: demo.groups.length, entries: 0, entriesPerMinute: 0, changesPerMinute: 0, sessionFileBytes: 0, sessionFileBytesPerMinute: 0, ...memory, timelineInMemoryMb: 0, exportMs: 0, hour: null };
    }
    const view = await call<{ state: SessionState }>(services, 'triage.session', { limit: 1 });
    const entries = view.state.entries;
    const changes = view.state.counts.change ?? 0;
    const elapsedMin = (Date.now() - started) / 60_000;
    const inMemory = mb(Buffer.byteLength(JSON.stringify(store.open(state.id).entries)));
    const exportStart = performance.now();
    const exported = await call<{ durationMs: number }>(services, 'triage.export', { adr: false });
    const exportMs = Math.round(performance.now() - exportStart);
    await call(services, 'triage.end', { summary: 'bench over' });

    // An hour-long session from the measured minutes, exported as the user would.
    const times = Math.max(1, Math.round(60 / elapsedMin));
    const hourId = repeatSession(store, state.id, times, Date.now() - started);
    const exporter = new SessionExporter(new SessionStore(dataDir), dataDir, null);
    const runs: number[] = [];
    let last: Awaited<ReturnType<SessionExporter['export']>> | null = null;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      last = await exporter.export(hourId, { adr: false });
      runs.push(Math.round(performance.now() - t0));
    }
    const hourEntries = new SessionStore(dataDir).open(hourId).entries.length;
    return {
      minutes: Number(elapsedMin.toFixed(2)), watchedGroups: watched.length, demoGroups: demo.groups.length,
      entries: entries - baseEntries, entriesPerMinute: Math.round((entries - baseEntries) / elapsedMin), changesPerMinute: Math.round(changes / elapsedMin),
      sessionFileBytes: file(), sessionFileBytesPerMinute: Math.round(file() / elapsedMin),
      ...memory,
      timelineInMemoryMb: Number(inMemory.toFixed(2)),
      exportMs: Math.max(exportMs, exported.durationMs),
      hour: {
        basis: `the ${elapsedMin.toFixed(1)} measured minutes repeated ${times}×, times shifted`,
        entries: hourEntries, fileMb: Number(mb(fs.statSync(store.fileOf(hourId)).size).toFixed(2)),
        exportMedianMs: median(runs), exportRunsMs: runs,
        postmortemKb: Math.round(Buffer.byteLength(last!.postmortem.content) / 1024), jsonMb: Number(mb(last!.json.bytes).toFixed(2)),
      },
    };
  } finally {
    await services?.close();
    await clients.stop();
    await admin.deleteGroups({ groups: [...demo.groups, ...idle] }).catch(() => undefined);
    await admin.deleteTopics({ topics: demo.topics }).catch(() => undefined);
    await admin.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
