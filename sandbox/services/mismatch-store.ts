// The verifier's own tables, kept in the target database: open and resolved mismatches, each
// mismatch's history, and the record of every reconcile request by idempotency key.
import type { ReplicatedTable } from './ledger-schema';
import type { ColumnDifference, MismatchKind, RowDifference } from './row-diff';
import { formatTimestamp, type Row, type Sql } from './sql';

export type Stage = 'retry' | 'batch' | 'manual';
export type MismatchStatus = 'pending' | 'divergent' | 'resolved';

export interface EventCoordinates {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  operation: 'insert' | 'update' | 'delete';
}

export interface MismatchRecord {
  id: string;
  pipelineId: string;
  table: ReplicatedTable;
  key: Record<string, string>;
  kind: MismatchKind;
  stage: Stage;
  state: 'open' | 'resolved';
  columns: ColumnDifference[];
  /** null for a row the table scan found that no event explains (extra in target). */
  event: EventCoordinates | null;
  detectedAt: string;
  nextCheckAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

export interface MismatchFilter {
  pipelineId?: string;
  table?: string;
  kind?: string;
  stage?: string;
  status?: MismatchStatus | 'open';
}

/** Committed offset of the replicator per partition: events at or beyond it are not applied yet. */
export type ReplicatorOffsets = Map<number, bigint>;

export async function createMismatchSchema(db: Sql): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS verify_mismatches (id BIGSERIAL PRIMARY KEY, pipeline_id VARCHAR(64) NOT NULL,
    table_name VARCHAR(64) NOT NULL, row_key VARCHAR(64) NOT NULL, key_column VARCHAR(64) NOT NULL, kind VARCHAR(16) NOT NULL,
    stage VARCHAR(16) NOT NULL, state VARCHAR(16) NOT NULL, columns TEXT NOT NULL, event TEXT NOT NULL,
    event_partition INTEGER NOT NULL, event_offset BIGINT NOT NULL, awaiting_replication INTEGER NOT NULL DEFAULT 0,
    detected_at TIMESTAMP(3) NOT NULL, next_check_at TIMESTAMP(3), resolved_at TIMESTAMP(3), resolution VARCHAR(64))`);
  await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS verify_one_open_per_row ON verify_mismatches (table_name, row_key) WHERE state = 'open'`);
  await db.query('CREATE INDEX IF NOT EXISTS verify_due ON verify_mismatches (state, next_check_at)');
  await db.query(`CREATE TABLE IF NOT EXISTS verify_history (id BIGSERIAL PRIMARY KEY, mismatch_id BIGINT NOT NULL,
    at TIMESTAMP(3) NOT NULL, stage VARCHAR(16) NOT NULL, action VARCHAR(32) NOT NULL, detail TEXT NOT NULL)`);
  await db.query('CREATE INDEX IF NOT EXISTS verify_history_by_mismatch ON verify_history (mismatch_id)');
  await db.query(`CREATE TABLE IF NOT EXISTS verify_reconciles (idempotency_key VARCHAR(200) PRIMARY KEY, mismatch_id BIGINT NOT NULL,
    result TEXT, created_at TIMESTAMP(3) NOT NULL)`);
}

export function toMismatch(row: Row): MismatchRecord {
  return {
    id: row.id!, pipelineId: row.pipeline_id!, table: row.table_name as ReplicatedTable, key: { [row.key_column!]: row.row_key! },
    kind: row.kind as MismatchKind, stage: row.stage as Stage, state: row.state as 'open' | 'resolved',
    columns: JSON.parse(row.columns!) as ColumnDifference[], event: JSON.parse(row.event!) as EventCoordinates | null,
    detectedAt: row.detected_at!, nextCheckAt: row.next_check_at ?? null, resolvedAt: row.resolved_at ?? null, resolution: row.resolution ?? null,
  };
}

export function statusOf(mismatch: Pick<MismatchRecord, 'state' | 'event'>, replicator: ReplicatorOffsets): MismatchStatus {
  if (mismatch.state === 'resolved') return 'resolved';
  if (!mismatch.event) return 'divergent';
  const committed = replicator.get(mismatch.event.partition);
  return committed === undefined || BigInt(mismatch.event.offset) >= committed ? 'pending' : 'divergent';
}

type Query = Pick<Sql, 'query'>;

