// Manual reconciliation, the last rung of the ladder: plan from a live re-query of both rows (the
// source is the truth), show the SQL, apply it through the forced-sync path (rows marked
// `_written_by = 'reconcile'`), re-verify, resolve. An apply is claimed by its idempotency key in
// the same transaction as its writes, so any number of duplicate requests apply once.
import { columnsOf, keyOf, type ReplicatedTable } from './ledger-schema';
import type { MismatchRecord, MismatchStore } from './mismatch-store';
import { insertTargetRow } from './replicator';
import { diffRows, readRow, type RowDifference } from './row-diff';
import { formatTimestamp, type Row, type Sql } from './sql';

export interface PlannedStatement {
  sql: string;
  params: (string | null)[];
}

export interface ReconcilePlan {
  mismatchId: string;
  action: 'insert' | 'update' | 'delete' | 'none';
  table: ReplicatedTable;
  key: Record<string, string>;
  sourceOfTruth: 'source';
  guards: string[];
  difference: RowDifference | null;
  statements: PlannedStatement[];
  /** The statements with their values inlined, for a person to read (not executed). */
  sql: string[];
}

export interface ReconcileResult {
  mismatchId: string;
  idempotencyKey: string;
  applied: boolean;
  replayed: boolean;
  action: ReconcilePlan['action'];
  sql: string[];
  verified: boolean;
  status: 'resolved' | 'divergent';
  appliedAt: string;
}

export class ReconcileError extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'CONFLICT' | 'ALREADY_RESOLVED', message: string) {
    super(message);
  }
}

const literal = (value: string | null) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);
const inline = ({ sql, params }: PlannedStatement) => sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1] ?? null));

export function planFor(mismatch: MismatchRecord, source: Row | null, target: Row | null): ReconcilePlan {
  const table = mismatch.table;
  const key = mismatch.key[keyOf(table)]!;
  const difference = diffRows(table, source, target);
  const guards = ['source of truth: the source database, re-queried now', 'only this row is touched', 'written through the forced-sync path (_written_by = reconcile)'];
  let action: ReconcilePlan['action'] = 'none';
  let statements: PlannedStatement[] = [];
  if (difference?.kind === 'missing') {
    action = 'insert';
    const insert = insertTargetRow(table, source!, 'reconcile', source![columnsOf(table).find((c) => c.endsWith('_at'))!] ?? null);
    statements = [{ sql: insert.sql, params: insert.params as (string | null)[] }];
  } else if (difference?.kind === 'differs') {
    action = 'update';
    const names = difference.columns.map((c) => c.name);
    statements = [{
      sql: `UPDATE ${table} SET ${names.map((name, i) => `${name} = $${i + 1}`).join(', ')}, _written_by = 'reconcile' WHERE ${keyOf(table)} = $${names.length + 1}`,
      params: [...difference.columns.map((c) => c.source), key],
    }];
  } else if (difference?.kind === 'extra') {
    action = 'delete';
    statements = [{ sql: `DELETE FROM ${table} WHERE ${keyOf(table)} = $1`, params: [key] }];
  }
  return { mismatchId: mismatch.id, action, table, key: mismatch.key, sourceOfTruth: 'source', guards, difference, statements, sql: statements.map(inline) };
}

export class Reconciler {
  private inFlight = new Map<string, Promise<ReconcileResult>>();

  constructor(private readonly source: Sql, private readonly target: Sql, private readonly mismatches: MismatchStore) {}

  async plan(id: string): Promise<ReconcilePlan> {
    const mismatch = await this.mismatches.get(id);
    if (!mismatch) throw new ReconcileError('NOT_FOUND', `No mismatch ${id}`);
    const key = mismatch.key[keyOf(mismatch.table)]!;
    const [source, target] = await Promise.all([readRow(this.source, mismatch.table, key), readRow(this.target, mismatch.table, key)]);
    return planFor(mismatch, source, target);
  }

  /** Applies once per idempotency key; a repeat returns the first result with `replayed: true`. */
  apply(id: string, idempotencyKey: string): Promise<ReconcileResult> {
    // Duplicates arriving together share one attempt here; the database claim covers other processes.
    const running = this.inFlight.get(idempotencyKey);
    if (running) return running.then((result) => this.replay(result, id));
    const attempt = this.applyOnce(id, idempotencyKey).finally(() => this.inFlight.delete(idempotencyKey));
    this.inFlight.set(idempotencyKey, attempt);
    return attempt;
  }

  private replay(result: ReconcileResult, id: string): ReconcileResult {
    if (result.mismatchId !== id) throw new ReconcileError('CONFLICT', `Idempotency key ${result.idempotencyKey} was used for mismatch ${result.mismatchId}`);
    return { ...result, replayed: true };
  }

  /** What was applied under a key, for a client whose answer was lost; null when nothing was. */
  async storedResult(idempotencyKey: string): Promise<ReconcileResult | null> {
    return this.stored(idempotencyKey);
  }

  private async stored(idempotencyKey: string): Promise<ReconcileResult | null> {
    const [row] = await this.target.query('SELECT result FROM verify_reconciles WHERE idempotency_key = $1', [idempotencyKey]);
    return row?.result ? (JSON.parse(row.result) as ReconcileResult) : null;
  }

  private async applyOnce(id: string, idempotencyKey: string): Promise<ReconcileResult> {
    const earlier = await this.stored(idempotencyKey);
    if (earlier) return this.replay(earlier, id);
    const mismatch = await this.mismatches.get(id);
    if (!mismatch) throw new ReconcileError('NOT_FOUND', `No mismatch ${id}`);
    const key = mismatch.key[keyOf(mismatch.table)]!;
    const source = await readRow(this.source, mismatch.table, key);
    const appliedAt = formatTimestamp(Date.now());
    // Claim, write, re-verify and record the result in one transaction: a duplicate either sees
    // the whole outcome or nothing, never a half-applied reconcile.
    const result = await this.target.transaction(async (tx): Promise<ReconcileResult | null> => {
      const claim = await tx.query('INSERT INTO verify_reconciles (idempotency_key, mismatch_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key',
        [idempotencyKey, id, appliedAt]);
      if (claim.length === 0) return null;
      const plan = planFor(mismatch, source, await readRow(tx, mismatch.table, key));
      for (const statement of plan.statements) await tx.query(statement.sql, statement.params);
      await this.mismatches.history(id, mismatch.stage, 'reconciled', `${plan.action}: ${plan.sql.join('; ') || 'nothing to change'}`, tx);
      const verified = diffRows(mismatch.table, source, await readRow(tx, mismatch.table, key)) === null;
      if (verified) await this.mismatches.resolve(mismatch, 'reconciled', 're-verified after reconcile: source and target agree', tx);
      const outcome: ReconcileResult = {
        mismatchId: id, idempotencyKey, applied: plan.statements.length > 0, replayed: false, action: plan.action, sql: plan.sql,
        verified, status: verified ? 'resolved' : 'divergent', appliedAt,
      };
      await tx.query('UPDATE verify_reconciles SET result = $1 WHERE idempotency_key = $2', [JSON.stringify(outcome), idempotencyKey]);
      return outcome;
    });
    if (result) return result;
    // Another process held this key; its transaction has committed by the time our claim failed.
    const theirs = await this.stored(idempotencyKey);
    if (theirs) return this.replay(theirs, id);
    throw new ReconcileError('CONFLICT', `Reconcile ${idempotencyKey} is being applied elsewhere; retry shortly`);
  }
}
