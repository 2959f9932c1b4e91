// The reference ledger: payments with one or more approvals (split payments), cancellations that
// reference an approval, ledger entries, and an outbox row for every business row, all written in
// one transaction and never updated.
import { randomBytes } from 'node:crypto';
import { columnsOf, keyOf, type ReplicatedTable } from './ledger-schema';
import { formatTimestamp, placeholders, type Row, type Sql } from './sql';

export interface NewPayment {
  merchantId: string;
  currency: string;
  approvals: { method: string; amountMinor: number }[];
}

/** Event body on the topic: the row as committed, which the replicator applies and the verifier checks. */
export interface LedgerEvent {
  eventId: string;
  table: ReplicatedTable;
  operation: 'insert';
  key: Record<string, string>;
  row: Row;
  committedAt: string;
}

// Time-ordered ids: sorting by id is sorting by creation, which keeps cursors and "latest" cheap.
let lastMillis = 0;
let sequence = 0;
export function newId(prefix: string): string {
  const now = Date.now();
  sequence = now === lastMillis ? sequence + 1 : 0;
  lastMillis = now;
  return `${prefix}_${now.toString(36)}${sequence.toString(36).padStart(3, '0')}${randomBytes(3).toString('hex')}`;
}

const FEE_RATE_BP = 150;
const VAT_RATE_BP = 1000;

type Tx = Pick<Sql, 'query' | 'dialect'>;

