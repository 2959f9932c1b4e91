// Kafka's own ConsumerGroupCommand as the reference peer: run it and parse its tables.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { kafkaClasspath, paths } from '../../sandbox/paths';
import { testBrokers } from './brokers';

const run = promisify(execFile);

export async function consumerGroupCommand(...args: string[]): Promise<string> {
  const { stdout } = await run('java', [
    `-Dlog4j2.configurationFile=${paths.toolsLog4j}`,
    '-cp', kafkaClasspath(),
    'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
    '--bootstrap-server', testBrokers,
    ...args,
  ], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * Parses the whitespace-aligned tables the command prints: each block starts with a header line
 * beginning with GROUP. "COORDINATOR (ID)" is the one header (and value) that contains a space.
 */
export function parseTables(output: string): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  let header: string[] | null = null;
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('GROUP ')) {
      header = line.replace('COORDINATOR (ID)', 'COORDINATOR').split(/\s+/);
      continue;
    }
    if (!header) continue;
    const values = line.replace(/(\S+:\d+)\s+\((\d+)\)/, '$1($2)').split(/\s+/);
    const row: Record<string, string> = {};
    header.forEach((column, i) => { row[column] = values[i] ?? ''; });
    rows.push(row);
  }
  return rows;
}

/** "payments:0,1;orders:3" or "-" → sorted [{topic, partitions}] */
export function parseCliAssignment(text: string): Array<{ topic: string; partitions: number[] }> {
  if (!text || text === '-') return [];
  return text.split(';').map((part) => {
    const [topic, list] = part.split(':') as [string, string];
    return { topic, partitions: list.split(',').filter(Boolean).map(Number).sort((a, b) => a - b) };
  }).sort((a, b) => a.topic.localeCompare(b.topic));
}

/** Removes what a test created, with Kafka's own tools; best effort, never fails the test. */
export async function deleteTestArtifacts(groups: string[], topics: string[]): Promise<void> {
  const common = [`-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath()];
  await run('java', [...common, 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', '--bootstrap-server', testBrokers, '--delete', ...groups.flatMap((g) => ['--group', g])]).catch(() => undefined);
  if (topics.length > 0) {
    await run('java', [...common, 'org.apache.kafka.tools.TopicCommand', '--bootstrap-server', testBrokers, '--delete', '--topic', topics.join(',')]).catch(() => undefined);
  }
}
