// `npm run bench -- --only=topics`: the topic list at scale, beside kafka-topics --describe in the
// same run. Real part: a broker of the bench's own (never the shared one) gets --topics topics
// (default 10,000) with --partitions partitions in all; the first complete topics.list through the
// HTTP bridge of a freshly started Sluice (cold: new client, no caches) is timed, then warm runs,
// then Kafka's own kafka-topics --describe of every topic. Synthetic part: the same TopicsService
// over an in-memory admin port at 10,000 topics / 100,000 partitions, which is Sluice's own cost
// at the issue's full scale whatever a single broker on this machine can hold.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Admin } from '@platformatic/kafka';
import type { AdminPort, ClusterMetadata } from '../../main/kafka-admin/admin-port';
import { PlatformaticAdmin } from '../../main/kafka-admin/platformatic-admin';
import type { KafkaPort } from '../../main/kafka/kafka-port';
import { ProduceRates } from '../../main/topics/produce-rates';
import { TopicReadersIndex } from '../../main/topics/topic-readers';
import { TopicsService } from '../../main/topics/topics-service';
import { kafkaClasspath, paths } from '../../sandbox/paths';
import type { TopicList } from '../../shared/topics/topics';
import { startConsoleServer } from '../support/console-server';
import { startBenchBroker } from './bench-broker';

const run = promisify(execFile);
type Log = (line: string) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface TopicsBenchOptions { topics: number; partitions: number; rounds: number; runs: number; skipCli: boolean }

