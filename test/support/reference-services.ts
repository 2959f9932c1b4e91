// Reference services for a test: their own topic and group ids on the test broker, and either
// embedded PGlite databases or fresh databases on the machine's MariaDB and PostgreSQL (dropped
// afterwards). Also a small client for their APIs that checks every answer against the OpenAPI
// contracts.
import mysql from 'mysql2/promise';
import pg from 'pg';
import { startReferenceServices, type ReferenceServiceOptions, type ReferenceServices } from '../../sandbox/services/reference-services';
import { OpenApiValidator, type OpenApiDocument } from '../../main/platform/openapi-validator';
import verificationDocument from '../../shared/openapi/verification-api.v1.json';
import ledgerDocument from '../../shared/openapi/ledger-api.v1.json';
import { testBrokers, uniqueSuffix } from './brokers';
import { deleteTestArtifacts } from './kafka-cli';

export type Backend = 'pglite' | 'servers';

export const mariaDbUrl = process.env.SLUICE_TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
export const postgresUrl = process.env.SLUICE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestServices extends ReferenceServices {
  verification<T>(path: string, init?: { method?: string; body?: unknown; key?: string }, component?: string): Promise<{ status: number; body: T }>;
  ledgerApi<T>(path: string, component?: string): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

const verificationContract = new OpenApiValidator(verificationDocument as OpenApiDocument);
const ledgerContract = new OpenApiValidator(ledgerDocument as OpenApiDocument);

async function freshDatabases(name: string) {
  const maria = await mysql.createConnection(`${mariaDbUrl}/test`);
  await maria.query(`CREATE DATABASE ${name}`);
  await maria.end();
  const admin = new pg.Client({ connectionString: `${postgresUrl}/test` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    sourceUrl: `${mariaDbUrl}/${name}`,
    targetUrl: `${postgresUrl}/${name}`,
    async drop() {
      const m = await mysql.createConnection(`${mariaDbUrl}/test`);
      await m.query(`DROP DATABASE IF EXISTS ${name}`);
      await m.end();
      const p = new pg.Client({ connectionString: `${postgresUrl}/test` });
      await p.connect();
      await p.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await p.end();
    },
  };
}

export async function startTestServices(backend: Backend, options: Partial<ReferenceServiceOptions> = {}): Promise<TestServices> {
  const id = uniqueSuffix();
  const topic = `it-ledger-${id}`;
  const databases = backend === 'servers' ? await freshDatabases(`sluice_it_${id}`) : null;
  const services = await startReferenceServices({
    brokers: testBrokers.split(','), topic, instance: id,
    sourceUrl: databases?.sourceUrl, targetUrl: databases?.targetUrl,
    verifyDelayMs: 1500, retryAfterMs: 60_000, batchAfterMs: 60_000,
    log: () => undefined,
    ...options,
  });
  const call = async <T>(base: string, token: string, contract: OpenApiValidator, path: string, init: { method?: string; body?: unknown; key?: string } = {}, component?: string) => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.key ? { 'idempotency-key': init.key } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body = (await response.json()) as T;
    if (component && response.ok) {
      const violation = contract.check(component, body);
      if (violation) throw new Error(`${path} broke the ${component} contract: ${violation}`);
    }
    return { status: response.status, body };
  };
  return Object.assign(services, {
    verification: <T>(path: string, init?: { method?: string; body?: unknown; key?: string }, component?: string) =>
      call<T>(services.verificationUrl, services.verificationToken, verificationContract, path, init, component),
    ledgerApi: <T>(path: string, component?: string) => call<T>(services.ledgerUrl, services.ledgerToken, ledgerContract, path, {}, component),
    async stop() {
      await services.close();
      await databases?.drop();
      await deleteTestArtifacts([services.pipeline.replicatorGroupId, services.pipeline.verifierGroupId], [topic]);
    },
  });
}
