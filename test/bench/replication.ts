// Replication benchmarks against the reference services on real databases and the real broker:
// verifier throughput (events verified per second, beside the replicator's apply rate on the same
// events: the verifier keeps up when the ratio is ≥ 1), single reconcile latency from the console's
// handler to re-verified (verifier delay 0), and bulk reconcile of 10,000 mismatches as one job.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditLog } from '../../main/audit/audit-log';
import { ReplicationService } from '../../main/replication/replication-service';
import { auditProfileOf } from '../../main/audit/audited-action';
import type { MismatchPage } from '../../shared/replication/verification';
import { eventually } from '../support/bridge-harness';
import { startTestServices, type Backend, type TestServices } from '../support/reference-services';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FAR = () => Date.now() + 3_600_000;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function lagOf(s: TestServices, which: 'replicatorLag' | 'verifierLag'): Promise<number> {
  const { body } = await s.verification<{ items: Record<string, number>[] }>('/v1/pipelines');
  return body.items[0]![which]!;
}

async function openMismatches(s: TestServices): Promise<number> {
  const { body } = await s.verification<{ items: { openByStage: Record<string, number> }[] }>('/v1/pipelines');
  const stages = body.items[0]!.openByStage;
  return stages.retry! + stages.batch! + stages.manual!;
}

// Polled gently: the services share the machine with the bench.
const waitFor = (what: string, check: () => Promise<boolean>, timeoutMs: number) => eventually(what, check, timeoutMs, 250);

/** Creates `payments` payments while both consumers hold, then times each draining the same events. */
async function throughput(s: TestServices, payments: number, writers: number, log: (line: string) => void) {
  s.replicator.delay(FAR());
  s.verifier.stop(FAR());
  const t0 = performance.now();
  for (let i = 0; i < payments; i += writers) {
    await Promise.all(Array.from({ length: Math.min(writers, payments - i) }, (_, j) =>
      s.ledger.createPayment({ merchantId: `bench-m-${(i + j) % 20}`, currency: 'EUR', approvals: [{ method: 'card', amountMinor: 100 + i + j }] }, `bench-${Date.now()}-${i + j}`)));
  }
  log(`   wrote ${payments} payments (${payments * 4} rows and outbox events) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await waitFor('the outbox to drain', async () => (await s.ledgerApi<{ unpublishedCount: number }>('/v1/outbox/health')).body.unpublishedCount === 0, 600_000);
  const events = await lagOf(s, 'replicatorLag');
  const r0 = performance.now();
  s.replicator.delay(0);
  await waitFor('the replicator to catch up', async () => (await lagOf(s, 'replicatorLag')) === 0, 600_000);
  const replicatorMs = performance.now() - r0;
  const v0 = performance.now();
  s.verifier.stop(0);
  await waitFor('the verifier to catch up', async () => (await lagOf(s, 'verifierLag')) === 0, 600_000);
  const verifierMs = performance.now() - v0;
  return { events, replicatorPerSecond: Math.round(events / (replicatorMs / 1000)), verifierPerSecond: Math.round(events / (verifierMs / 1000)) };
}

/** Makes `count` mismatches with the verifier held, so a zero verifier delay still sees the faults. */
async function mismatches(s: TestServices, fault: 'alter-target-column' | 'drop-target-row', count: number): Promise<number> {
  const before = await openMismatches(s);
  s.verifier.stop(FAR());
  await s.inject(fault, { count });
  s.verifier.stop(0);
  const t0 = performance.now();
  await waitFor(`${count} mismatches`, async () => (await openMismatches(s)) >= before + count, 900_000);
  return performance.now() - t0;
}

async function benchBackend(backend: Backend, options: { payments: number; latencySamples: number; bulk: number }, log: (line: string) => void) {
  log(`\n== Replication on ${backend === 'servers' ? 'MariaDB (source) + PostgreSQL (target)' : 'embedded PGlite'}, verifier delay 0`);
  const s = await startTestServices(backend, {
    verifyDelayMs: 0, retryAfterMs: 3_600_000, batchAfterMs: 3_600_000,
    log: (line) => { if (/failed|could not|publisher:/.test(line)) log(`   [services] ${line}`); },
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-bench-'));
  const console$ = new ReplicationService({ verificationUrl: s.verificationUrl, verificationToken: s.verificationToken }, new AuditLog(path.join(dataDir, 'audit.jsonl')), () => auditProfileOf(null));
  try {
    // PGlite is one connection in this process: more writers only queue, and starve the consumers.
    const t = await throughput(s, options.payments, backend === 'pglite' ? 2 : 50, log);
    log(`   ${t.events} events: verifier ${t.verifierPerSecond}/s, replicator ${t.replicatorPerSecond}/s → the verifier runs at ${(t.verifierPerSecond / t.replicatorPerSecond).toFixed(2)}× the replicator's pace`);

    await mismatches(s, 'alter-target-column', options.latencySamples);
    const page = await s.verification<MismatchPage>(`/v1/mismatches?status=open&limit=${options.latencySamples}`);
    const latencies: number[] = [];
    for (const m of page.body.items) {
      const t0 = performance.now();
      const response = await console$.reconcile({ id: m.id, dryRun: false, idempotencyKey: `bench-${m.id}` });
      latencies.push(performance.now() - t0);
      if (response.dryRun || !response.result.verified) throw new Error(`Mismatch ${m.id} was not re-verified`);
    }
    const latency = { samples: latencies.length, p50Ms: Number(percentile(latencies, 0.5).toFixed(1)), p99Ms: Number(percentile(latencies, 0.99).toFixed(1)) };
    log(`   single reconcile, handler → applied and re-verified (audit record included), ${latency.samples} mismatches: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms`);

    const detectMs = await mismatches(s, 'drop-target-row', options.bulk);
    log(`   ${options.bulk} mismatches detected in ${(detectMs / 1000).toFixed(1)} s after the verifier resumed`);
    const b0 = performance.now();
    const job = await console$.reconcileMany({ filter: { kind: 'missing' }, idempotencyKey: `bench-bulk-${Date.now()}` });
    let state = job;
    while (state.state === 'running') {
      await sleep(200);
      state = await console$.verifier.reconcileJob(job.id);
    }
    const bulkMs = performance.now() - b0;
    const bulk = { total: state.total, succeeded: state.succeeded, failed: state.failed, seconds: Number((bulkMs / 1000).toFixed(1)), perSecond: Math.round(state.total / (bulkMs / 1000)) };
    log(`   bulk reconcile of ${bulk.total} mismatches: ${bulk.seconds} s (${bulk.perSecond}/s), ${bulk.succeeded} resolved, ${bulk.failed} failed → ${(bulk.perSecond / (1000 / latency.p50Ms)).toFixed(1)}× one-at-a-time`);
    return { ...t, reconcileLatency: latency, bulk };
  } finally {
    await s.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function replicationBench(log: (line: string) => void, options = { payments: 5000, latencySamples: 200, bulk: 10_000 }, backends: Backend[] = ['servers', 'pglite']) {
  const results: Partial<Record<Backend, Awaited<ReturnType<typeof benchBackend>>>> = {};
  for (const backend of backends) results[backend] = await benchBackend(backend, options, log);
  return results;
}
