// The reference ledger and verification services against the real broker and real databases:
// MariaDB (source) + PostgreSQL (target), and the embedded PGlite default. Every fault is injected;
// the verifier must find it and a reconcile must fix it. Every answer is checked against the
// OpenAPI contracts in shared/openapi.
import { Producer, stringSerializers } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mismatch, MismatchDetail, MismatchPage, Pipeline, ReconcileJob, ReconcileResponse } from '../../shared/replication/verification';
import { mismatchDetailSchema, mismatchPageSchema, pipelineSchema, reconcileResponseSchema } from '../../shared/replication/verification';
import type { OutboxHealth, PaymentLifecycle, PaymentPage } from '../../shared/ledger/ledger';
import { outboxHealthSchema, paymentLifecycleSchema } from '../../shared/ledger/ledger';
import { eventually } from '../support/bridge-harness';
import { testBrokers } from '../support/brokers';
import { startTestServices, type Backend, type TestServices } from '../support/reference-services';

const paymentKey = (id: string) => `payment_id=${id}`;

describe.each<Backend>(['servers', 'pglite'])('reference services on %s', (backend) => {
  let s: TestServices;

  beforeAll(async () => {
    s = await startTestServices(backend, { retryAfterMs: 2500, batchAfterMs: 2500 });
  }, 120_000);
  afterAll(async () => { await s?.stop(); }, 60_000);

  const mismatchFor = async (paymentId: string, status?: Mismatch['status']) => {
    const { body } = await s.verification<MismatchPage>(`/v1/mismatches?table=payments${status ? `&status=${status}` : ''}&limit=1000`, {}, 'MismatchPage');
    mismatchPageSchema.parse(body);
    return body.items.find((m) => m.key.payment_id === paymentId) ?? null;
  };
  const waitForMismatch = (paymentId: string, status?: Mismatch['status']) => {
    let found: Mismatch | null = null;
    return eventually(`a mismatch for ${paymentKey(paymentId)}`, async () => (found = await mismatchFor(paymentId, status)) !== null, 30_000).then(() => found!);
  };
  const reconcile = (id: string, dryRun: boolean, key: string) =>
    s.verification<ReconcileResponse>(`/v1/mismatches/${id}/reconcile`, { method: 'POST', body: { dryRun }, key }, 'ReconcileResponse');

  it('uses the databases it was given', () => {
    expect(s.pipeline.source).toMatch(backend === 'servers' ? /^MariaDB / : /^PGlite/);
    expect(s.pipeline.target).toMatch(backend === 'servers' ? /^PostgreSQL / : /^PGlite/);
  });

  it('a dropped target row is found as missing and one reconcile inserts it back', async () => {
    const [fault] = await s.inject('drop-target-row');
    expect(fault).toEqual({ fault: 'drop-target-row', table: 'payments', key: { payment_id: expect.any(String) } });
    const mismatch = await waitForMismatch(fault!.key.payment_id!);
    expect(mismatch).toMatchObject({ kind: 'missing', stage: 'retry', status: 'divergent', table: 'payments' });
    expect(mismatch.event).toMatchObject({ topic: s.pipeline.topic, operation: 'insert' });

    const detail = await s.verification<MismatchDetail>(`/v1/mismatches/${mismatch.id}`, {}, 'MismatchDetail');
    mismatchDetailSchema.parse(detail.body);
    expect(detail.body.sourceRow?.payment_id).toBe(fault!.key.payment_id);
    expect(detail.body.targetRow).toBeNull();

    const plan = await reconcile(mismatch.id, true, 'plan-1');
    reconcileResponseSchema.parse(plan.body);
    expect(plan.body).toMatchObject({ dryRun: true, plan: { action: 'insert', sourceOfTruth: 'source' } });
    if (plan.body.dryRun) expect(plan.body.plan.sql[0]).toContain(`INSERT INTO payments`);
    expect((await s.target.query('SELECT 1 FROM payments WHERE payment_id = $1', [fault!.key.payment_id])).length).toBe(0); // a dry run changes nothing

    const applied = await reconcile(mismatch.id, false, `apply-${mismatch.id}`);
    expect(applied.body).toMatchObject({ dryRun: false, result: { applied: true, replayed: false, verified: true, status: 'resolved', action: 'insert' } });
    const [row] = await s.target.query('SELECT _written_by FROM payments WHERE payment_id = $1', [fault!.key.payment_id]);
    expect(row?._written_by).toBe('reconcile');
    expect((await mismatchFor(fault!.key.payment_id!))?.status).toBe('resolved');
  });

  it('an altered target column is found as differs on that column and reconciled by an update', async () => {
    const [fault] = await s.inject('alter-target-column');
    expect(fault?.column).toBe('amount_minor');
    const mismatch = await waitForMismatch(fault!.key.payment_id!);
    expect(mismatch.kind).toBe('differs');
    expect(mismatch.columns.map((c) => c.name)).toEqual(['amount_minor']);
    expect(Number(mismatch.columns[0]!.target) - Number(mismatch.columns[0]!.source)).toBe(1);
    const applied = await reconcile(mismatch.id, false, `apply-${mismatch.id}`);
    expect(applied.body).toMatchObject({ result: { action: 'update', verified: true } });
  });

  it('the table scan finds what no event points at: a row changed after it was verified, and a row the source never had', async () => {
    const { paymentId } = await s.ledger.createPayment({ merchantId: 'm-scan', currency: 'EUR', approvals: [{ method: 'card', amountMinor: 40 }] }, `scan-${Date.now()}`);
    await eventually('the payment to replicate', async () => (await s.target.query('SELECT 1 FROM payments WHERE payment_id = $1', [paymentId])).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 5500)); // verified by the event path, and settled for the scan
    expect(await mismatchFor(paymentId)).toBeNull();
    await s.target.query(`UPDATE payments SET currency = 'USD' WHERE payment_id = $1`, [paymentId]);
    const [extra] = await s.inject('insert-extra-target-row');
    expect(extra).toEqual({ fault: 'insert-extra-target-row', table: 'payments', key: { payment_id: expect.stringMatching(/^pay_/) } });
    expect(await s.scan()).toBeGreaterThanOrEqual(2);

    const changed = await mismatchFor(paymentId);
    expect(changed).toMatchObject({ kind: 'differs', columns: [{ name: 'currency', source: 'EUR', target: 'USD' }], event: { topic: s.pipeline.topic } });
    const found = (await mismatchFor(extra!.key.payment_id!))!;
    expect(found).toMatchObject({ kind: 'extra', status: 'divergent', event: null });
    const detail = await s.verification<MismatchDetail>(`/v1/mismatches/${found.id}`, {}, 'MismatchDetail');
    expect(detail.body).toMatchObject({ sourceRow: null, history: [{ action: 'detected', detail: 'extra, found by the table scan' }] });
    const plan = await reconcile(found.id, true, 'plan-extra');
    if (plan.body.dryRun) expect(plan.body.plan.sql).toEqual([`DELETE FROM payments WHERE payment_id = '${extra!.key.payment_id}'`]);
    expect((await reconcile(found.id, false, `apply-${found.id}`)).body).toMatchObject({ result: { action: 'delete', verified: true, status: 'resolved' } });
    expect((await s.target.query('SELECT 1 FROM payments WHERE payment_id = $1', [extra!.key.payment_id])).length).toBe(0);
    expect((await reconcile(changed!.id, false, `apply-${changed!.id}`)).body).toMatchObject({ result: { action: 'update', verified: true } });
    expect(await s.scan()).toBe(0); // nothing left to find
  });

  it('1,000 concurrent duplicate reconcile requests with one key apply once', async () => {
    const [fault] = await s.inject('alter-target-column');
    const mismatch = await waitForMismatch(fault!.key.payment_id!);
    const responses = await Promise.all(Array.from({ length: 1000 }, () => reconcile(mismatch.id, false, `same-key-${mismatch.id}`)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const results = responses.map((r) => (r.body.dryRun ? null : r.body.result));
    expect(results.filter((r) => r && !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r?.appliedAt)).size).toBe(1);
    const detail = await s.verification<MismatchDetail>(`/v1/mismatches/${mismatch.id}`);
    expect(detail.body.history.filter((h) => h.action === 'reconciled')).toHaveLength(1);
    // The key names one mismatch: using it for another is a conflict, not a silent replay.
    const [other] = await s.inject('alter-target-column');
    const second = await waitForMismatch(other!.key.payment_id!);
    expect((await reconcile(second.id, false, `same-key-${mismatch.id}`)).status).toBe(409);
  });

  it('a delayed replicator makes pending mismatches (lag, not divergence) that resolve themselves', async () => {
    const [fault] = await s.inject('delay-replicator', { seconds: 6 });
    expect(fault).toMatchObject({ table: 'payments', seconds: 6 });
    const pending = await waitForMismatch(fault!.key.payment_id!, 'pending');
    expect(pending).toMatchObject({ kind: 'missing', status: 'pending' });
    await eventually('the pending mismatch to resolve once replicated', async () => (await mismatchFor(fault!.key.payment_id!))?.status === 'resolved', 30_000);
    const detail = await s.verification<MismatchDetail>(`/v1/mismatches/${pending.id}`);
    expect(detail.body.mismatch.resolution).toBe('replicated');
  });

  it('an event published twice shows as a duplicate key and replicates once', async () => {
    const [fault] = await s.inject('duplicate-event');
    expect(fault).toMatchObject({ fault: 'duplicate-event', table: 'outbox', key: { idempotency_key: expect.stringMatching(/^payments:/) } });
    const key = fault!.key.idempotency_key!;
    const health = await s.ledgerApi<OutboxHealth>('/v1/outbox/health', 'OutboxHealth');
    outboxHealthSchema.parse(health.body);
    expect(health.body.duplicateKeys).toContainEqual({ idempotencyKey: key, publications: 2 });
    const paymentId = key.split(':')[1]!;
    const lifecycle = await s.ledgerApi<PaymentLifecycle>(`/v1/payments/${paymentId}`, 'PaymentLifecycle');
    expect(lifecycle.body.outboxEvents.find((e) => e.idempotencyKey === key)?.publications).toHaveLength(2);
    await eventually('the payment to replicate', async () => (await s.target.query('SELECT COUNT(*) AS n FROM payments WHERE payment_id = $1', [paymentId]))[0]?.n === '1');
  });

  it('a stopped publisher leaves events unpublished, with their age, until it resumes', async () => {
    const [fault] = await s.inject('stop-publisher', { seconds: 4 });
    const health = await s.ledgerApi<OutboxHealth>('/v1/outbox/health', 'OutboxHealth');
    expect(health.body.publisher).toBe('stopped');
    expect(health.body.unpublishedCount).toBeGreaterThan(0);
    expect(health.body.oldestUnpublishedAgeMs).not.toBeNull();
    const lifecycle = await s.ledgerApi<PaymentLifecycle>(`/v1/payments/${fault!.key.payment_id}`, 'PaymentLifecycle');
    expect(lifecycle.body.outboxEvents.every((e) => e.publications.length === 0)).toBe(true);
    await eventually('the outbox to drain after the publisher resumes', async () => (await s.ledgerApi<OutboxHealth>('/v1/outbox/health')).body.unpublishedCount === 0, 20_000);
  });

  it('a stopped verifier shows in the pipeline with its lag, and catches up', async () => {
    await s.inject('stop-verifier', { seconds: 5 });
    const pipeline = async () => {
      const { body } = await s.verification<{ items: Pipeline[] }>('/v1/pipelines', {}, 'PipelineList');
      return pipelineSchema.parse(body.items[0]);
    };
    expect((await pipeline()).verifierState).toBe('stopped');
    await eventually('the verifier to fall behind', async () => (await pipeline()).verifierLag > 0, 10_000);
    await eventually('the verifier to catch up', async () => { const p = await pipeline(); return p.verifierState === 'running' && p.verifierLag === 0; }, 30_000);
    expect((await pipeline()).replicatorGroupId).toBe(s.pipeline.replicatorGroupId);
  });

  it('an unreconciled mismatch climbs the ladder: retry → long-term batch → manual', async () => {
    const [fault] = await s.inject('alter-target-column');
    const mismatch = await waitForMismatch(fault!.key.payment_id!);
    await eventually('the mismatch to reach manual', async () => (await mismatchFor(fault!.key.payment_id!))?.stage === 'manual', 30_000);
    const detail = await s.verification<MismatchDetail>(`/v1/mismatches/${mismatch.id}`);
    expect(detail.body.history.map((h) => h.action)).toEqual(['detected', 'moved to batch', 'moved to manual']);
    const manual = await s.verification<MismatchPage>('/v1/mismatches?stage=manual');
    expect(manual.body.items.some((m) => m.id === mismatch.id)).toBe(true);
  });

  it('a record that is not a ledger event is dead-lettered and the pipeline goes on', async () => {
    const producer = new Producer({ clientId: 'it-bad-record', bootstrapBrokers: testBrokers.split(','), serializers: stringSerializers });
    await producer.send({ messages: [{ topic: s.pipeline.topic, key: 'garbage', value: '{not json' }] });
    await producer.close();
    await eventually('the bad record to be dead-lettered', async () => (await s.target.query('SELECT COUNT(*) AS n FROM replication_dead_letters'))[0]?.n === '1', 20_000);
    const { paymentId } = await s.ledger.createPayment({ merchantId: 'm-after-bad', currency: 'EUR', approvals: [{ method: 'card', amountMinor: 5 }] }, `after-bad-${Date.now()}`);
    await eventually('a later payment to replicate', async () => (await s.target.query('SELECT 1 FROM payments WHERE payment_id = $1', [paymentId])).length === 1, 20_000);
  });

  it('reconciles a filtered set as a job with progress', async () => {
    const faults = await s.inject('drop-target-row', { count: 12 });
    expect(faults).toHaveLength(12);
    const ids = new Set(faults.map((f) => f.key.payment_id));
    await eventually('all 12 mismatches', async () => {
      const { body } = await s.verification<MismatchPage>('/v1/mismatches?kind=missing&status=divergent&limit=1000');
      return body.items.filter((m) => ids.has(m.key.payment_id)).length === 12;
    }, 30_000);
    const started = await s.verification<ReconcileJob>('/v1/reconcile-jobs', { method: 'POST', body: { filter: { kind: 'missing' } }, key: 'job-1' }, 'ReconcileJob');
    expect(started.status).toBe(202);
    expect(started.body.total).toBeGreaterThanOrEqual(12);
    const again = await s.verification<ReconcileJob>('/v1/reconcile-jobs', { method: 'POST', body: { filter: { kind: 'missing' } }, key: 'job-1' });
    expect(again.body.id).toBe(started.body.id); // same key, same job
    let job = started.body;
    await eventually('the job to finish', async () => (job = (await s.verification<ReconcileJob>(`/v1/reconcile-jobs/${started.body.id}`, {}, 'ReconcileJob')).body).state === 'done', 60_000);
    expect(job.succeeded).toBe(job.total);
    for (const id of ids) expect((await mismatchFor(id!))?.status).toBe('resolved');
  });

  it('pages mismatches with an opaque cursor and rejects bad input', async () => {
    const first = await s.verification<MismatchPage>('/v1/mismatches?limit=2', {}, 'MismatchPage');
    expect(first.body.items).toHaveLength(2);
    const second = await s.verification<MismatchPage>(`/v1/mismatches?limit=2&cursor=${first.body.nextCursor}`, {}, 'MismatchPage');
    expect(Number(second.body.items[0]!.id)).toBeLessThan(Number(first.body.items[1]!.id));
    expect((await s.verification('/v1/mismatches?kind=weird')).status).toBe(400);
    expect((await s.verification('/v1/mismatches?cursor=@@@')).status).toBe(400);
    expect((await s.verification('/v1/mismatches/1/reconcile', { method: 'POST', body: { dryRun: false } })).status).toBe(400); // no Idempotency-Key
    const unauthorized = await fetch(`${s.verificationUrl}/v1/pipelines`, { headers: { authorization: 'Bearer wrong' } });
    expect(unauthorized.status).toBe(401);
  });

  it('the ledger API returns a split payment’s whole lifecycle and searches by merchant', async () => {
    const merchant = `m-split-${Date.now()}`;
    const { paymentId } = await s.ledger.createPayment({ merchantId: merchant, currency: 'EUR', approvals: [{ method: 'card', amountMinor: 700 }, { method: 'voucher', amountMinor: 300 }] }, `split-${merchant}`);
    const lifecycle = await s.ledgerApi<PaymentLifecycle>(`/v1/payments/${paymentId}`, 'PaymentLifecycle');
    paymentLifecycleSchema.parse(lifecycle.body);
    expect(lifecycle.body.payment.amount_minor).toBe('1000');
    expect(lifecycle.body.approvals).toHaveLength(2);
    await s.ledger.cancelApproval(lifecycle.body.approvals[0]!.approval_id!, 200, 'customer request', `cancel-${paymentId}`);
    const after = await s.ledgerApi<PaymentLifecycle>(`/v1/payments/${paymentId}`, 'PaymentLifecycle');
    expect(after.body.cancellations).toHaveLength(1);
    expect(after.body.ledgerEntries.filter((e) => e.direction === 'debit')).toHaveLength(1); // a compensating entry, no update
    expect(after.body.outboxEvents.length).toBe(1 + 2 + 1 + 5);
    await s.ledger.createPayment({ merchantId: merchant, currency: 'EUR', approvals: [{ method: 'card', amountMinor: 1 }] }, `second-${merchant}`);
    const page1 = await s.ledgerApi<PaymentPage>(`/v1/payments?merchantId=${merchant}&limit=1`, 'PaymentPage');
    const page2 = await s.ledgerApi<PaymentPage>(`/v1/payments?merchantId=${merchant}&limit=1&cursor=${page1.body.nextCursor}`, 'PaymentPage');
    expect([page1.body.items[0]?.payment_id, page2.body.items[0]?.payment_id]).toHaveLength(2);
    expect(page2.body.nextCursor).toBeNull();
    expect((await s.ledgerApi('/v1/payments/pay_nope')).status).toBe(404);
  });
});
