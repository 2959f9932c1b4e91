// The reference verifier's pure parts: comparing rows, the reconcile plan and its SQL, pending vs
// divergent, and the canonical values that let rows from MariaDB, PostgreSQL and PGlite compare.
import { describe, expect, it } from 'vitest';
import { diffRows } from '../../../../sandbox/services/row-diff';
import { planFor } from '../../../../sandbox/services/reconcile';
import { statusOf, type MismatchRecord } from '../../../../sandbox/services/mismatch-store';
import { canonicalValue } from '../../../../sandbox/services/sql';
import { partitionFor } from '../../../../sandbox/services/outbox-publisher';

const payment = { payment_id: 'pay_1', merchant_id: "o'brien-books", amount_minor: '1000', currency: 'EUR', idempotency_key: 'k', created_at: '2026-11-22 10:00:00.120' };
const mismatch = (over: Partial<MismatchRecord> = {}): MismatchRecord => ({
  id: '5', pipelineId: 'p', table: 'payments', key: { payment_id: 'pay_1' }, kind: 'missing', stage: 'retry', state: 'open', columns: [],
  event: { topic: 't', partition: 1, offset: '41', timestamp: 'x', operation: 'insert' }, detectedAt: 'x', nextCheckAt: null, resolvedAt: null, resolution: null, ...over,
});

describe('row comparison', () => {
  it('tells missing, extra and differing rows apart, ignoring the replica’s metadata columns', () => {
    expect(diffRows('payments', payment, null)?.kind).toBe('missing');
    expect(diffRows('payments', null, payment)?.kind).toBe('extra');
    expect(diffRows('payments', payment, { ...payment, _written_by: 'replication', _source_committed_at: 'y' })).toBeNull();
    expect(diffRows('payments', payment, { ...payment, amount_minor: '1001' })).toEqual({ kind: 'differs', columns: [{ name: 'amount_minor', source: '1000', target: '1001' }] });
    expect(diffRows('payments', null, null)).toBeNull();
  });
});

describe('reconcile plan', () => {
  it('inserts a missing row from the source through the forced-sync path, with readable SQL', () => {
    const plan = planFor(mismatch(), payment, null);
    expect(plan.action).toBe('insert');
    expect(plan.statements[0]!.params).toContain('reconcile');
    expect(plan.sql[0]).toContain("'o''brien-books'"); // quotes are escaped in the text a person reads
    expect(plan.sql[0]).toMatch(/ON CONFLICT \(payment_id\) DO NOTHING$/);
  });

  it('updates only the differing columns, deletes an extra row, and does nothing when rows agree', () => {
    const update = planFor(mismatch({ kind: 'differs' }), payment, { ...payment, amount_minor: '7', currency: 'USD' });
    expect(update.sql).toEqual(["UPDATE payments SET amount_minor = '1000', currency = 'EUR', _written_by = 'reconcile' WHERE payment_id = 'pay_1'"]);
    expect(planFor(mismatch({ kind: 'extra' }), null, payment).sql).toEqual(["DELETE FROM payments WHERE payment_id = 'pay_1'"]);
    expect(planFor(mismatch(), payment, payment)).toMatchObject({ action: 'none', statements: [] });
  });
});

describe('pending or divergent', () => {
  it('is pending while the event lies at or beyond the replicator’s committed offset', () => {
    expect(statusOf(mismatch(), new Map([[1, 41n]]))).toBe('pending');
    expect(statusOf(mismatch(), new Map([[1, 42n]]))).toBe('divergent');
    expect(statusOf(mismatch(), new Map())).toBe('pending'); // the replicator has committed nothing there yet
    expect(statusOf(mismatch({ state: 'resolved' }), new Map())).toBe('resolved');
    expect(statusOf(mismatch({ kind: 'extra', event: null }), new Map())).toBe('divergent'); // no event: nothing to wait for
  });
});

describe('canonical values', () => {
  it('renders every engine’s timestamp the same way', () => {
    expect(canonicalValue('2026-11-22 10:00:00.12')).toBe('2026-11-22 10:00:00.120'); // PostgreSQL trims zeros
    expect(canonicalValue('2026-11-22 10:00:00')).toBe('2026-11-22 10:00:00.000');
    expect(canonicalValue('2026-11-22 10:00:00.120')).toBe('2026-11-22 10:00:00.120'); // MariaDB DATETIME(3)
    expect(canonicalValue(new Date(Date.UTC(2026, 10, 22, 10, 0, 0, 120)))).toBe('2026-11-22 10:00:00.120');
    expect(canonicalValue(42n)).toBe('42');
    expect(canonicalValue(null)).toBeNull();
  });

  it('keeps a row key on one partition', () => {
    expect(partitionFor('pay_abc', 3)).toBe(partitionFor('pay_abc', 3));
    expect(new Set(Array.from({ length: 100 }, (_, i) => partitionFor(`pay_${i}`, 3)))).toEqual(new Set([0, 1, 2]));
  });
});
