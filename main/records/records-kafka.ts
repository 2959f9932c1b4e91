// The records browser's own Kafka I/O, built from the active session's connection settings: it
// reads with Fetch by manual assignment (no consumer group, nothing ever committed), finds offsets
// with ListOffsets (log start, log end, by timestamp), reads a group's committed offsets, and
// produces one record. Kept apart from main/kafka's client so a scan's big fetches never queue
// behind (or in front of) the monitor's sweeps.
import { Admin, fetchV17, Producer } from '@platformatic/kafka';
import { AppFailure } from '../../shared/common/result';
import type { KafkaConnectionSettings } from '../kafka/kafka-port';
import { describeKafkaError } from '../kafka/platformatic-kafka';

/** Batch attribute bits (Kafka's record batch v2). */
type FetchResponsePartition = Awaited<ReturnType<typeof fetchV17.api.async>>['responses'][number]['partitions'][number];

const LOG_APPEND_TIME = 0x08;
const CONTROL_BATCH = 0x20;

export interface TopicLayout {
  topic: string;
  topicId: string;
  partitions: Array<{ partition: number; leader: number }>;
}

export interface FetchWant {
  partition: number;
  offset: number;
  maxBytes: number;
}

export interface FetchedRecord {
  offset: number;
  timestamp: number;
  timestampType: 'create' | 'log-append';
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<[Buffer | null, Buffer | null]>;
}

export interface FetchedPartition {
  partition: number;
  /** A Kafka error code (0 = none): 1 offset out of range, 6 not the leader… */
  errorCode: number;
  logStartOffset: number;
  highWatermark: number;
  records: FetchedRecord[];
  /** The offset after the last record (or control batch) returned: where to fetch next. */
  nextOffset: number | null;
}

type ClientOptions = ConstructorParameters<typeof Admin>[0];

export function clientOptions(settings: KafkaConnectionSettings, clientId: string): ClientOptions {
  const options: ClientOptions = {
    clientId, bootstrapBrokers: settings.bootstrapBrokers, connectTimeout: 5_000, requestTimeout: 30_000, timeout: 30_000, retries: 1, retryDelay: 250,
  };
  if (settings.tls.enabled) options.tls = { rejectUnauthorized: settings.tls.verifyServerCertificate, ...(settings.tls.caCertificate ? { ca: settings.tls.caCertificate } : {}) };
  if (settings.sasl.mechanism !== 'none') options.sasl = { mechanism: settings.sasl.mechanism, username: settings.sasl.username, password: settings.sasl.password ?? '' };
  return options;
}

/** Flattens one partition's batches into records at or after `from`, skipping transaction markers. */
export function recordsOf(p: FetchResponsePartition, from: number): { records: FetchedRecord[]; nextOffset: number | null } {
  const records: FetchedRecord[] = [];
  let nextOffset: number | null = null;
  for (const batch of p.records ?? []) {
    const first = Number(batch.firstOffset);
    nextOffset = first + batch.lastOffsetDelta + 1;
    if ((batch.attributes & CONTROL_BATCH) !== 0) continue;
    const logAppend = (batch.attributes & LOG_APPEND_TIME) !== 0;
    const firstTimestamp = Number(batch.firstTimestamp);
    for (const r of batch.records) {
      const offset = first + r.offsetDelta;
      // A fetch answers whole batches: the first may start before the offset asked for.
      if (offset < from) continue;
      records.push({
        offset,
        timestamp: logAppend ? Number(batch.maxTimestamp) : firstTimestamp + Number(r.timestampDelta),
        timestampType: logAppend ? 'log-append' : 'create',
        key: r.key ?? null,
        value: r.value ?? null,
        headers: r.headers,
      });
    }
  }
  return { records, nextOffset };
}

export class RecordsKafka {
  readonly #admin: Admin;
  #producer: Producer | null = null;
  readonly #bootstrap: string[];

