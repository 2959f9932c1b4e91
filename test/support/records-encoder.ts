// An encoder independent of the one Sluice decodes with, for the records tests: schemas are
// registered over the registry's REST API, values encoded with avsc's own Type (not through
// @kafkajs/confluent-schema-registry), protobufjs 8 (the library bundles protobufjs 7) and
// JSON.stringify, and framed in the wire format by hand (magic 0, 4-byte id, Protobuf message
// indexes as zig-zag varints). Records go out with @platformatic/kafka's producer as raw bytes.
// Until the demo's Java encoder (Apicurio's serdes) lands in test/support, this is the peer.
import avro from 'avsc';
import protobuf from 'protobufjs';
import { Admin, Producer } from '@platformatic/kafka';
import { testBrokers, testRegistryUrl } from './brokers';

export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

export interface EncodedRecords {
  topic: string;
  subject: string;
  schemaType: SchemaType;
  schema: string;
  /** For Protobuf: the message to write, by name (its indexes are written as the wire format says). */
  messageType?: string;
  values: unknown[];
  keys?: Array<string | null>;
  partition?: number;
  timestamps?: number[];
  headers?: Record<string, string>;
}

export async function registerSchema(subject: string, schemaType: SchemaType, schema: string): Promise<number> {
  const response = await fetch(`${testRegistryUrl}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST', headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' }, body: JSON.stringify({ schemaType, schema }),
  });
  const body = (await response.json()) as { id?: number; message?: string };
  if (!response.ok || typeof body.id !== 'number') throw new Error(`register ${subject}: ${response.status} ${body.message}`);
  return body.id;
}

export async function deleteSubjects(subjects: string[]): Promise<void> {
  for (const subject of subjects) {
    await fetch(`${testRegistryUrl}/subjects/${encodeURIComponent(subject)}`, { method: 'DELETE' }).catch(() => undefined);
    await fetch(`${testRegistryUrl}/subjects/${encodeURIComponent(subject)}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
  }
}

function zigzag(value: number, out: number[]) {
  let n = ((value << 1) ^ (value >> 31)) >>> 0;
  while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
  out.push(n);
}

/** Magic byte, id, and for Protobuf the message indexes in full (count then indexes, never the [0] shorthand). */
export function frame(id: number, payload: Uint8Array, messageIndexes?: number[]): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(0, 0);
  head.writeInt32BE(id, 1);
  const indexes: number[] = [];
  if (messageIndexes) { zigzag(messageIndexes.length, indexes); for (const i of messageIndexes) zigzag(i, indexes); }
  return Buffer.concat([head, Buffer.from(indexes), Buffer.from(payload)]);
}

/** The index path of a message in a .proto file: top-level position, then nested positions. */
function indexPath(root: protobuf.Root, fullName: string): number[] {
  const type = root.lookupType(fullName);
  const path: number[] = [];
  let node: protobuf.ReflectionObject = type;
  while (node.parent && node instanceof protobuf.Type) {
    const siblings = (node.parent as protobuf.Namespace).nestedArray.filter((n) => n instanceof protobuf.Type);
    path.unshift(siblings.indexOf(node));
    node = node.parent;
  }
  return path;
}

export function encodeValues(id: number, schemaType: SchemaType, schema: string, values: unknown[], messageType?: string): Buffer[] {
  if (schemaType === 'AVRO') {
    const type = avro.Type.forSchema(JSON.parse(schema) as avro.Schema);
    return values.map((v) => frame(id, type.toBuffer(v)));
  }
  if (schemaType === 'JSON') return values.map((v) => frame(id, Buffer.from(JSON.stringify(v))));
  const root = protobuf.parse(schema).root;
  const name = messageType ?? root.nestedArray[0]!.name;
  const type = root.lookupType(name);
  const path = indexPath(root, name);
  return values.map((v) => frame(id, type.encode(type.fromObject(v as Record<string, unknown>)).finish(), path));
}

export async function createTopic(topic: string, partitions: number): Promise<void> {
  const admin = new Admin({ clientId: 'records-test', bootstrapBrokers: testBrokers.split(',') });
  try {
    await admin.createTopics({ topics: [topic], partitions, replicas: 1 });
  } finally {
    await admin.close();
  }
}

export async function produceRaw(topic: string, records: Array<{ key: Buffer | null; value: Buffer | null; partition?: number; timestamp?: number; headers?: Record<string, string> }>): Promise<Array<{ partition: number; offset: number }>> {
  const producer = new Producer({ clientId: 'records-test', bootstrapBrokers: testBrokers.split(','), acks: -1 });
  try {
    const landed: Array<{ partition: number; offset: number }> = [];
    for (const r of records) {
      const result = await producer.send({
        messages: [{
          topic, ...(r.key ? { key: r.key } : {}), ...(r.value ? { value: r.value } : {}), ...(r.partition === undefined ? {} : { partition: r.partition }),
          ...(r.timestamp === undefined ? {} : { timestamp: BigInt(r.timestamp) }),
          headers: new Map(Object.entries(r.headers ?? {}).map(([k, v]) => [Buffer.from(k), Buffer.from(v)])),
        }],
      });
      const at = result.offsets![0]!;
      landed.push({ partition: at.partition, offset: Number(at.offset) });
    }
    return landed;
  } finally {
    await producer.close();
  }
}

/** Registers the schema, encodes every value independently, and produces them; answers the schema id. */
export async function produceEncoded(options: EncodedRecords): Promise<{ schemaId: number; landed: Array<{ partition: number; offset: number }> }> {
  const schemaId = await registerSchema(options.subject, options.schemaType, options.schema);
  const encoded = encodeValues(schemaId, options.schemaType, options.schema, options.values, options.messageType);
  const landed = await produceRaw(options.topic, encoded.map((value, i) => ({
    key: options.keys?.[i] ? Buffer.from(options.keys[i]!) : null, value, partition: options.partition, timestamp: options.timestamps?.[i], headers: options.headers,
  })));
  return { schemaId, landed };
}
