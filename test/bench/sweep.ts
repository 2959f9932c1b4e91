// Sluice's full sweep (list + state + lag of every group) against Kafka's own ConsumerGroupCommand
// answering the same question, on the same broker, in the same run.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { partitionKey } from '../../shared/kafka/groups';
import { PlatformaticKafka } from '../../main/kafka/platformatic-kafka';
import { sweepGroups } from '../../main/kafka/monitor/sweep';
import { kafkaClasspath, paths } from '../../sandbox/paths';

const run = promisify(execFile);

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function sluiceSweep(brokers: string, runs: number): Promise<{ times: number[]; groups: number; partitions: number }> {
  const kafka = new PlatformaticKafka({ bootstrapBrokers: [brokers], tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '', password: null } }, 'sluice-bench');
  const times: number[] = [];
  let groups = 0;
  let partitions = 0;
  try {
    await sweepGroups(kafka); // warm-up: connections, metadata, JIT
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const sweep = await sweepGroups(kafka);
      // Lag of every group, as the console computes it.
      let lagged = 0;
      for (const g of sweep.groups) {
        for (const o of g.committed ?? []) {
          const end = sweep.logEnds.get(partitionKey(o.topic, o.partition));
          if (end !== undefined) lagged += Math.max(0, end - o.offset) >= 0 ? 1 : 0;
        }
      }
      times.push(performance.now() - started);
      groups = sweep.groups.length;
      partitions = lagged;
    }
  } finally {
    await kafka.close();
  }
  return { times, groups, partitions };
}

export async function kafkaCliSweep(brokers: string, timeoutMs: number): Promise<{ ms: number; rows: number; timedOut: boolean }> {
  const started = performance.now();
  try {
    const { stdout } = await run('java', [
      `-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(),
      'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', '--bootstrap-server', brokers,
      '--describe', '--all-groups', '--offsets', '--timeout', String(timeoutMs),
    ], { maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs });
    const rows = stdout.split('\n').filter((l) => l.trim() && !l.startsWith('GROUP')).length;
    return { ms: performance.now() - started, rows, timedOut: false };
  } catch (error) {
    const killed = (error as { killed?: boolean }).killed ?? false;
    if (!killed) throw error;
    return { ms: performance.now() - started, rows: 0, timedOut: true };
  }
}
