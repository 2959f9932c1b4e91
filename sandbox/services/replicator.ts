// Applies ledger events to the target database. Idempotent: the source is INSERT-only, so an event
// is an insert that does nothing when the row is already there (a redelivery or a duplicate
// publication). Each row records the path that wrote it and the source commit time. A record that
// cannot be applied goes to a dead-letter table and the pipeline moves on.
import type { Message } from '@platformatic/kafka';
import { EventConsumer } from './event-consumer';
import { columnsOf, isReplicatedTable, keyOf, type ReplicatedTable } from './ledger-schema';
import type { LedgerEvent } from './ledger-store';
import { formatTimestamp, placeholders, type Row, type Sql } from './sql';

export interface ReplicatorOptions {
  brokers: string[];
  topic: string;
  groupId: string;
  log: (line: string) => void;
}

export function parseLedgerEvent(value: string | undefined): LedgerEvent {
  const event = JSON.parse(value ?? '') as Partial<LedgerEvent>;
  if (!event || !isReplicatedTable(event.table) || typeof event.row !== 'object' || event.row === null) throw new Error('not a ledger event (table or row missing)');
  if (typeof event.row[keyOf(event.table)] !== 'string') throw new Error(`the ${event.table} row has no ${keyOf(event.table)}`);
  return event as LedgerEvent;
}

/** The statement that writes a row into the target through a given path; shared with reconcile. */
export function insertTargetRow(table: ReplicatedTable, row: Row, writtenBy: 'replication' | 'reconcile', committedAt: string | null) {
  const columns = [...columnsOf(table), '_written_by', '_source_committed_at'];
  const values = [...columnsOf(table).map((c) => row[c] ?? null), writtenBy, committedAt];
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)}) ON CONFLICT (${keyOf(table)}) DO NOTHING`,
    params: values,
  };
}

export class Replicator {
  private consumer: EventConsumer;
  private delayedUntil = 0;
  applied = 0;

  constructor(private readonly target: Sql, private readonly options: ReplicatorOptions) {
    this.consumer = new EventConsumer({ ...options, clientId: 'ledger-replicator', handle: (message) => this.apply(message) });
  }

  start = () => this.consumer.start();
  close = () => this.consumer.close();

  /** Fault injection: the replicator stalls until `until`; its lag grows, events wait. */
  delay(until: number): void {
    this.delayedUntil = until;
  }

  private async apply(message: Message<string, string, string, string>): Promise<void> {
    while (Date.now() < this.delayedUntil) await new Promise((resolve) => setTimeout(resolve, Math.min(250, this.delayedUntil - Date.now())));
    let event: LedgerEvent;
    try {
      event = parseLedgerEvent(message.value);
    } catch (error) {
      await this.deadLetter(message, error instanceof Error ? error.message : String(error));
      return;
    }
    const { sql, params } = insertTargetRow(event.table, event.row, 'replication', event.committedAt);
    try {
      await this.target.query(sql, params);
      this.applied++;
    } catch (error) {
      await this.deadLetter(message, error instanceof Error ? error.message : String(error));
    }
  }

  private async deadLetter(message: Message<string, string, string, string>, reason: string) {
    this.options.log(`replicator: dead-lettered ${message.topic}-${message.partition}@${message.offset}: ${reason}`);
    await this.target.query('INSERT INTO replication_dead_letters (topic, kafka_partition, kafka_offset, reason, payload, received_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [message.topic, message.partition, String(message.offset), reason, (message.value ?? '').slice(0, 10_000), formatTimestamp(Date.now())]);
  }
}
