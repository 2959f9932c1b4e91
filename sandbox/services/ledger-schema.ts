// The ledger's tables, declared once as data so the same definition creates them on MariaDB and on
// PostgreSQL/PGlite, and so the replicator, the verifier and reconcile agree on keys and columns.
// Every table is INSERT-only: a change of state is a new row (DOMAIN.md §4).
import type { Dialect, Sql } from './sql';

type ColumnType = 'id' | 'text' | 'money' | 'int' | 'time' | 'json';

interface TableDefinition {
  key: string;
  columns: Record<string, ColumnType>;
}

/** The business tables that flow source → Kafka → target and that the verifier compares. */
export const replicatedTables = {
  payments: { key: 'payment_id', columns: { payment_id: 'id', merchant_id: 'id', amount_minor: 'money', currency: 'text', idempotency_key: 'text', created_at: 'time' } },
  approvals: { key: 'approval_id', columns: { approval_id: 'id', payment_id: 'id', method: 'text', amount_minor: 'money', approved_at: 'time' } },
  cancellations: { key: 'cancellation_id', columns: { cancellation_id: 'id', approval_id: 'id', amount_minor: 'money', reason: 'text', idempotency_key: 'text', cancelled_at: 'time' } },
  ledger_entries: { key: 'entry_id', columns: { entry_id: 'id', payment_id: 'id', approval_id: 'id', account: 'text', direction: 'text', amount_minor: 'money', fee_rate_bp: 'int', vat_rate_bp: 'int', booked_at: 'time' } },
} satisfies Record<string, TableDefinition>;

export type ReplicatedTable = keyof typeof replicatedTables;
export const replicatedTableNames = Object.keys(replicatedTables) as ReplicatedTable[];
export const isReplicatedTable = (name: unknown): name is ReplicatedTable => typeof name === 'string' && name in replicatedTables;
export const columnsOf = (table: ReplicatedTable) => Object.keys(replicatedTables[table].columns);
export const keyOf = (table: ReplicatedTable) => replicatedTables[table].key;
/** The column that carries a row's business time, which becomes the event's commit time. */
export const timeColumnOf = (table: ReplicatedTable) =>
  Object.entries(replicatedTables[table].columns as Record<string, ColumnType>).find(([, type]) => type === 'time')![0];

function sqlType(type: ColumnType, dialect: Dialect): string {
  switch (type) {
    case 'id': return 'VARCHAR(64)';
    case 'text': return 'VARCHAR(120)';
    case 'money': return 'BIGINT';
    case 'int': return 'INTEGER';
    case 'time': return dialect === 'mysql' ? 'DATETIME(3)' : 'TIMESTAMP(3)';
    case 'json': return 'TEXT';
  }
}

const autoKey = (dialect: Dialect) => (dialect === 'mysql' ? 'BIGINT AUTO_INCREMENT PRIMARY KEY' : 'BIGSERIAL PRIMARY KEY');

function createTable(name: string, definition: TableDefinition, dialect: Dialect, extra: string[] = []): string {
  const columns = Object.entries(definition.columns).map(([column, type]) => {
    const nullable = column === definition.key || type === 'time' ? ' NOT NULL' : '';
    return `${column} ${sqlType(type, dialect)}${nullable}`;
  });
  return `CREATE TABLE IF NOT EXISTS ${name} (${[...columns, ...extra, `PRIMARY KEY (${definition.key})`].join(', ')})`;
}

/** Source database: the business tables, the outbox and the record of each publication. */
export async function createSourceSchema(db: Sql): Promise<void> {
  const time = sqlType('time', db.dialect);
  for (const [name, definition] of Object.entries(replicatedTables)) await db.query(createTable(name, definition, db.dialect));
  await db.query(`CREATE TABLE IF NOT EXISTS outbox (seq ${autoKey(db.dialect)}, event_id VARCHAR(64) NOT NULL UNIQUE,
    idempotency_key VARCHAR(120) NOT NULL, table_name VARCHAR(64) NOT NULL, row_key VARCHAR(64) NOT NULL,
    event_type VARCHAR(64) NOT NULL, payload TEXT NOT NULL, created_at ${time} NOT NULL)`);
  await db.query(`CREATE TABLE IF NOT EXISTS outbox_publications (publication_id ${autoKey(db.dialect)},
    event_id VARCHAR(64) NOT NULL, idempotency_key VARCHAR(120) NOT NULL, topic VARCHAR(200) NOT NULL,
    kafka_partition INTEGER NOT NULL, kafka_offset BIGINT NOT NULL, published_at ${time} NOT NULL)`);
  for (const index of [
    'CREATE INDEX IF NOT EXISTS payments_by_merchant ON payments (merchant_id, created_at)',
    'CREATE INDEX IF NOT EXISTS approvals_by_payment ON approvals (payment_id)',
    'CREATE INDEX IF NOT EXISTS cancellations_by_approval ON cancellations (approval_id)',
    'CREATE INDEX IF NOT EXISTS entries_by_payment ON ledger_entries (payment_id)',
    'CREATE INDEX IF NOT EXISTS outbox_by_row ON outbox (row_key)',
    'CREATE INDEX IF NOT EXISTS publications_by_event ON outbox_publications (event_id)',
    'CREATE INDEX IF NOT EXISTS publications_by_key ON outbox_publications (idempotency_key)',
  ]) await db.query(index);
}

/** Target database: the business tables plus which path wrote each row and the source commit time. */
export async function createTargetSchema(db: Sql): Promise<void> {
  const time = sqlType('time', db.dialect);
  for (const [name, definition] of Object.entries(replicatedTables)) {
    await db.query(createTable(name, definition, db.dialect, [`_written_by VARCHAR(20) NOT NULL`, `_source_committed_at ${time}`]));
  }
  await db.query(`CREATE TABLE IF NOT EXISTS replication_dead_letters (id ${autoKey(db.dialect)}, topic VARCHAR(200) NOT NULL,
    kafka_partition INTEGER NOT NULL, kafka_offset BIGINT NOT NULL, reason TEXT NOT NULL, payload TEXT, received_at ${time} NOT NULL)`);
}
