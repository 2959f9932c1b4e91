// Child process of the restart soak: main's monitor as the app runs it (in its worker thread, with
// its history on disk), asked for the groups list every second (a page is pushed each change; an
// open Consumer groups page polls every 3 s, which would blur recovery by up to 3 s), reporting one
// JSON line per answer: resident memory, freshness, how many groups are listed and how many only
// kept through their grace, and (every third answer) the history of one sample group.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MonitorHost, monitorWorkerBundle } from '../../main/kafka/monitor/monitor-host';

const [brokers = '127.0.0.1:9092', historyDir = 'bench-results/soak-history', sample = 'bench-group-00007'] = process.argv.slice(2);
// Bundled by the bench next to the worker's bundle.
const workerFile = import.meta.url.endsWith('.mjs') ? monitorWorkerBundle(path.dirname(fileURLToPath(import.meta.url)), '.mjs') : undefined;
const monitor = new MonitorHost(
  { bootstrapBrokers: [brokers], tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '', password: null } },
  { intervalMs: 5_000, historyDir, workerFile },
);

let tick = 0;
const timer = setInterval(() => {
  const full = tick++ % 3 === 0;
  void (async () => {
    const at = Date.now();
    // heapTotal is this (main) thread's heap alone; the worker's is in rss.
    const { rss, heapTotal } = process.memoryUsage();
    try {
      const list = await monitor.groupList();
      const history = full ? await monitor.history(sample, 30_000).catch(() => null) : null;
      const workerHeap = full ? await monitor.workerHeapUsed() : undefined;
      console.log(JSON.stringify({
        at, rss, heapTotal, workerHeap, status: list.freshness.status, asOf: list.freshness.asOf, groups: list.groups.length,
        listed: list.groups.filter((g) => !g.missingSince).length, sweepAt: monitor.lastSweep?.at ?? null, sweepMs: monitor.lastSweep?.durationMs ?? null,
        sampleHistory: history ? { points: history.lag.length, since: history.since } : null,
      }));
    } catch (error) {
      console.log(JSON.stringify({ at, rss, heapTotal, error: error instanceof Error ? error.message : String(error) }));
    }
  })();
}, 1_000);

process.on('SIGTERM', () => {
  clearInterval(timer);
  void monitor.close().then(() => process.exit(0));
});
