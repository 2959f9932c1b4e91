// Registry-encoded records for tests, written by an encoder that is not Sluice's: the sandbox's
// Java clients (`produceEncoded` in sandbox/clients/SandboxClients.java: Apicurio's Kafka
// serializers for Avro and JSON Schema, protobuf-java for Protobuf, all in the Confluent wire
// format). A test that decodes these with Sluice checks Sluice against an independent encoder.
// Also: the raw records of a topic, read back with a plain @platformatic/kafka Consumer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Consumer, type Message } from '@platformatic/kafka';
import { runClients } from '../../sandbox/sandbox-clients';
import { testBrokers, testRegistryUrl, uniqueSuffix } from './brokers';

export type EncodedFormat = 'avro' | 'json' | 'protobuf';

export interface EncodedRecord {
  /** Written as UTF-8 (no key schema); null or left out for no key. */
  key?: string | null;
  /**
   * Plain JSON, turned into the format's data by the encoder: an Avro union takes the value itself
   * (not {"string": …}), a timestamp-millis takes epoch millis or an ISO-8601 string; Protobuf
   * takes proto3 JSON (int64 as a number or a string); JSON Schema is validated against the schema.
   */
  value: unknown;
  /** Header values are written as UTF-8, e.g. { 'idempotency-key': '…' }. */
  headers?: Record<string, string>;
  /** Round-robin over the topic's partitions when left out (record i goes to i % partitions). */
  partition?: number;
}

export interface ProduceEncodedOptions {
  topic: string;
  /** The registry subject the schema is looked up under, and registered under when it is not there. */
  subject: string;
  format: EncodedFormat;
  /** The schema text: .avsc JSON, a JSON Schema, or .proto source. */
  schema: string;
  records: EncodedRecord[];
  /** Creates the topic with this many partitions when it does not exist yet (default 1). */
  partitions?: number;
  /** Protobuf: the top-level message to write (default the first; message indexes follow it). */
  message?: string;
  brokers?: string;
  /** The registry's Confluent API; the tests' registry by default. */
  registryUrl?: string;
}

export interface ProducedEncoded {
  /** The registry's id for the schema under the subject: the id every record carries after magic byte 0. */
  schemaId: number;
  version: number;
  count: number;
}

/**
 * Writes `records` to `topic` in the Confluent wire format (magic byte 0, 4-byte big-endian schema
 * id, for Protobuf the message indexes, then the payload), registering `schema` under `subject`
 * in the registry's Confluent API first if it is not there. Resolves once every record is
 * acknowledged by the broker. Throws with the encoder's own message when a value does not fit the
 * schema or the registry refuses the schema (say, an incompatible change under the subject's level).
 *
 *   const { schemaId } = await produceEncoded({ topic, subject: `${topic}-value`, format: 'avro',
 *     schema: fs.readFileSync(avscFile, 'utf8'), records: [{ key: 'PAY-1', value: { payId: 'PAY-1', … },
 *     headers: { 'idempotency-key': 'k-1' } }] });
 */
export async function produceEncoded(options: ProduceEncodedOptions): Promise<ProducedEncoded> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-encoded-'));
  try {
    const schemaFile = path.join(dir, { avro: 'schema.avsc', json: 'schema.json', protobuf: 'schema.proto' }[options.format]);
    const recordsFile = path.join(dir, 'records.jsonl');
    fs.writeFileSync(schemaFile, options.schema);
    fs.writeFileSync(recordsFile, options.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    for (const [what, value] of [['topic', options.topic], ['subject', options.subject], ['message', options.message ?? '']] as const) {
      if (/\s/.test(value)) throw new Error(`The ${what} "${value}" has white space, which the clients' spec cannot carry.`);
    }
    const spec = [
      `topic name=${options.topic} partitions=${options.partitions ?? 1}`,
      `produceEncoded topic=${options.topic} subject=${options.subject} format=${options.format} schema=${schemaFile} records=${recordsFile}${options.message ? ` message=${options.message}` : ''}`,
    ].join('\n');
    const clients = await runClients(spec, { brokers: options.brokers ?? testBrokers, registryUrl: options.registryUrl ?? testRegistryUrl });
    const output = clients.output();
    await clients.stop();
    const line = output.split('\n').find((l) => l.startsWith(`ENCODED topic=${options.topic} `));
    const id = /\bid=(\d+)/.exec(line ?? '');
    const version = /\bversion=(\d+)/.exec(line ?? '');
    const count = /\bcount=(\d+)/.exec(line ?? '');
    if (!id || !version || !count) throw new Error(`The encoder did not report what it wrote: ${output}`);
    return { schemaId: Number(id[1]), version: Number(version[1]), count: Number(count[1]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface RawRecord {
  partition: number;
  offset: bigint;
  key: Buffer | null;
  value: Buffer | null;
  /** Header values as UTF-8 text. */
  headers: Record<string, string>;
  timestamp: bigint;
}

/**
 * Reads `count` records of a topic from the beginning as bytes, with a plain @platformatic/kafka
 * Consumer (a throwaway group that commits nothing), sorted by partition and offset.
 */
export async function readRawRecords(topic: string, count: number, options: { brokers?: string; timeoutMs?: number } = {}): Promise<RawRecord[]> {
  const consumer = new Consumer({ clientId: 'sluice-test-raw-reader', groupId: `sluice-test-raw-${uniqueSuffix()}`, bootstrapBrokers: [options.brokers ?? testBrokers], autocommit: false, maxWaitTime: 200 });
  const records: RawRecord[] = [];
  try {
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false });
    const timer = setTimeout(() => void stream.close(), options.timeoutMs ?? 60_000);
    try {
      for await (const message of stream as AsyncIterable<Message<Buffer, Buffer, Buffer, Buffer>>) {
        records.push({
          partition: message.partition, offset: message.offset, timestamp: message.timestamp,
          key: message.key && message.key.length > 0 ? message.key : null,
          value: message.value ?? null,
          headers: Object.fromEntries([...message.headers].map(([k, v]) => [k.toString('utf8'), v.toString('utf8')])),
        });
        if (records.length >= count) break;
      }
    } finally {
      clearTimeout(timer);
      await stream.close().catch(() => undefined);
    }
  } finally {
    await consumer.close(true).catch(() => undefined);
  }
  if (records.length < count) throw new Error(`Read ${records.length} of ${count} records from ${topic} before the time ran out.`);
  return records.sort((a, b) => a.partition - b.partition || Number(a.offset - b.offset));
}

/** The Confluent wire format's header of a value: magic byte and schema id (null when it has none). */
export function wireHeader(value: Buffer | null): { magic: number; schemaId: number } | null {
  if (!value || value.length < 5) return null;
  return { magic: value[0]!, schemaId: value.readInt32BE(1) };
}

/** Deletes test subjects from the registry, soft then permanently; best effort. */
export async function deleteSubjects(subjects: string[], registryUrl = testRegistryUrl): Promise<void> {
  for (const subject of subjects) {
    const url = `${registryUrl}/subjects/${encodeURIComponent(subject)}`;
    await fetch(url, { method: 'DELETE' }).catch(() => undefined);
    await fetch(`${url}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
  }
}
