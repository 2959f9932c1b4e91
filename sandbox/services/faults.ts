// Fault injection for the demo and the tests. Every fault acts on a payment made for the purpose,
// after it has replicated (so the fault is the only reason for a difference), and reports one JSON
// line per affected row: `{ fault, table, key, column? }`.
import { chunk, mapLimit } from '../../shared/common/concurrency';
import { newId, type LedgerStore } from './ledger-store';
import type { OutboxPublisher } from './outbox-publisher';
import type { Replicator } from './replicator';
import { placeholders, type Sql } from './sql';
import type { Verifier } from './verifier';

export const faultNames = ['drop-target-row', 'alter-target-column', 'insert-extra-target-row', 'delay-replicator', 'duplicate-event', 'stop-publisher', 'stop-verifier'] as const;
export type FaultName = (typeof faultNames)[number];
export const isFaultName = (name: unknown): name is FaultName => faultNames.includes(name as FaultName);

export interface FaultReport {
  fault: FaultName;
  table: string;
  key: Record<string, string>;
  column?: string;
  seconds?: number;
}

export interface FaultOptions {
  count?: number;
  seconds?: number;
}

interface FaultParts {
  ledger: LedgerStore;
  target: Sql;
  publisher: OutboxPublisher;
  replicator: Replicator;
  verifier: Verifier;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} after ${timeoutMs / 1000} s: is the pipeline running?`);
    await sleep(50);
  }
}

let faultPayments = 0;
const newPayment = (ledger: LedgerStore) => ledger.createPayment(
  { merchantId: 'merchant-fault-lab', currency: 'EUR', approvals: [{ method: 'card', amountMinor: 1000 + (faultPayments % 9000) }] },
  `fault-${Date.now()}-${faultPayments++}`,
).then((p) => p.paymentId);

async function replicatedPayments(parts: FaultParts, count: number): Promise<string[]> {
  const ids = await mapLimit(Array.from({ length: count }), 8, () => newPayment(parts.ledger));
  for (const batch of chunk(ids, 500)) {
    await until('the payments to replicate', async () => {
      const [row] = await parts.target.query(`SELECT COUNT(*) AS n FROM payments WHERE payment_id IN (${placeholders(batch.length)})`, batch);
      return Number(row?.n) === batch.length;
    }, 60_000 + count * 20);
  }
  return ids;
}

export async function injectFault(parts: FaultParts, fault: FaultName, options: FaultOptions = {}): Promise<FaultReport[]> {
  const count = Math.max(1, Math.min(options.count ?? 1, 100_000));
  const seconds = options.seconds ?? 60;
  const endsAt = Date.now() + seconds * 1000;
  switch (fault) {
    case 'drop-target-row': {
      const ids = await replicatedPayments(parts, count);
      for (const batch of chunk(ids, 500)) await parts.target.query(`DELETE FROM payments WHERE payment_id IN (${placeholders(batch.length)})`, batch);
      return ids.map((id) => ({ fault, table: 'payments', key: { payment_id: id } }));
    }
    case 'alter-target-column': {
      const ids = await replicatedPayments(parts, count);
      for (const batch of chunk(ids, 500)) await parts.target.query(`UPDATE payments SET amount_minor = amount_minor + 1 WHERE payment_id IN (${placeholders(batch.length)})`, batch);
      return ids.map((id) => ({ fault, table: 'payments', key: { payment_id: id }, column: 'amount_minor' }));
    }
    case 'insert-extra-target-row': {
      // A row the source never had: a replicated payment copied under a new id. No event points at
      // it, so only the long-term batch's table scan can find it.
      const [template] = await replicatedPayments(parts, 1);
      const reports: FaultReport[] = [];
      for (let i = 0; i < count; i++) {
        const id = newId('pay');
        await parts.target.query(`INSERT INTO payments (payment_id, merchant_id, amount_minor, currency, idempotency_key, created_at, _written_by, _source_committed_at)
          SELECT $1, merchant_id, amount_minor, currency, $2, created_at, 'replication', _source_committed_at FROM payments WHERE payment_id = $3`, [id, `extra-${id}`, template]);
        reports.push({ fault, table: 'payments', key: { payment_id: id } });
      }
      return reports;
    }
    case 'delay-replicator': {
      parts.replicator.delay(endsAt);
      const id = await newPayment(parts.ledger);
      return [{ fault, table: 'payments', key: { payment_id: id }, seconds }];
    }
    case 'duplicate-event': {
      const id = await newPayment(parts.ledger);
      const published = async () => (await parts.ledger.db.query(`SELECT o.* FROM outbox o JOIN outbox_publications p ON p.event_id = o.event_id WHERE o.row_key = $1`, [id]));
      await until('the event to be published', async () => (await published()).length > 0);
      const [event] = await published();
      await parts.publisher.publish([event!]);
      return [{ fault, table: 'outbox', key: { idempotency_key: event!.idempotency_key! } }];
    }
    case 'stop-publisher': {
      parts.publisher.pause(endsAt);
      const id = await newPayment(parts.ledger);
      return [{ fault, table: 'payments', key: { payment_id: id }, seconds }];
    }
    case 'stop-verifier': {
      parts.verifier.stop(endsAt);
      const id = await newPayment(parts.ledger);
      return [{ fault, table: 'payments', key: { payment_id: id }, seconds }];
    }
  }
}

/** Ends every timed fault now. */
export function clearFaults(parts: FaultParts): void {
  parts.publisher.pause(0);
  parts.replicator.delay(0);
  parts.verifier.stop(0);
}