  constructor(private readonly settings: KafkaConnectionSettings) {
    this.#admin = new Admin(clientOptions(settings, 'sluice-records'));
    this.#bootstrap = settings.bootstrapBrokers;
  }

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw describeKafkaError(error, this.#bootstrap);
    }
  }

  layout(topic: string, refresh = false): Promise<TopicLayout> {
    return this.#guard(async () => {
      const names = await this.#admin.listTopics({ includeInternals: true });
      if (!names.includes(topic)) throw new AppFailure('NOT_FOUND', `There is no topic "${topic}" on this cluster.`);
      const metadata = await this.#admin.metadata({ topics: [topic], forceUpdate: refresh });
      const found = metadata.topics.get(topic);
      if (!found) throw new AppFailure('NOT_FOUND', `There is no topic "${topic}" on this cluster.`);
      return { topic, topicId: found.id, partitions: found.partitions.map((p, partition) => ({ partition, leader: p.leader })) };
    });
  }

  /** Offsets per partition at a spec: -2 the log start, -1 the log end, else the first at or after a time (ms). */
  offsets(topic: string, partitions: number[], timestamp: -2 | -1 | number): Promise<Map<number, number>> {
    return this.#guard(async () => {
      const result = new Map<number, number>();
      if (partitions.length === 0) return result;
      const listed = await this.#admin.listOffsets({ topics: [{ name: topic, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp: BigInt(timestamp) })) }] } as Parameters<Admin['listOffsets']>[0]);
      for (const t of listed) for (const p of t.partitions) result.set(p.partitionIndex, Number(p.offset));
      return result;
    });
  }

  /** A group's committed offsets on one topic (partitions without a commit are left out). */
  committed(groupId: string, topic: string): Promise<Map<number, number>> {
    return this.#guard(async () => {
      const result = new Map<number, number>();
      const groups = await this.#admin.listConsumerGroupOffsets({ groups: [groupId] });
      for (const g of groups) for (const t of g.topics) {
        if (t.name !== topic) continue;
        for (const p of t.partitions) if (p.committedOffset >= 0n) result.set(p.partitionIndex, Number(p.committedOffset));
      }
      return result;
    });
  }

  /** One Fetch to one leader; read-uncommitted, so a browser sees what is in the log. */
  fetch(layout: TopicLayout, leader: number, wants: FetchWant[], options: { maxWaitMs: number; maxBytes: number }): Promise<FetchedPartition[]> {
    return this.#guard(async () => {
      const metadata = await this.#admin.metadata({ topics: [layout.topic] });
      const broker = metadata.brokers.get(leader);
      if (!broker) throw new AppFailure('KAFKA_ERROR', `Broker ${leader}, the leader of ${layout.topic}, is not in the cluster metadata.`);
      const connection = await this.#admin.connections.get(broker);
      const partitions = wants.map((w) => ({ partition: w.partition, currentLeaderEpoch: -1, fetchOffset: BigInt(w.offset), lastFetchedEpoch: -1, partitionMaxBytes: w.maxBytes }));
      const response = await fetchV17.api.async(connection, options.maxWaitMs, 1, options.maxBytes, 0, 0, -1, [{ topicId: layout.topicId, partitions }], [], '')
        .catch((error: unknown) => {
          // A partition-level error fails the parse; its answer still carries every partition.
          const partial = (error as { response?: Awaited<ReturnType<typeof fetchV17.api.async>> }).response;
          if (partial) return partial;
          throw error;
        });
      const from = new Map(wants.map((w) => [w.partition, w.offset]));
      return response.responses.flatMap((t) => t.partitions.map((p) => {
        const { records, nextOffset } = recordsOf(p, from.get(p.partitionIndex) ?? 0);
        return { partition: p.partitionIndex, errorCode: p.errorCode, logStartOffset: Number(p.logStartOffset), highWatermark: Number(p.highWatermark), records, nextOffset };
      }));
    });
  }

  /** Sends one record and waits for every in-sync replica; answers where it landed. */
  produce(record: { topic: string; partition?: number; key: Buffer | null; value: Buffer | null; headers: Array<[string, Buffer]> }): Promise<{ partition: number; offset: number }> {
    return this.#guard(async () => {
      this.#producer ??= new Producer({ ...clientOptions(this.settings, 'sluice-records-producer'), acks: -1, idempotent: false });
      const result = await this.#producer.send({
        messages: [{
          topic: record.topic, ...(record.partition === undefined ? {} : { partition: record.partition }),
          ...(record.key ? { key: record.key } : {}), ...(record.value ? { value: record.value } : {}),
          headers: new Map(record.headers.map(([k, v]) => [Buffer.from(k), v])),
        }],
      });
      const landed = result.offsets?.[0];
      if (!landed) throw new AppFailure('KAFKA_ERROR', 'The broker did not say where the record landed.');
      return { partition: landed.partition, offset: Number(landed.offset) };
    });
  }

  async close(): Promise<void> {
    await Promise.all([this.#admin.close().catch(() => undefined), this.#producer?.close().catch(() => undefined)]);
  }
}
