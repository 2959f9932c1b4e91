// Kafka's own tools as the reference peers for topics, configs, offsets and the quorum: run each
// against the test broker and parse what it prints (kafka-topics, kafka-configs, kafka-get-offsets,
// kafka-metadata-quorum).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { kafkaClasspath, paths } from '../../sandbox/paths';
import { testBrokers } from './brokers';

const run = promisify(execFile);

export const tools = {
  topics: 'org.apache.kafka.tools.TopicCommand',
  configs: 'kafka.admin.ConfigCommand',
  offsets: 'org.apache.kafka.tools.GetOffsetShell',
  quorum: 'org.apache.kafka.tools.MetadataQuorumCommand',
} as const;

export async function kafkaTool(tool: keyof typeof tools, ...args: string[]): Promise<string> {
  const { stdout } = await run('java', [
    `-Dlog4j2.configurationFile=${paths.toolsLog4j}`, '-cp', kafkaClasspath(), tools[tool], '--bootstrap-server', testBrokers, ...args,
  ], { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

export interface CliTopic {
  topic: string;
  partitionCount: number;
  replicationFactor: number;
  /** "Configs:" of the topic line: every config not at Kafka's default. */
  configs: Record<string, string>;
  partitions: Array<{ partition: number; leader: number | null; replicas: number[]; isr: number[] }>;
}

const fields = (line: string) => Object.fromEntries(line.trim().split('\t').map((part) => {
  const at = part.indexOf(':');
  return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
}));
const ids = (text: string | undefined) => (text ? text.split(',').filter(Boolean).map(Number) : []);

/** kafka-topics --describe: a topic line, then a tab-indented line per partition. */
export function parseTopicsDescribe(output: string): CliTopic[] {
  const topics: CliTopic[] = [];
  for (const line of output.split('\n')) {
    if (line.startsWith('Topic:')) {
      const f = fields(line);
      // Config values may contain commas (cleanup.policy=compact,delete): split only before a name=.
      const configs = Object.fromEntries((f.Configs ?? '').split(/,(?=[a-z0-9.]+=)/).filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
      topics.push({ topic: f.Topic!, partitionCount: Number(f.PartitionCount), replicationFactor: Number(f.ReplicationFactor), configs, partitions: [] });
    } else if (line.startsWith('\tTopic:')) {
      const f = fields(line);
      topics[topics.length - 1]!.partitions.push({ partition: Number(f.Partition), leader: f.Leader === 'none' ? null : Number(f.Leader), replicas: ids(f.Replicas), isr: ids(f.Isr) });
    }
  }
  return topics;
}

export interface CliConfig { name: string; value: string; sensitive: boolean; source: string | null }

/** kafka-configs --describe --all: `  name=value sensitive=false synonyms={SOURCE:name=value, …}`; the first synonym is the effective source. */
export function parseConfigsDescribe(output: string): CliConfig[] {
  return output.split('\n').flatMap((line) => {
    const m = /^ {2}([^=\s]+)=(.*) sensitive=(true|false) synonyms=\{(.*)\}$/.exec(line);
    if (!m) return [];
    const source = /^([A-Z_]+):/.exec(m[4]!)?.[1] ?? null;
    return [{ name: m[1]!, value: m[2]!, sensitive: m[3] === 'true', source }];
  });
}

/** kafka-get-offsets: `topic:partition:offset` per line. */
export function parseOffsets(output: string): Map<number, number> {
  return new Map(output.split('\n').filter(Boolean).map((line) => {
    const parts = line.split(':');
    return [Number(parts[parts.length - 2]), Number(parts[parts.length - 1])] as const;
  }));
}

/** kafka-metadata-quorum describe --status: `Key:   value` lines. */
export function parseQuorumStatus(output: string): Record<string, string> {
  return Object.fromEntries(output.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}
