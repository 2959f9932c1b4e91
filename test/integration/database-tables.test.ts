// Column names of real tables in the machine's PostgreSQL and MariaDB, read from their catalogues
// and checked against the example workspace's dictionary through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { testBrokers, uniqueSuffix } from '../support/brokers';
import { startHarness, type Harness } from '../support/bridge-harness';
import { mariaDbUrl, postgresUrl } from '../support/reference-services';
import { refusedPort } from '../support/refused-port';

interface DatabaseLint { tables: Array<{ schema: string; table: string; columns: Array<{ name: string; dataType: string; length: number | null; check: { verdict: string; suggestion: string | null; findings: Array<{ code: string }> }; concept: string | null }> }>; summary: { tables: number; columns: number; standard: number } }

const id = uniqueSuffix();
const ddl = (table: string) => `CREATE TABLE ${table} (PAY_ID VARCHAR(36) NOT NULL, PAY_AMT BIGINT NOT NULL, CRNCY_CD CHAR(3) NOT NULL, MRCH_NM VARCHAR(50), paymentAmount BIGINT, PAY_DTM TIMESTAMP NULL)`;
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(testBrokers, { exampleWorkspace: true });
});
afterAll(async () => { await harness?.close(); });

const columnsOf = (lint: DatabaseLint, table: string) => Object.fromEntries(lint.tables.find((t) => t.table.toLowerCase() === table.toLowerCase())!.columns.map((c) => [c.name.toUpperCase(), c]));

function expectTheSameFindings(columns: ReturnType<typeof columnsOf>) {
  expect(columns.PAY_ID).toMatchObject({ check: { verdict: 'standard' }, concept: 'pay:paymentId', length: 36 });
  expect(columns.PAY_AMT!.check.verdict).toBe('standard');
  expect(columns.CRNCY_CD).toMatchObject({ dataType: 'CHAR', length: 3, check: { verdict: 'standard' } });
  expect(columns.MRCH_NM!.check.findings.map((f) => f.code)).toEqual(['length-mismatch']);
  expect(columns.PAYMENTAMOUNT!.check).toMatchObject({ verdict: 'nonstandard', suggestion: 'PAY_AMT' });
}

describe('database tables', () => {
  it('reads a PostgreSQL schema and checks every column', async () => {
    const client = new pg.Client({ connectionString: `${postgresUrl}/test` });
    await client.connect();
    const schema = `it_${id}`;
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(ddl(`${schema}.pay`));
      const lint = await harness.value<DatabaseLint>('governance.lintDatabase', { url: `${postgresUrl}/test`, schema });
      expect(lint.summary).toMatchObject({ tables: 1, columns: 6 });
      const columns = columnsOf(lint, 'pay');
      expectTheSameFindings(columns);
      expect(columns.PAY_DTM!.dataType).toBe('TIMESTAMP');
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  it('reads a MariaDB database and checks every column', async () => {
    const connection = await mysql.createConnection({ uri: mariaDbUrl });
    const database = `it_${id}`;
    try {
      await connection.query(`CREATE DATABASE ${database}`);
      await connection.query(ddl(`${database}.PAY`));
      const lint = await harness.value<DatabaseLint>('governance.lintDatabase', { url: `${mariaDbUrl}/${database}` });
      expect(lint.tables.map((t) => t.schema)).toEqual([database]);
      expectTheSameFindings(columnsOf(lint, 'PAY'));
    } finally {
      await connection.query(`DROP DATABASE IF EXISTS ${database}`);
      await connection.end();
    }
  });

  it('says what is wrong with a URL or a database that does not answer', async () => {
    expect((await harness.rpc('governance.lintDatabase', { url: 'not a url' })).body.error?.message).toMatch(/A database URL looks like postgres:\/\//);
    expect((await harness.rpc('governance.lintDatabase', { url: 'redis://127.0.0.1:6379' })).body.error?.message).toMatch(/redis: is neither/);
    const port = await refusedPort();
    const down = await harness.rpc('governance.lintDatabase', { url: `postgres://postgres@127.0.0.1:${port}/test` });
    expect(down.body.error).toMatchObject({ code: 'SERVICE_UNREACHABLE', message: expect.stringMatching(/No database answered at postgres:\/\/127\.0\.0\.1:\d+\/test \(connection refused\)/) });
    expect(down.body.error?.message).not.toContain('postgres@');
    const missing = await harness.rpc('governance.lintDatabase', { url: `${postgresUrl}/no_such_db_${id}` });
    expect(missing.body.error?.message).toMatch(/There is no database no_such_db_/);
  });
});
