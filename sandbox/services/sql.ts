// One small SQL surface over the three databases the reference services run on: MariaDB (the
// ledger's source of record), PostgreSQL (the replica) and PGlite (both, embedded, when no server
// URL is given). Statements are written with `$1` placeholders and converted for MariaDB. Every
// value comes back as a string (or null) so rows from different engines compare as equal when
// their data is equal: no driver-specific Date, bigint or decimal objects.
import mysql from 'mysql2/promise';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export type Dialect = 'mysql' | 'postgres';
export type Row = Record<string, string | null>;

export interface Sql {
  readonly dialect: Dialect;
  readonly description: string;
  query(statement: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction; the callback's queries use the transaction's connection. */
  transaction<T>(work: (tx: Pick<Sql, 'query' | 'dialect'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const toMysqlPlaceholders = (statement: string) => statement.replace(/\$\d+/g, '?');

/** `$1, $2, …` for a list of `count` values, starting after `offset` earlier parameters. */
export const placeholders = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => `$${offset + i + 1}`).join(', ');

interface PooledConnection {
  run(statement: string, params?: unknown[]): Promise<Row[]>;
  release(): void;
}

/** One transaction on one pooled connection of a server: start, work, commit, or roll back on any error. */
async function inTransaction<T>(dialect: Dialect, connection: PooledConnection, work: (tx: Pick<Sql, 'query' | 'dialect'>) => Promise<T>): Promise<T> {
  try {
    await connection.run('START TRANSACTION');
    const result = await work({ dialect, query: (s, p) => connection.run(s, p) });
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

/** Turns any driver value into the canonical string the services compare. */
export function canonicalValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return formatTimestamp(value);
  if (typeof value === 'string') {
    const timestamp = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(?:\.(\d+))?(?:Z|\+00(?::?00)?)?$/.exec(value);
    if (timestamp) return `${timestamp[1]} ${timestamp[2]}.${(timestamp[3] ?? '').padEnd(3, '0').slice(0, 3)}`;
    return value;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as number | bigint | boolean);
}

/** The services' one timestamp format: UTC, millisecond precision, accepted by both engines. */
export function formatTimestamp(date: Date | number): string {
  return new Date(date).toISOString().replace('T', ' ').replace('Z', '');
}

export function parseTimestamp(value: string): number {
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}

const canonicalRow = (row: Record<string, unknown>): Row =>
  Object.fromEntries(Object.entries(row).map(([column, value]) => [column, canonicalValue(value)]));

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'database';
  }
}

export async function connectMariaDb(url: string): Promise<Sql> {
  const pool = mysql.createPool({ uri: url, connectionLimit: 10, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, timezone: 'Z' });
  const run = async (connection: mysql.Pool | mysql.PoolConnection, statement: string, params: unknown[] = []) => {
    const [rows] = await connection.query(toMysqlPlaceholders(statement), params);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]).map(canonicalRow) : [];
  };
  return {
    dialect: 'mysql',
    description: `MariaDB ${redactUrl(url)}`,
    query: (statement, params) => run(pool, statement, params),
    async transaction(work) {
      const connection = await pool.getConnection();
      return inTransaction('mysql', { run: (s, p) => run(connection, s, p), release: () => connection.release() }, work);
    },
    close: () => pool.end(),
  };
}

export async function connectPostgres(url: string): Promise<Sql> {
  // Strings for every type: timestamps, bigints and numerics stay exact.
  const types = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  const run = async (client: pg.Pool | pg.PoolClient, statement: string, params: unknown[] = []) =>
    (await client.query(statement, params)).rows.map(canonicalRow);
  return {
    dialect: 'postgres',
    description: `PostgreSQL ${redactUrl(url)}`,
    query: (statement, params) => run(pool, statement, params),
    async transaction(work) {
      const client = await pool.connect();
      return inTransaction('postgres', { run: (s, p) => run(client, s, p), release: () => client.release() }, work);
    },
    close: () => pool.end(),
  };
}

/** Embedded PostgreSQL (WASM). `dataDir` undefined keeps it in memory. */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const identity = (value: string) => value;
  const parsers = Object.fromEntries([16, 20, 21, 23, 700, 701, 1082, 1114, 1184, 1700, 114, 3802].map((oid) => [oid, identity]));
  const db = await PGlite.create({ dataDir, parsers });
  const run = async (target: Pick<PGlite, 'query'>, statement: string, params: unknown[] = []) =>
    (await target.query<Record<string, unknown>>(statement, params)).rows.map(canonicalRow);
  return {
    dialect: 'postgres',
    description: `PGlite ${dataDir ?? '(in memory)'}`,
    query: (statement, params) => run(db, statement, params),
    transaction: (work) => db.transaction((tx) => work({ dialect: 'postgres', query: (s, p) => run(tx, s, p) })),
    close: () => db.close(),
  };
}

/** A server URL selects the engine by scheme; no URL means embedded PGlite at `embeddedDir`. */
export async function openDatabase(url: string | undefined, embeddedDir: string | undefined): Promise<Sql> {
  if (!url) return openPglite(embeddedDir);
  if (/^(mysql|mariadb):/.test(url)) return connectMariaDb(url.replace(/^mariadb:/, 'mysql:'));
  if (/^postgres(ql)?:/.test(url)) return connectPostgres(url);
  throw new Error(`Unsupported database URL ${redactUrl(url)}: use mysql://, mariadb://, postgres:// or postgresql://`);
}
