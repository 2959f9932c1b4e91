// Starts the reference ledger and verification services: source and target databases (server URLs
// or embedded PGlite), the outbox publisher, the replicator and the delayed verifier (two KIP-848
// groups on one topic), the two HTTP APIs, optional demo traffic, and fault injection.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { clearFaults, injectFault, type FaultName, type FaultOptions, type FaultReport } from './faults';
import type { JsonApi } from './http-api';
import { ledgerApi } from './ledger-api';
import { createSourceSchema, createTargetSchema } from './ledger-schema';
import { LedgerStore } from './ledger-store';
import { createMismatchSchema, MismatchStore } from './mismatch-store';
import { OutboxPublisher } from './outbox-publisher';
import { PipelineOffsets } from './pipeline-offsets';
import { Reconciler } from './reconcile';
import { ReconcileJobs } from './reconcile-jobs';
import { Replicator } from './replicator';
import { openDatabase, type Sql } from './sql';
import { startTraffic } from './traffic';
import { verificationApi, type PipelineDescription } from './verification-api';
import { Verifier } from './verifier';

export interface ReferenceServiceOptions {
  brokers: string[];
  /** mysql://, mariadb:// or postgres:// URL of the ledger's database; omitted: embedded PGlite. */
  sourceUrl?: string;
  /** postgres:// URL of the replica; omitted: embedded PGlite. */
  targetUrl?: string;
  /** Where embedded databases keep their files; omitted: in memory. */
  embeddedDir?: string;
  ledgerPort?: number;
  verificationPort?: number;
  verifyDelayMs?: number;
  retryAfterMs?: number;
  batchAfterMs?: number;
  /** How often the long-term batch compares whole tables (default 10 min; 0: never). */
  scanIntervalMs?: number;
  topic?: string;
  /** Suffix for group ids, so parallel test runs on one broker stay apart. */
  instance?: string;
  trafficPerSecond?: number;
  log?: (line: string) => void;
  /** Extra routes on the verification API's port (the sandbox's fault-injection endpoint). */
  adminRoutes?: (api: JsonApi) => void;
}

export interface ReferenceServices {
  ledgerUrl: string;
  ledgerToken: string;
  verificationUrl: string;
  verificationToken: string;
  pipeline: PipelineDescription;
  source: Sql;
  target: Sql;
  ledger: LedgerStore;
  verifier: Verifier;
  replicator: Replicator;
  inject(fault: FaultName, options?: FaultOptions): Promise<FaultReport[]>;
  /** Runs the long-term batch's table scan now; resolves to the differences it raised. */
  scan(): Promise<number>;
  clearFaults(): void;
  close(): Promise<void>;
}

const PARTITIONS = 3;

export async function startReferenceServices(options: ReferenceServiceOptions): Promise<ReferenceServices> {
  const log = options.log ?? ((line: string) => console.log(line));
  const topic = options.topic ?? 'ledger.events';
  const suffix = options.instance ? `-${options.instance}` : '';
  const embedded = (name: string) => (options.embeddedDir ? path.join(options.embeddedDir, name) : undefined);
  if (options.embeddedDir) fs.mkdirSync(options.embeddedDir, { recursive: true });
  const source = await openDatabase(options.sourceUrl, embedded('source'));
  const target = await openDatabase(options.targetUrl, embedded('target'));
  if (target.dialect !== 'postgres') throw new Error('The replica must be PostgreSQL (postgres:// URL) or embedded PGlite');
  await createSourceSchema(source);
  await createTargetSchema(target);
  await createMismatchSchema(target);

  const pipeline: PipelineDescription = {
    id: 'ledger-replica', name: 'Ledger → replica', topic, source: source.description, target: target.description,
    replicatorGroupId: `ledger-replicator${suffix}`, verifierGroupId: `ledger-verifier${suffix}`,
    verifyDelayMs: options.verifyDelayMs ?? 120_000, retryAfterMs: options.retryAfterMs ?? 300_000, batchAfterMs: options.batchAfterMs ?? 1_800_000,
  };
  const offsets = new PipelineOffsets(options.brokers, topic, PARTITIONS);
  await offsets.ensureTopic();
  const ledger = new LedgerStore(source);
  const publisher = new OutboxPublisher(source, { brokers: options.brokers, topic, partitions: PARTITIONS, log });
  const replicator = new Replicator(target, { brokers: options.brokers, topic, groupId: pipeline.replicatorGroupId, log });
  const mismatches = new MismatchStore(target, pipeline.id);
  await mismatches.load();
  const verifier = new Verifier(source, target, mismatches, {
    brokers: options.brokers, topic, groupId: pipeline.verifierGroupId, delayMs: pipeline.verifyDelayMs,
    retryAfterMs: pipeline.retryAfterMs, batchAfterMs: pipeline.batchAfterMs, log,
    replicatorOffsets: () => offsets.committed(pipeline.replicatorGroupId),
    scanIntervalMs: options.scanIntervalMs ?? 600_000,
  });
  const reconciler = new Reconciler(source, target, mismatches);
  const jobs = new ReconcileJobs(mismatches, reconciler);
  publisher.start();
  await replicator.start();
  await verifier.start();

  const ledgerToken = randomBytes(18).toString('base64url');
  const verificationToken = randomBytes(18).toString('base64url');
  const servers: http.Server[] = [];
  const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(await ledgerApi(ledger, publisher, ledgerToken, log).listen(options.ledgerPort ?? 0));
  const verification = verificationApi({ pipeline, source, target, mismatches, offsets, verifier, reconciler, jobs }, verificationToken, log);
  options.adminRoutes?.(verification);
  servers.push(await verification.listen(options.verificationPort ?? 0));
  // Embedded PGlite runs no autovacuum, so nothing refreshes the planner's statistics unless asked.
  const embeddedDatabases = [source, target].filter((db) => db.description.startsWith('PGlite'));
  const analyze = setInterval(() => { for (const db of embeddedDatabases) void db.query('ANALYZE').catch(() => undefined); }, 30_000);
  const traffic = options.trafficPerSecond ? startTraffic(ledger, options.trafficPerSecond, log) : null;
  const faultParts = { ledger, target, publisher, replicator, verifier };

  return {
    ledgerUrl: urlOf(servers[0]!), ledgerToken, verificationUrl: urlOf(servers[1]!), verificationToken, pipeline,
    source, target, ledger, verifier, replicator,
    inject: (fault, faultOptions) => injectFault(faultParts, fault, faultOptions),
    scan: () => verifier.scanTables(),
    clearFaults: () => clearFaults(faultParts),
    async close() {
      clearInterval(analyze);
      traffic?.stop();
      await Promise.all(servers.map((server) => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); })));
      clearFaults(faultParts);
      await Promise.allSettled([verifier.close(), replicator.close(), publisher.close()]);
      await offsets.close().catch(() => undefined);
      await Promise.allSettled([source.close(), target.close()]);
    },
  };
}