async function insertWithOutbox(tx: Tx, table: ReplicatedTable, row: Row, eventType: string): Promise<void> {
  const columns = columnsOf(table);
  await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)})`, columns.map((c) => row[c] ?? null));
  const key = { [keyOf(table)]: row[keyOf(table)]! };
  const event: LedgerEvent = { eventId: newId('evt'), table, operation: 'insert', key, row, committedAt: row[columns.find((c) => c.endsWith('_at'))!]! };
  await tx.query('INSERT INTO outbox (event_id, idempotency_key, table_name, row_key, event_type, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    event.eventId, `${table}:${key[keyOf(table)]}`, table, key[keyOf(table)], eventType, JSON.stringify(event), event.committedAt,
  ]);
}

export class LedgerStore {
  constructor(readonly db: Sql) {}

  /** Creates a payment with its approvals and entries; a retried request with the same key returns the first payment. */
  async createPayment(request: NewPayment, idempotencyKey: string): Promise<{ paymentId: string; created: boolean }> {
    const existing = await this.db.query('SELECT payment_id FROM payments WHERE idempotency_key = $1', [idempotencyKey]);
    if (existing[0]) return { paymentId: existing[0].payment_id!, created: false };
    const now = formatTimestamp(Date.now());
    const paymentId = newId('pay');
    const total = request.approvals.reduce((sum, approval) => sum + approval.amountMinor, 0);
    await this.db.transaction(async (tx) => {
      await insertWithOutbox(tx, 'payments', { payment_id: paymentId, merchant_id: request.merchantId, amount_minor: String(total), currency: request.currency, idempotency_key: idempotencyKey, created_at: now }, 'payment.created');
      for (const approval of request.approvals) {
        const approvalId = newId('apr');
        await insertWithOutbox(tx, 'approvals', { approval_id: approvalId, payment_id: paymentId, method: approval.method, amount_minor: String(approval.amountMinor), approved_at: now }, 'approval.granted');
        const fee = Math.round((approval.amountMinor * FEE_RATE_BP) / 10_000);
        await this.entry(tx, paymentId, approvalId, `merchant:${request.merchantId}`, 'credit', approval.amountMinor - fee, now);
        await this.entry(tx, paymentId, approvalId, 'fees', 'credit', fee, now);
      }
    });
    return { paymentId, created: true };
  }

  /** Cancels (part of) an approval: a cancellation row and a compensating entry, never an update. */
  async cancelApproval(approvalId: string, amountMinor: number, reason: string, idempotencyKey: string): Promise<{ cancellationId: string; created: boolean }> {
    const [earlier] = await this.db.query('SELECT cancellation_id FROM cancellations WHERE idempotency_key = $1', [idempotencyKey]);
    if (earlier) return { cancellationId: earlier.cancellation_id!, created: false };
    const [approval] = await this.db.query('SELECT payment_id FROM approvals WHERE approval_id = $1', [approvalId]);
    if (!approval) throw new Error(`No approval ${approvalId}`);
    const cancellationId = newId('cnl');
    const now = formatTimestamp(Date.now());
    await this.db.transaction(async (tx) => {
      await insertWithOutbox(tx, 'cancellations', { cancellation_id: cancellationId, approval_id: approvalId, amount_minor: String(amountMinor), reason, idempotency_key: idempotencyKey, cancelled_at: now }, 'approval.cancelled');
      const [payment] = await tx.query('SELECT merchant_id FROM payments WHERE payment_id = $1', [approval.payment_id]);
      await this.entry(tx, approval.payment_id!, approvalId, `merchant:${payment!.merchant_id}`, 'debit', amountMinor, now);
    });
    return { cancellationId, created: true };
  }

  private entry(tx: Tx, paymentId: string, approvalId: string, account: string, direction: string, amountMinor: number, at: string) {
    return insertWithOutbox(tx, 'ledger_entries', {
      entry_id: newId('ent'), payment_id: paymentId, approval_id: approvalId, account, direction,
      amount_minor: String(amountMinor), fee_rate_bp: String(FEE_RATE_BP), vat_rate_bp: String(VAT_RATE_BP), booked_at: at,
    }, 'ledger_entry.booked');
  }

  async paymentLifecycle(paymentId: string) {
    const [payment] = await this.db.query('SELECT * FROM payments WHERE payment_id = $1', [paymentId]);
    if (!payment) return null;
    const approvals = await this.db.query('SELECT * FROM approvals WHERE payment_id = $1 ORDER BY approval_id', [paymentId]);
    const approvalIds = approvals.map((a) => a.approval_id!);
    const cancellations = approvalIds.length === 0 ? [] : await this.db.query(
      `SELECT * FROM cancellations WHERE approval_id IN (${placeholders(approvalIds.length)}) ORDER BY cancellation_id`, approvalIds);
    const ledgerEntries = await this.db.query('SELECT * FROM ledger_entries WHERE payment_id = $1 ORDER BY entry_id', [paymentId]);
    const rowKeys = [paymentId, ...approvalIds, ...cancellations.map((c) => c.cancellation_id!), ...ledgerEntries.map((e) => e.entry_id!)];
    const outbox = await this.db.query(
      `SELECT seq, event_id, idempotency_key, table_name, row_key, event_type, created_at FROM outbox WHERE row_key IN (${placeholders(rowKeys.length)}) ORDER BY seq`, rowKeys);
    const eventIds = outbox.map((o) => o.event_id!);
    const publications = eventIds.length === 0 ? [] : await this.db.query(
      `SELECT * FROM outbox_publications WHERE event_id IN (${placeholders(eventIds.length)}) ORDER BY publication_id`, eventIds);
    return {
      payment, approvals, cancellations, ledgerEntries,
      outboxEvents: outbox.map((event) => ({
        eventId: event.event_id!, idempotencyKey: event.idempotency_key!, table: event.table_name!, rowKey: event.row_key!,
        eventType: event.event_type!, createdAt: event.created_at!,
        publications: publications.filter((p) => p.event_id === event.event_id).map((p) => ({
          topic: p.topic!, partition: Number(p.kafka_partition), offset: p.kafka_offset!, publishedAt: p.published_at!,
        })),
      })),
    };
  }

  /** Payments of one merchant in [from, to), oldest first, keyset-paginated by (created_at, payment_id). */
  async searchPayments(merchantId: string, from: string, to: string, after: { createdAt: string; paymentId: string } | null, limit: number) {
    const params: unknown[] = [merchantId, from, to];
    let keyset = '';
    if (after) {
      params.push(after.createdAt, after.createdAt, after.paymentId);
      keyset = ' AND (created_at > $4 OR (created_at = $5 AND payment_id > $6))';
    }
    params.push(limit + 1);
    const rows = await this.db.query(
      `SELECT * FROM payments WHERE merchant_id = $1 AND created_at >= $2 AND created_at < $3${keyset} ORDER BY created_at, payment_id LIMIT $${params.length}`, params);
    return { items: rows.slice(0, limit), more: rows.length > limit };
  }

  async outboxHealth(now: number) {
    const [unpublished] = await this.db.query(`SELECT COUNT(*) AS count, MIN(o.created_at) AS oldest FROM outbox o
      LEFT JOIN outbox_publications p ON p.event_id = o.event_id WHERE p.publication_id IS NULL`);
    const duplicates = await this.db.query(`SELECT idempotency_key, COUNT(*) AS publications FROM outbox_publications
      GROUP BY idempotency_key HAVING COUNT(*) > 1 ORDER BY idempotency_key LIMIT 200`);
    const oldest = unpublished?.oldest ?? null;
    return {
      unpublishedCount: Number(unpublished?.count ?? 0),
      oldestUnpublishedAt: oldest,
      oldestUnpublishedAgeMs: oldest ? Math.max(0, now - Date.parse(`${oldest.replace(' ', 'T')}Z`)) : null,
      duplicateKeys: duplicates.map((d) => ({ idempotencyKey: d.idempotency_key!, publications: Number(d.publications) })),
    };
  }
}
