// The verification/ledger API client against a local HTTP server that misbehaves on purpose:
// refused connections, 5xx then success, slow answers, contract-breaking bodies, client errors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/common/result';
import { VerificationClient } from '../../../../main/replication/verification-client';
import { LedgerClient } from '../../../../main/ledger/ledger-client';

type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;
let server: http.Server | null = null;
const seen: { url: string; key: string | undefined; auth: string | undefined }[] = [];

async function serve(...replies: Reply[]): Promise<string> {
  let call = 0;
  server = http.createServer((request, response) => {
    seen.push({ url: request.url!, key: request.headers['idempotency-key'] as string | undefined, auth: request.headers.authorization });
    replies[Math.min(call++, replies.length - 1)]!(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const json = (status: number, body: unknown): Reply => (_, response) => { response.writeHead(status, { 'content-type': 'application/json' }); response.end(JSON.stringify(body)); };
const health = { unpublishedCount: 0, oldestUnpublishedAt: null, oldestUnpublishedAgeMs: null, duplicateKeys: [], publisher: 'running' };
const fast = { retryDelaysMs: [1, 1], timeoutMs: 300 };
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as AppFailure);

afterEach(async () => {
  seen.length = 0;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

describe('service client', () => {
  it('sends the bearer token and returns a body that honours the contract', async () => {
    const url = await serve(json(200, health));
    expect(await new LedgerClient({ baseUrl: url, token: 'secret' }, fast).outboxHealth()).toEqual(health);
    expect(seen[0]!.auth).toBe('Bearer secret');
  });

  it('retries a 5xx with backoff and succeeds', async () => {
    const url = await serve(json(503, { error: { code: 'DOWN', message: 'database restarting' } }), json(200, health));
    expect(await new LedgerClient({ baseUrl: url, token: null }, fast).outboxHealth()).toEqual(health);
    expect(seen).toHaveLength(2);
  });

  it('gives up after the retries with the service’s own message', async () => {
    const url = await serve(json(500, { error: { code: 'INTERNAL', message: 'disk full' } }));
    const error = await failure(new LedgerClient({ baseUrl: url, token: null }, fast).outboxHealth());
    expect(error).toMatchObject({ code: 'SERVICE_ERROR', message: 'The ledger API failed (HTTP 500): disk full.' });
    expect(seen).toHaveLength(3);
  });

  it('says a refused connection is unreachable, with the URL', async () => {
    const url = await serve(json(200, health));
    await new Promise((resolve) => server!.close(resolve));
    server = null;
    const error = await failure(new LedgerClient({ baseUrl: url, token: null }, fast).outboxHealth());
    expect(error.code).toBe('SERVICE_UNREACHABLE');
    expect(error.message).toBe(`The ledger API is unreachable at ${url}: connection refused (is it running?).`);
  });

  it('explains a port that fetch refuses to dial', async () => {
    const error = await failure(new LedgerClient({ baseUrl: 'http://127.0.0.1:6000', token: null }, fast).outboxHealth());
    expect(error.message).toMatch(/unreachable at http:\/\/127\.0\.0\.1:6000: fetch refuses to connect to this port/);
  });

  it('times out a slow service', async () => {
    const url = await serve((_, response) => setTimeout(() => json(200, health)(_, response), 2000));
    const error = await failure(new LedgerClient({ baseUrl: url, token: null }, { retryDelaysMs: [], timeoutMs: 100 }).outboxHealth());
    expect(error).toMatchObject({ code: 'SERVICE_UNREACHABLE', message: `The ledger API did not answer within 0.1 s (${url}).` });
  });

  it('refuses data that breaks the OpenAPI contract, naming what is wrong', async () => {
    const url = await serve(json(200, { ...health, publisher: 'sleeping' }));
    const error = await failure(new LedgerClient({ baseUrl: url, token: null }, fast).outboxHealth());
    expect(error.code).toBe('CONTRACT_VIOLATION');
    expect(error.message).toMatch(/OutboxHealth: \/publisher must be equal to one of the allowed values/);
    const notJson = await serve((_, response) => response.end('<html>proxy error</html>'));
    expect((await failure(new LedgerClient({ baseUrl: notJson, token: null }, fast).outboxHealth())).message).toMatch(/the body is not JSON/);
  });

  it('maps client errors to codes and does not retry them', async () => {
    const url = await serve(json(404, { error: { code: 'NOT_FOUND', message: 'No mismatch 9' } }), json(409, { error: { code: 'CONFLICT', message: 'key used for mismatch 3' } }), json(401, { error: { code: 'UNAUTHORIZED', message: 'nope' } }));
    const client = new VerificationClient({ baseUrl: url, token: 't' }, fast);
    expect(await failure(client.mismatch('9'))).toMatchObject({ code: 'NOT_FOUND', message: 'No mismatch 9' });
    expect(await failure(client.reconcile('9', false, 'key-123456'))).toMatchObject({ code: 'CONFLICT' });
    expect((await failure(client.pipelines())).message).toMatch(/refused Sluice's token/);
    expect(seen).toHaveLength(3);
  });

  it('retries a write with the same idempotency key, so the retry is the same write', async () => {
    const result = { mismatchId: '7', idempotencyKey: 'click-1234', applied: true, replayed: false, action: 'update', sql: [], verified: true, status: 'resolved', appliedAt: 'now' };
    const url = await serve((_, response) => response.destroy(), json(200, { dryRun: false, result }));
    const response = await new VerificationClient({ baseUrl: url, token: null }, fast).reconcile('7', false, 'click-1234');
    expect(response).toEqual({ dryRun: false, result });
    expect(seen.map((s) => s.key)).toEqual(['click-1234', 'click-1234']);
  });
});