/** Creates `topics` topics holding `partitions` partitions in all, 500 per CreateTopics request. */
async function createTopics(bootstrap: string, prefix: string, topics: number, partitions: number, log: Log): Promise<number> {
  const admin = new Admin({ clientId: 'sluice-bench-topics', bootstrapBrokers: [bootstrap], timeout: 120_000, requestTimeout: 180_000, retries: 3 });
  const started = performance.now();
  try {
    const base = Math.floor(partitions / topics);
    const extra = partitions % topics;
    const names = Array.from({ length: topics }, (_, i) => ({ topic: `${prefix}-${String(i).padStart(5, '0')}`, partitions: base + (i < extra ? 1 : 0), replicas: 1 }));
    for (let i = 0; i < names.length; i += 500) {
      await admin.createTopics({ topics: names.slice(i, i + 500) });
      if ((i / 500) % 4 === 3) log(`   created ${i + 500} topics (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await admin.close();
  }
  // The controller answers once the topics are in its log; the broker then creates every
  // partition's log and only then lists it and leads it. At 100,000 partitions that is minutes.
  const probe = new PlatformaticAdmin({ bootstrapBrokers: [bootstrap], tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '', password: null } });
  try {
    let lastLog = 0;
    for (;;) {
      const metadata = await probe.metadata(null);
      const mine = metadata.topics.filter((t) => t.name.startsWith(prefix));
      const led = mine.reduce((n, t) => n + t.partitions.filter((p) => p.leader >= 0).length, 0);
      if (mine.length === topics && led === partitions) break;
      if (performance.now() - lastLog > 30_000) {
        log(`   the broker lists ${mine.length} of ${topics} topics, leads ${led} of ${partitions} partitions (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        lastLog = performance.now();
      }
      if (performance.now() - started > 3_600_000) throw new Error('The bench broker did not take up every partition within an hour.');
      await new Promise((r) => setTimeout(r, 5_000));
    }
  } finally {
    await probe.close();
  }
  return performance.now() - started;
}

async function kafkaTopicsDescribe(bootstrap: string): Promise<{ ms: number; topics: number; partitions: number }> {
  const started = performance.now();
  const { stdout } = await run('java', [`-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(), 'org.apache.kafka.tools.TopicCommand', '--bootstrap-server', bootstrap, '--describe'], { maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const lines = stdout.split('\n');
  return { ms, topics: lines.filter((l) => l.startsWith('Topic:')).length, partitions: lines.filter((l) => l.startsWith('\tTopic:')).length };
}

/** JVM start-up alone, so the CLI's number can be read with and without it. */
async function jvmStartMs(): Promise<number> {
  const started = performance.now();
  await run('java', ['-cp', kafkaClasspath(), 'org.apache.kafka.tools.TopicCommand', '--version']);
  return performance.now() - started;
}

/** An admin port answering from memory: 10,000 topics, 100,000 partitions, one broker. */
function syntheticAdmin(topics: number, partitionsPerTopic: number): AdminPort {
  const names = Array.from({ length: topics }, (_, i) => `synthetic-${String(i).padStart(5, '0')}`);
  const metadata: ClusterMetadata = {
    clusterId: 'synthetic', controllerId: 1, brokers: [{ nodeId: 1, host: 'b', port: 1, rack: null }],
    topics: names.map((name, t) => ({ name, id: `id-${t}`, internal: false, partitions: Array.from({ length: partitionsPerTopic }, (_, partition) => ({ partition, leader: 1, leaderEpoch: 0, replicas: [1], isr: [1], offlineReplicas: [] })) })),
  };
  const unused = async () => { throw new Error('not used by the list'); };
  return {
    metadata: async () => metadata,
    offsets: async (requests) => new Map(requests.map((t, i) => [t.name, new Map(t.partitions.map((p) => [p.partition, i]))])),
    describeConfigs: async (resources) => new Map(resources.map((r) => [`${r.type}:${r.name}`, { configs: [
      { name: 'retention.ms', value: '604800000', source: 'DEFAULT_CONFIG' as const, readOnly: false, sensitive: false, synonyms: [] },
      { name: 'retention.bytes', value: '-1', source: 'DEFAULT_CONFIG' as const, readOnly: false, sensitive: false, synonyms: [] },
      { name: 'cleanup.policy', value: 'delete', source: 'DEFAULT_CONFIG' as const, readOnly: false, sensitive: false, synonyms: [] },
    ] }])),
    logDirs: async () => [{ broker: 1, error: null, logDirs: [{ path: '/d', error: null, totalBytes: 1, usableBytes: 1, replicas: metadata.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition, sizeBytes: 1024, offsetLag: 0, future: false }))) }] }],
    createTopic: unused, createPartitions: unused, alterConfigs: unused, deleteRecords: unused, deleteTopic: unused,
    describeQuorum: unused, describeAcls: unused, describeClientQuotas: unused, shareGroupOffsets: unused, close: async () => undefined,
  };
}

const noGroups = { listGroups: async () => [], committedOffsets: async () => new Map(), describeShareGroups: async () => new Map() } as unknown as KafkaPort;

async function syntheticRuns(topics: number, partitionsPerTopic: number, runs: number): Promise<{ coldMs: number; warmMs: number[]; bytes: number }> {
  const admin = syntheticAdmin(topics, partitionsPerTopic);
  const context = { admin, groups: () => noGroups, readers: new TopicReadersIndex(() => noGroups), rates: new ProduceRates(), registry: { versionsOrNone: async () => [] } };
  const service = new TopicsService(() => context);
  let started = performance.now();
  const first = await service.list();
  const coldMs = performance.now() - started;
  const bytes = Buffer.byteLength(JSON.stringify(first));
  const warmMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    await service.list();
    warmMs.push(performance.now() - started);
  }
  return { coldMs, warmMs, bytes };
}

export async function topicsBench(log: Log, options: TopicsBenchOptions): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = { topics: options.topics, partitions: options.partitions };
  log(`\n== Topic list: ${options.topics} topics / ${options.partitions} partitions on a broker of the bench's own`);
  const broker = await startBenchBroker();
  try {
    const createMs = await createTopics(broker.bootstrap, `bench-topic-${Date.now().toString(36)}`, options.topics, options.partitions, log);
    result.createSeconds = Math.round(createMs / 1000);
    result.brokerOpenFiles = broker.openFiles();
    log(`   created and led by the broker in ${(createMs / 1000).toFixed(0)} s; it holds ${broker.openFiles() ?? '?'} open files`);

    // The broker writes checkpoints for its new partitions for a while after it leads them; then one
    // untimed kafka-topics --describe, so neither tool pays for the broker's first DescribeConfigs
    // of 10,000 topics (its JIT; a cluster in service is warm).
    await new Promise((r) => setTimeout(r, 10_000));
    if (!options.skipCli) await kafkaTopicsDescribe(broker.bootstrap);
    const jvm = options.skipCli ? 0 : await jvmStartMs();
    const cold: number[] = [];
    const warm: number[] = [];
    const cli: Array<{ ms: number; topics: number; partitions: number }> = [];
    let rows = 0;
    let bytes = 0;
    let complete = true;
    // One run is noisy on a shared 2-core machine: a fresh Sluice per round, Kafka's tool right after it.
    for (let round = 0; round < options.rounds; round++) {
      // Cold: the built web-mode server (what `npm run serve` runs), freshly started, up and idle
      // (its monitor's first sweep done), opening the Topics page: a new admin client and no caches
      // (metadata, offsets, log dirs, every topic's configs, the groups reading each topic).
      const server = await startConsoleServer(broker.bootstrap);
      try {
        await server.value('cluster.describe');
        await server.value('groups.list');
        await new Promise((r) => setTimeout(r, 5_000));
        const timed = async () => {
          const started = performance.now();
          const response = await fetch(`${server.url}/rpc/topics.list`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: '{}' });
          const text = await response.text();
          const ms = performance.now() - started;
          const answer = JSON.parse(text) as { ok: boolean; value?: TopicList; error?: { message: string } };
          if (!answer.ok) throw new Error(`topics.list failed: ${answer.error?.message}`);
          return { ms, list: answer.value!, bytes: Buffer.byteLength(text) };
        };
        const first = await timed();
        cold.push(first.ms);
        rows = first.list.topics.length;
        bytes = first.bytes;
        complete &&= first.list.problems.length === 0 && first.list.topics.every((t) => t.sizeBytes !== null && t.retentionMs !== null && t.groupsReading !== null);
        for (let i = 0; i < options.runs; i++) warm.push((await timed()).ms);
      } finally {
        await server.stop();
      }
      if (!options.skipCli) cli.push(await kafkaTopicsDescribe(broker.bootstrap));
      log(`   round ${round + 1}: Sluice first complete list ${Math.round(cold[cold.length - 1]!)} ms${options.skipCli ? '' : `, kafka-topics --describe ${(cli[cli.length - 1]!.ms / 1000).toFixed(1)} s`}`);
    }
    result.sluice = { firstCompleteRunsMs: cold.map(Math.round), firstCompleteMedianMs: Math.round(median(cold)), complete, rows, answerBytes: bytes, warmRunsMs: warm.map(Math.round), warmMedianMs: Math.round(median(warm)) };
    log(`   Sluice topics.list (built web-mode server, HTTP): first complete list median ${Math.round(median(cold))} ms (rounds ${cold.map(Math.round).join(', ')}; ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB, every column answered: ${complete}); refreshes median ${Math.round(median(warm))} ms`);
    if (!options.skipCli) {
      const cliMedian = median(cli.map((c) => c.ms));
      result.kafkaTopicsDescribe = { runsMs: cli.map((c) => Math.round(c.ms)), medianMs: Math.round(cliMedian), jvmStartMs: Math.round(jvm), topics: cli[0]!.topics, partitions: cli[0]!.partitions };
      const ours = median(cold);
      log(`   kafka-topics --describe (every topic): median ${(cliMedian / 1000).toFixed(1)} s for ${cli[0]!.topics} topics / ${cli[0]!.partitions} partitions (~${(jvm / 1000).toFixed(1)} s of it JVM start): Sluice's first complete list ${(cliMedian / ours).toFixed(1)}× faster, ${((cliMedian - jvm) / ours).toFixed(1)}× without the JVM start`);
    }
  } finally {
    await broker.stop();
  }

  const partitionsPerTopic = 10;
  const synthetic = await syntheticRuns(10_000, partitionsPerTopic, options.runs);
  result.synthetic = { topics: 10_000, partitions: 10_000 * partitionsPerTopic, coldMs: Math.round(synthetic.coldMs), warmMedianMs: Math.round(median(synthetic.warmMs)), answerBytes: synthetic.bytes };
  log(`\n== Topic list assembly in main at 10,000 topics / 100,000 partitions (in-memory admin port: Sluice's own cost, no broker)`);
  log(`   first ${Math.round(synthetic.coldMs)} ms, then median ${Math.round(median(synthetic.warmMs))} ms; answer ${(synthetic.bytes / 1e6).toFixed(1)} MB`);
  return result;
}
