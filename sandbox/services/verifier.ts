// The delayed verifier (DOMAIN.md §3): a second consumer group on the replicator's topic that holds
// each event until it is `delayMs` old, compares the target row with the event, and re-queries the
// source before raising anything, because a later change can make a comparison look wrong. Open
// mismatches climb the recovery ladder: an automatic re-check after `retryAfterMs`, then the
// long-term batch after `batchAfterMs`, then manual (reconcile from the console).
import type { Message } from '@platformatic/kafka';
import { EventConsumer } from './event-consumer';
import { keyOf, type ReplicatedTable } from './ledger-schema';
import { statusOf, type EventCoordinates, type MismatchRecord, type MismatchStore, type ReplicatorOffsets } from './mismatch-store';
import { parseLedgerEvent } from './replicator';
import { diffRows, readRow } from './row-diff';
import { scanForDifferences } from './table-scan';
import { formatTimestamp, type Sql } from './sql';

export interface VerifierOptions {
  brokers: string[];
  topic: string;
  groupId: string;
  delayMs: number;
  retryAfterMs: number;
  batchAfterMs: number;
  log: (line: string) => void;
  replicatorOffsets: () => Promise<ReplicatorOffsets>;
  /** How often the long-term batch compares whole tables; 0 turns it off. */
  scanIntervalMs?: number;
}

export class Verifier {
  private consumer: EventConsumer;
  private stoppedUntil = 0;
  private ladderTimer: NodeJS.Timeout | null = null;
  private ladderRun: Promise<void> | null = null;
  private closed = false;
  private scanTimer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  verified = 0;

  constructor(private readonly source: Sql, private readonly target: Sql, private readonly mismatches: MismatchStore, private readonly options: VerifierOptions) {
    this.consumer = new EventConsumer({ ...options, clientId: 'ledger-verifier', handle: (message) => this.onEvent(message) });
  }

  async start(): Promise<void> {
    await this.consumer.start();
    const tick = () => {
      if (this.closed) return;
      this.ladderRun = this.climbLadder().catch((error: unknown) => this.options.log(`verifier ladder: ${String(error)}`))
        .finally(() => { if (!this.closed) this.ladderTimer = setTimeout(tick, 1000); });
    };
    tick();
    if (this.options.scanIntervalMs) {
      this.scanTimer = setInterval(() => {
        if (this.scanning) return;
        this.scanning = this.scanTables().catch((error: unknown) => this.options.log(`table scan: ${String(error)}`)).then(() => undefined).finally(() => { this.scanning = null; });
      }, this.options.scanIntervalMs);
    }
  }

  /**
   * The long-term batch's table scan (DOMAIN.md §4): compares whole tables, so it finds what no event
   * points at — a target row the source never had, or a row changed after it was verified. Rows
   * younger than the verifier delay are left to the event path. Returns the differences raised.
   */
  async scanTables(): Promise<number> {
    const settledBefore = formatTimestamp(Date.now() - Math.max(this.options.delayMs, 5_000));
    return scanForDifferences(this.source, this.target, settledBefore, async (table, key, difference) => {
      const event = difference.kind === 'extra' ? null : await this.eventFor(table, key);
      if (difference.kind !== 'extra' && !event) return false; // never published: outbox health reports it
      await this.mismatches.raise(table, keyOf(table), key, difference, event, Date.now() + this.options.retryAfterMs, false, `${difference.kind}, found by the table scan`);
      this.options.log(`table scan: ${difference.kind} ${table} ${key}`);
      return true;
    });
  }

  /** The publication that carried a row, from the source's record of publications. */
  private async eventFor(table: ReplicatedTable, key: string): Promise<EventCoordinates | null> {
    const [publication] = await this.source.query(`SELECT p.topic, p.kafka_partition, p.kafka_offset, p.published_at FROM outbox o
      JOIN outbox_publications p ON p.event_id = o.event_id WHERE o.table_name = $1 AND o.row_key = $2 ORDER BY p.publication_id LIMIT 1`, [table, key]);
    return publication ? { topic: publication.topic!, partition: Number(publication.kafka_partition), offset: publication.kafka_offset!, timestamp: publication.published_at!, operation: 'insert' } : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
    await this.scanning;
    if (this.ladderTimer) clearTimeout(this.ladderTimer);
    await this.ladderRun;
    await this.consumer.close();
  }

