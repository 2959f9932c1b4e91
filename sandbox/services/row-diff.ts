// Compares a source row with a target row on the business columns only (the target's metadata
// columns say how a row got there, not what it holds).
import { columnsOf, keyOf, type ReplicatedTable } from './ledger-schema';
import type { Row } from './sql';

export type MismatchKind = 'missing' | 'extra' | 'differs';

export interface ColumnDifference {
  name: string;
  source: string | null;
  target: string | null;
}

export interface RowDifference {
  kind: MismatchKind;
  columns: ColumnDifference[];
}

/** null when the rows agree (both absent counts as agreeing). */
export function diffRows(table: ReplicatedTable, source: Row | null, target: Row | null): RowDifference | null {
  if (!source && !target) return null;
  const columns = columnsOf(table);
  if (!target) return { kind: 'missing', columns: columns.map((name) => ({ name, source: source![name] ?? null, target: null })) };
  if (!source) return { kind: 'extra', columns: columns.map((name) => ({ name, source: null, target: target[name] ?? null })) };
  const differing = columns.filter((name) => (source[name] ?? null) !== (target[name] ?? null));
  return differing.length === 0 ? null : { kind: 'differs', columns: differing.map((name) => ({ name, source: source[name] ?? null, target: target[name] ?? null })) };
}

export const businessColumns = (row: Row | null, table: ReplicatedTable): Row | null =>
  row ? Object.fromEntries(columnsOf(table).map((c) => [c, row[c] ?? null])) : null;

export async function readRow(db: { query(sql: string, params?: unknown[]): Promise<Row[]> }, table: ReplicatedTable, key: string): Promise<Row | null> {
  const [row] = await db.query(`SELECT * FROM ${table} WHERE ${keyOf(table)} = $1`, [key]);
  return row ?? null;
}