export class MismatchStore {
  /** `table/key` of every open mismatch: the verifier asks for each row it checks, so no query when none is open. */
  private openRows = new Set<string>();

  constructor(private readonly db: Sql, private readonly pipelineId: string) {}

  async load(): Promise<void> {
    const rows = await this.db.query(`SELECT table_name, row_key FROM verify_mismatches WHERE state = 'open'`);
    this.openRows = new Set(rows.map((r) => `${r.table_name}/${r.row_key}`));
  }

  mayBeOpen(table: string, key: string): boolean {
    return this.openRows.has(`${table}/${key}`);
  }

  async get(id: string, db: Query = this.db): Promise<MismatchRecord | null> {
    if (!/^\d+$/.test(id)) return null;
    const [row] = await db.query('SELECT * FROM verify_mismatches WHERE id = $1', [id]);
    return row ? toMismatch(row) : null;
  }

  async openFor(table: string, key: string): Promise<MismatchRecord | null> {
    const [row] = await this.db.query(`SELECT * FROM verify_mismatches WHERE table_name = $1 AND row_key = $2 AND state = 'open'`, [table, key]);
    return row ? toMismatch(row) : null;
  }

  /** Raises a mismatch, or refreshes the open one for the same row (one open mismatch per row). */
  async raise(table: ReplicatedTable, keyColumn: string, key: string, difference: RowDifference, event: EventCoordinates | null, nextCheckAt: number, awaitingReplication: boolean, detail?: string): Promise<MismatchRecord> {
    const now = formatTimestamp(Date.now());
    const existing = await this.openFor(table, key);
    if (existing) {
      await this.db.query('UPDATE verify_mismatches SET kind = $1, columns = $2 WHERE id = $3', [difference.kind, JSON.stringify(difference.columns), existing.id]);
      return { ...existing, kind: difference.kind, columns: difference.columns };
    }
    const [row] = await this.db.query(`INSERT INTO verify_mismatches (pipeline_id, table_name, row_key, key_column, kind, stage, state, columns, event,
      event_partition, event_offset, awaiting_replication, detected_at, next_check_at) VALUES ($1, $2, $3, $4, $5, 'retry', 'open', $6, $7, $8, $9, $10, $11, $12)
      ON CONFLICT DO NOTHING RETURNING *`,
    [this.pipelineId, table, key, keyColumn, difference.kind, JSON.stringify(difference.columns), JSON.stringify(event), event?.partition ?? -1, event?.offset ?? '-1',
      awaitingReplication ? 1 : 0, now, formatTimestamp(nextCheckAt)]);
    this.openRows.add(`${table}/${key}`);
    if (!row) return (await this.openFor(table, key))!;
    const mismatch = toMismatch(row);
    await this.history(mismatch.id, 'retry', 'detected', detail ?? `${difference.kind}: ${difference.columns.map((c) => c.name).join(', ')}`);
    return mismatch;
  }

  async history(mismatchId: string, stage: Stage, action: string, detail: string, db: Query = this.db): Promise<void> {
    await db.query('INSERT INTO verify_history (mismatch_id, at, stage, action, detail) VALUES ($1, $2, $3, $4, $5)', [mismatchId, formatTimestamp(Date.now()), stage, action, detail]);
  }

  async historyOf(mismatchId: string) {
    const rows = await this.db.query('SELECT at, stage, action, detail FROM verify_history WHERE mismatch_id = $1 ORDER BY id', [mismatchId]);
    return rows.map((r) => ({ at: r.at!, stage: r.stage!, action: r.action!, detail: r.detail! }));
  }

  async resolve(mismatch: MismatchRecord, resolution: string, detail: string, db: Query = this.db): Promise<void> {
    const updated = await db.query(`UPDATE verify_mismatches SET state = 'resolved', resolved_at = $1, resolution = $2, next_check_at = NULL WHERE id = $3 AND state = 'open' RETURNING id`,
      [formatTimestamp(Date.now()), resolution, mismatch.id]);
    if (updated.length > 0) await this.history(mismatch.id, mismatch.stage, 'resolved', detail, db);
    this.openRows.delete(`${mismatch.table}/${mismatch.key[Object.keys(mismatch.key)[0]!]}`);
  }

