// Column names of real database tables, read from the catalogue of a PostgreSQL or MariaDB/MySQL
// database and checked against the dictionary. Engines spell types differently (character varying,
// varchar), so a column's type is compared with its term's domain by family and length. The URL is
// used for this one read and never stored.
import type { DictionaryIndex } from '../../shared/governance/dictionary';
import { checkName, type NameCheck } from '../../shared/governance/name-checker';
import { sqlTypeFamily } from '../../shared/governance/type-families';
import { AppFailure } from '../../shared/common/result';

export interface CatalogColumn { schema: string; table: string; column: string; dataType: string; length: number | null }
export interface TableLint {
  schema: string;
  table: string;
  columns: Array<{ name: string; dataType: string; length: number | null; check: NameCheck; concept: string | null }>;
}

/** PostgreSQL's long type names, in the short form the dictionary's domains use. */
const canonical: Record<string, string> = {
  'character varying': 'VARCHAR', character: 'CHAR', 'timestamp without time zone': 'TIMESTAMP', 'timestamp with time zone': 'TIMESTAMPTZ',
  'time without time zone': 'TIME', 'time with time zone': 'TIME', 'double precision': 'DOUBLE', int4: 'INTEGER', int8: 'BIGINT', int2: 'SMALLINT',
};
export const canonicalType = (dataType: string) => canonical[dataType.toLowerCase()] ?? dataType.toUpperCase();

const describeError = (error: unknown, url: URL) => {
  const code = (error as { code?: string }).code;
  const where = `${url.protocol}//${url.host}${url.pathname}`;
  if (code === 'ECONNREFUSED') return `No database answered at ${where} (connection refused): is it running?`;
  if (code === '28P01' || code === 'ER_ACCESS_DENIED_ERROR' || code === '28000') return `The database at ${where} refused the user name or password.`;
  if (code === '3D000' || code === 'ER_BAD_DB_ERROR') return `There is no database ${url.pathname.slice(1)} at ${url.host}.`;
  return `Reading the tables at ${where} failed: ${error instanceof Error ? error.message : String(error)}`;
};

/** The user's tables and columns (system schemas left out), in catalogue order. */
export async function readCatalog(connection: string, schema?: string): Promise<CatalogColumn[]> {
  let url: URL;
  try {
    url = new URL(connection);
  } catch {
    throw new AppFailure('INVALID_INPUT', 'A database URL looks like postgres://user:password@host:5432/database or mysql://user:password@host:3306/database.');
  }
  try {
    if (url.protocol === 'postgres:' || url.protocol === 'postgresql:') {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: connection, connectionTimeoutMillis: 10_000, statement_timeout: 30_000 });
      await client.connect();
      try {
        const { rows } = await client.query<{ schema: string; table: string; column: string; data_type: string; length: number | null }>(
          `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type, c.character_maximum_length AS length
             FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND ($1::text IS NULL OR c.table_schema = $1)
            ORDER BY c.table_schema, c.table_name, c.ordinal_position`, [schema ?? null]);
        return rows.map((r) => ({ schema: r.schema, table: r.table, column: r.column, dataType: r.data_type, length: r.length }));
      } finally {
        await client.end();
      }
    }
    if (url.protocol === 'mysql:' || url.protocol === 'mariadb:') {
      const { default: mysql } = await import('mysql2/promise');
      const connectionUrl = connection.replace(/^mariadb:/, 'mysql:');
      const client = await mysql.createConnection({ uri: connectionUrl, connectTimeout: 10_000 });
      try {
        const database = schema ?? (url.pathname.slice(1) || null);
        const [rows] = await client.query(
          `SELECT c.TABLE_SCHEMA AS \`schema\`, c.TABLE_NAME AS \`table\`, c.COLUMN_NAME AS \`column\`, c.DATA_TYPE AS data_type, c.CHARACTER_MAXIMUM_LENGTH AS length
             FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
            WHERE t.TABLE_TYPE = 'BASE TABLE' AND c.TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') AND (? IS NULL OR c.TABLE_SCHEMA = ?)
            ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION`, [database, database]);
        return (rows as Array<{ schema: string; table: string; column: string; data_type: string; length: number | null }>).map((r) => ({ schema: r.schema, table: r.table, column: r.column, dataType: r.data_type, length: r.length === null ? null : Number(r.length) }));
      } finally {
        await client.end();
      }
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('SERVICE_UNREACHABLE', describeError(error, url), { code: (error as { code?: string }).code });
  }
  throw new AppFailure('INVALID_INPUT', `Sluice reads PostgreSQL (postgres://) and MariaDB/MySQL (mysql://) catalogues; ${url.protocol} is neither.`);
}

export function lintCatalog(columns: CatalogColumn[], index: DictionaryIndex, conceptOf: (physical: string) => string | null): TableLint[] {
  const tables = new Map<string, TableLint>();
  for (const c of columns) {
    const key = `${c.schema}.${c.table}`;
    let table = tables.get(key);
    if (!table) { table = { schema: c.schema, table: c.table, columns: [] }; tables.set(key, table); }
    const type = canonicalType(c.dataType);
    const family = sqlTypeFamily(type);
    const check = checkName(c.column, index, { ...(family ? { family, typeLabel: type } : {}), ...(c.length !== null ? { length: c.length } : {}) });
    table.columns.push({ name: c.column, dataType: type, length: c.length, check, concept: check.term ? conceptOf(check.term.physicalName) : null });
  }
  return [...tables.values()];
}
