// Child process for the memory soak: main's monitor (as the app runs it: in its worker thread)
// polling every group every 5 s, reporting the whole process's resident memory after each sweep.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MonitorHost, monitorWorkerBundle } from '../../main/kafka/monitor/monitor-host';

// Bundled by the bench next to the worker's bundle.
const workerFile = import.meta.url.endsWith('.mjs') ? monitorWorkerBundle(path.dirname(fileURLToPath(import.meta.url)), '.mjs') : undefined;

const brokers = process.argv[2] ?? '127.0.0.1:9092';
const monitor = new MonitorHost({ bootstrapBrokers: [brokers], tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '', password: null } }, { intervalMs: 5_000, workerFile });
let lastReported = 0;
monitor.onChange(() => {
  const sweep = monitor.lastSweep;
  if (!sweep?.complete || sweep.at === lastReported) return;
  lastReported = sweep.at;
  const { rss, heapUsed } = process.memoryUsage();
  console.log(JSON.stringify({ at: Date.now(), rss, heapUsed, groups: sweep.groups, sweepMs: sweep.durationMs }));
});
process.on('SIGTERM', () => { void monitor.close().then(() => process.exit(0)); });