  async moveTo(mismatch: MismatchRecord, stage: Stage, nextCheckAt: number | null, detail: string): Promise<void> {
    await this.db.query('UPDATE verify_mismatches SET stage = $1, next_check_at = $2, awaiting_replication = 0 WHERE id = $3',
      [stage, nextCheckAt === null ? null : formatTimestamp(nextCheckAt), mismatch.id]);
    await this.history(mismatch.id, stage, `moved to ${stage}`, detail);
  }

  async postpone(mismatch: MismatchRecord, nextCheckAt: number): Promise<void> {
    await this.db.query('UPDATE verify_mismatches SET next_check_at = $1 WHERE id = $2', [formatTimestamp(nextCheckAt), mismatch.id]);
  }

  async due(now: number, limit: number): Promise<MismatchRecord[]> {
    const rows = await this.db.query(`SELECT * FROM verify_mismatches WHERE state = 'open' AND next_check_at <= $1 ORDER BY next_check_at LIMIT ${limit}`, [formatTimestamp(now)]);
    return rows.map(toMismatch);
  }

  /** Open mismatches raised while the replicator had not reached their event, which it now has. */
  async caughtUp(replicator: ReplicatorOffsets, limit: number): Promise<MismatchRecord[]> {
    const found: MismatchRecord[] = [];
    for (const [partition, committed] of replicator) {
      const rows = await this.db.query(`SELECT * FROM verify_mismatches WHERE state = 'open' AND awaiting_replication = 1 AND event_partition = $1 AND event_offset < $2 LIMIT ${limit}`,
        [partition, String(committed)]);
      found.push(...rows.map(toMismatch));
    }
    return found;
  }

  async markReplicated(mismatch: MismatchRecord): Promise<void> {
    await this.db.query('UPDATE verify_mismatches SET awaiting_replication = 0 WHERE id = $1', [mismatch.id]);
  }

  private where(filter: MismatchFilter, replicator: ReplicatorOffsets, afterId: string | null) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => { params.push(value); where.push(clause.replace('?', `$${params.length}`)); };
    if (filter.pipelineId) add('pipeline_id = ?', filter.pipelineId);
    if (filter.table) add('table_name = ?', filter.table);
    if (filter.kind) add('kind = ?', filter.kind);
    if (filter.stage) add('stage = ?', filter.stage);
    if (filter.status === 'resolved') where.push(`state = 'resolved'`);
    else if (filter.status === 'open') where.push(`state = 'open'`);
    else if (filter.status) {
      where.push(`state = 'open'`);
      const behind = [...replicator].map(([partition, committed]) => `(event_partition = ${partition} AND event_offset >= ${committed})`);
      const unknown = replicator.size === 0 ? 'TRUE' : `event_partition NOT IN (${[...replicator.keys()].join(', ')})`;
      const pending = `(event_partition >= 0 AND (${[...behind, unknown].join(' OR ')}))`;
      where.push(filter.status === 'pending' ? pending : `NOT ${pending}`);
    }
    if (afterId) add('id < ?', afterId);
    return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  /** Newest first, keyset-paginated by id. Status filters compare each event with the replicator's offsets. */
  async list(filter: MismatchFilter, replicator: ReplicatorOffsets, afterId: string | null, limit: number) {
    const { clause, params } = this.where(filter, replicator, afterId);
    const rows = await this.db.query(`SELECT * FROM verify_mismatches ${clause} ORDER BY id DESC LIMIT ${limit + 1}`, params);
    return { items: rows.slice(0, limit).map(toMismatch), more: rows.length > limit };
  }

  async count(filter: MismatchFilter, replicator: ReplicatorOffsets): Promise<number> {
    const { clause, params } = this.where(filter, replicator, null);
    const [row] = await this.db.query(`SELECT COUNT(*) AS n FROM verify_mismatches ${clause}`, params);
    return Number(row?.n ?? 0);
  }

  async counts(): Promise<Row[]> {
    return this.db.query(`SELECT stage, COUNT(*) AS count FROM verify_mismatches WHERE state = 'open' GROUP BY stage`);
  }

  async openIds(filter: MismatchFilter, limit: number): Promise<string[]> {
    const { clause, params } = this.where({ ...filter, status: 'open' }, new Map(), null);
    const rows = await this.db.query(`SELECT id FROM verify_mismatches ${clause} ORDER BY id LIMIT ${limit}`, params);
    return rows.map((r) => r.id!);
  }
}
