// Sends outbox rows to Kafka in outbox order, with the event's idempotency key in a header, and
// records each publication (topic, partition, offset) as a new row: the outbox itself is never
// updated. A publication is recorded only after the broker acknowledged it, so a crash between the
// two publishes the event again: at-least-once, which is what idempotency keys are for.
import { Producer, stringSerializers } from '@platformatic/kafka';
import { formatTimestamp, type Row, type Sql } from './sql';

export interface PublisherOptions {
  brokers: string[];
  topic: string;
  partitions: number;
  intervalMs?: number;
  batchSize?: number;
  log: (line: string) => void;
}

/** The partition of a row key: stable, so one payment's events stay in order on one partition. */
export function partitionFor(key: string, partitions: number): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % partitions;
}

export class OutboxPublisher {
  private producer: Producer<string, string, string, string>;
  private timer: NodeJS.Timeout | null = null;
  private pausedUntil = 0;
  private running: Promise<void> | null = null;
  private closed = false;
  /** Outbox rows at or below this sequence number were all seen published by a full scan. */
  private scannedUpTo = 0;
  private lastFullScan = 0;

  constructor(private readonly db: Sql, private readonly options: PublisherOptions) {
    this.producer = new Producer({ clientId: 'ledger-outbox-publisher', bootstrapBrokers: options.brokers, serializers: stringSerializers, idempotent: true, acks: -1 });
  }

  start(): void {
    const tick = () => {
      if (this.closed) return;
      this.running = this.publishPending().then(() => undefined, (error: unknown) => this.options.log(`Outbox publisher: ${String(error)}`))
        .finally(() => { if (!this.closed) this.timer = setTimeout(tick, this.options.intervalMs ?? 200); });
    };
    tick();
  }

  /** Fault injection: the publisher stops sending until `until`; the outbox keeps growing. */
  pause(until: number): void {
    this.pausedUntil = until;
  }

  get state(): 'running' | 'stopped' {
    return Date.now() < this.pausedUntil ? 'stopped' : 'running';
  }

  async publishPending(): Promise<number> {
    if (this.state === 'stopped') return 0;
    // Each tick looks only past a watermark, so its cost does not grow with the outbox. Sequence
    // numbers are handed out before commit, so a slow transaction can commit a lower number after
    // a higher one was published: the watermark trails by a margin, and a full scan runs every
    // minute for anything older.
    const full = Date.now() - this.lastFullScan > 60_000;
    const from = full ? 0 : Math.max(0, this.scannedUpTo - 1000);
    const [newest] = await this.db.query('SELECT MAX(seq) AS seq FROM outbox');
    const pending = await this.db.query(`SELECT o.seq, o.event_id, o.idempotency_key, o.row_key, o.event_type, o.payload FROM outbox o
      WHERE o.seq > $1 AND NOT EXISTS (SELECT 1 FROM outbox_publications p WHERE p.event_id = o.event_id) ORDER BY o.seq LIMIT ${this.options.batchSize ?? 500}`, [from]);
    if (full) this.lastFullScan = Date.now();
    if (pending.length > 0) await this.publish(pending);
    // Every unpublished row up to the last one returned was returned; a short batch saw them all.
    const batchSize = this.options.batchSize ?? 500;
    this.scannedUpTo = pending.length < batchSize ? Number(newest?.seq ?? 0) : Number(pending[pending.length - 1]!.seq);
    return pending.length;
  }

  /** Publishes rows (again, for the duplicate-publication fault) and records where each landed. */
  async publish(rows: Row[]): Promise<void> {
    const byPartition = new Map<number, Row[]>();
    for (const row of rows) {
      const partition = partitionFor(row.row_key!, this.options.partitions);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), row]);
    }
    // One send per partition, so the batch's base offset plus the position is each record's offset.
    await Promise.all([...byPartition].map(async ([partition, batch]) => {
      const result = await this.producer.send({
        messages: batch.map((row) => ({
          topic: this.options.topic, partition, key: row.row_key!, value: row.payload!,
          headers: { 'idempotency-key': row.idempotency_key!, 'event-type': row.event_type! },
        })),
      });
      const base = result.offsets?.find((o) => o.partition === partition)?.offset;
      if (base === undefined) throw new Error(`The broker did not report an offset for partition ${partition}`);
      const publishedAt = formatTimestamp(Date.now());
      await this.db.transaction(async (tx) => {
        for (const [index, row] of batch.entries()) {
          await tx.query('INSERT INTO outbox_publications (event_id, idempotency_key, topic, kafka_partition, kafka_offset, published_at) VALUES ($1, $2, $3, $4, $5, $6)',
            [row.event_id, row.idempotency_key, this.options.topic, partition, String(BigInt(base) + BigInt(index)), publishedAt]);
        }
      });
    }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.producer.close();
  }
}
