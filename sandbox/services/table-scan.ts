// Whole-table comparison of source and target, in key-ordered pages: source pages find rows missing
// from or different in the target, target pages find rows the source does not have. Rows are
// matched by key with IN lists, never by range, so the engines' collations need not agree.
import { columnsOf, keyOf, replicatedTableNames, timeColumnOf, type ReplicatedTable } from './ledger-schema';
import { diffRows, type RowDifference } from './row-diff';
import { placeholders, type Row, type Sql } from './sql';

const PAGE = 1000;

type OnDifference = (table: ReplicatedTable, key: string, difference: RowDifference) => Promise<boolean>;

async function pages(db: Sql, table: ReplicatedTable, settledBefore: string, visit: (rows: Row[]) => Promise<void>) {
  const key = keyOf(table);
  let after = '';
  for (;;) {
    const rows = await db.query(`SELECT ${columnsOf(table).join(', ')} FROM ${table} WHERE ${key} > $1 AND ${timeColumnOf(table)} < $2 ORDER BY ${key} LIMIT ${PAGE}`, [after, settledBefore]);
    if (rows.length > 0) await visit(rows);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]![key]!;
  }
}

async function byKey(db: Sql, table: ReplicatedTable, keys: string[]): Promise<Map<string, Row>> {
  const key = keyOf(table);
  const rows = await db.query(`SELECT ${columnsOf(table).join(', ')} FROM ${table} WHERE ${key} IN (${placeholders(keys.length)})`, keys);
  return new Map(rows.map((row) => [row[key]!, row]));
}

export async function scanForDifferences(source: Sql, target: Sql, settledBefore: string, onDifference: OnDifference): Promise<number> {
  let raised = 0;
  for (const table of replicatedTableNames) {
    const key = keyOf(table);
    await pages(source, table, settledBefore, async (sourceRows) => {
      const targetRows = await byKey(target, table, sourceRows.map((r) => r[key]!));
      for (const sourceRow of sourceRows) {
        const difference = diffRows(table, sourceRow, targetRows.get(sourceRow[key]!) ?? null);
        if (difference && (await onDifference(table, sourceRow[key]!, difference))) raised++;
      }
    });
    // A row reaches the target only after the source committed it, so no target row is "in flight".
    await pages(target, table, '9999-12-31 00:00:00.000', async (targetRows) => {
      const sourceRows = await byKey(source, table, targetRows.map((r) => r[key]!));
      for (const targetRow of targetRows) {
        if (sourceRows.has(targetRow[key]!)) continue;
        if (await onDifference(table, targetRow[key]!, diffRows(table, null, targetRow)!)) raised++;
      }
    });
  }
  return raised;
}