  /** Fault injection: the verifier stops consuming until `until`; its lag grows. */
  stop(until: number): void {
    this.stoppedUntil = until;
  }

  get state(): 'running' | 'stopped' {
    return Date.now() < this.stoppedUntil ? 'stopped' : 'running';
  }

  private async onEvent(message: Message<string, string, string, string>): Promise<void> {
    const dueAt = Number(message.timestamp) + this.options.delayMs;
    while (!this.closed && (Date.now() < dueAt || Date.now() < this.stoppedUntil)) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(10, Math.min(250, Math.max(dueAt, this.stoppedUntil) - Date.now()))));
    }
    const event = parseLedgerEvent(message.value);
    const coordinates: EventCoordinates = {
      topic: message.topic, partition: message.partition, offset: String(message.offset),
      timestamp: formatTimestamp(Number(message.timestamp)), operation: event.operation,
    };
    await this.verify(event.table, event.row[keyOf(event.table)]!, event.row, coordinates);
    this.verified++;
  }

  /** Compares one row; raises (or resolves) its mismatch. Exposed for the long-term batch and tests. */
  async verify(table: ReplicatedTable, key: string, eventRow: Record<string, string | null> | null, event: EventCoordinates): Promise<void> {
    const target = await readRow(this.target, table, key);
    if (eventRow && target && !diffRows(table, eventRow, target)) return this.resolveIfOpen(table, key, 'verified', 'target matches the event');
    // Before raising: the source is the truth, and it may have moved on since the event.
    const source = await readRow(this.source, table, key);
    const difference = diffRows(table, source, target);
    if (!difference) return this.resolveIfOpen(table, key, 'verified', 'target matches the source');
    const replicator = await this.options.replicatorOffsets();
    const committed = replicator.get(event.partition);
    const awaitingReplication = committed === undefined || BigInt(event.offset) >= committed;
    await this.mismatches.raise(table, keyOf(table), key, difference, event, Date.now() + this.options.retryAfterMs, awaitingReplication);
    this.options.log(`verifier: ${difference.kind} ${table} ${key}${awaitingReplication ? ' (pending: the replicator has not reached the event)' : ''}`);
  }

  private async resolveIfOpen(table: ReplicatedTable, key: string, resolution: string, detail: string) {
    if (!this.mismatches.mayBeOpen(table, key)) return;
    const open = await this.mismatches.openFor(table, key);
    if (open) await this.mismatches.resolve(open, resolution, detail);
  }

  /** Re-checks a mismatch against both databases; true when it is resolved. */
  async recheck(mismatch: MismatchRecord, resolution: string): Promise<boolean> {
    const key = mismatch.key[keyOf(mismatch.table)]!;
    const [source, target] = await Promise.all([readRow(this.source, mismatch.table, key), readRow(this.target, mismatch.table, key)]);
    if (diffRows(mismatch.table, source, target)) return false;
    await this.mismatches.resolve(mismatch, resolution, 'source and target agree on re-check');
    return true;
  }

  private async climbLadder(): Promise<void> {
    // Pending mismatches (lag, not divergence) are re-checked as soon as the replicator passes them.
    const replicator = await this.options.replicatorOffsets();
    for (const mismatch of await this.mismatches.caughtUp(replicator, 500)) {
      if (!(await this.recheck(mismatch, 'replicated'))) await this.mismatches.markReplicated(mismatch);
    }
    for (const mismatch of await this.mismatches.due(Date.now(), 500)) {
      if (await this.recheck(mismatch, mismatch.stage === 'retry' ? 'automatic retry' : 'long-term batch')) continue;
      // Still lag, not divergence: waiting longer is the fix, so it does not climb the ladder.
      if (statusOf(mismatch, replicator) === 'pending') {
        await this.mismatches.postpone(mismatch, Date.now() + this.options.retryAfterMs);
        continue;
      }
      if (mismatch.stage === 'retry') await this.mismatches.moveTo(mismatch, 'batch', Date.now() + this.options.batchAfterMs, 'still different after the automatic retry');
      else await this.mismatches.moveTo(mismatch, 'manual', null, 'still different after the long-term batch: needs an operator');
    }
  }
}
