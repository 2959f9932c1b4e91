// Child process for the memory soak: main's monitor polling every group every 5 s, reporting its
// resident memory after each sweep as one JSON line.
import { PlatformaticKafka } from '../../main/kafka/platformatic-kafka';
import { GroupMonitor } from '../../main/kafka/monitor/group-monitor';

const brokers = process.argv[2] ?? '127.0.0.1:9092';
const kafka = new PlatformaticKafka({ bootstrapBrokers: [brokers], tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '', password: null } }, 'sluice-soak');
const monitor = new GroupMonitor(kafka, { intervalMs: 5_000 });
monitor.onChange(() => {
  const sweep = monitor.lastSweep;
  if (!sweep?.complete) return;
  const { rss, heapUsed } = process.memoryUsage();
  console.log(JSON.stringify({ at: Date.now(), rss, heapUsed, groups: sweep.groups.length, sweepMs: sweep.durationMs }));
});
process.on('SIGTERM', () => { monitor.close(); void kafka.close().then(() => process.exit(0)); });
