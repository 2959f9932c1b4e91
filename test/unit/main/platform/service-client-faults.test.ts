// The HTTP service client against local servers that fail the ways services fail in production: a
// connection closed in the middle of the answer, a body that stalls after the headers, a service
// that hangs, a Retry-After. Each ends as a typed AppFailure (never a raw error with a stack) or a
// retried success, within the call's time budget. The bounds are what the client promises (a call
// ends), asserted with generous margins; they are not benchmarks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/common/result';
import { ServiceClient, type ClientOptions } from '../../../../main/platform/service-client';

type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;
let server: http.Server | null = null;
const arrivals: number[] = [];

async function serve(...replies: Reply[]): Promise<string> {
  let call = 0;
  server = http.createServer((request, response) => {
    arrivals.push(Date.now());
    request.resume();
    replies[Math.min(call++, replies.length - 1)]!(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const answer = { subjects: ['payments-value'] };
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => (_, response) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};
/** Promises a long body, sends its first bytes, then hangs up. */
const closeMidBody: Reply = (_, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
  response.write('{"subjects": ["pay');
  setTimeout(() => response.socket?.destroy(), 20);
};
/** Sends the headers and the first bytes, then nothing, ever. */
const stallBody: Reply = (_, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
  response.write('{"subjects": [');
};
const hang: Reply = () => undefined;

const client = (url: string, options: ClientOptions) => new ServiceClient({ label: 'test API', baseUrl: url, token: null }, { check: () => null }, options);
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error);
const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
};

afterEach(async () => {
  arrivals.length = 0;
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
  }
  server = null;
});

describe('service client under faults', () => {
  it('retries a connection closed in the middle of the answer, like other transient errors', async () => {
    const url = await serve(closeMidBody, json(200, answer));
    expect(await client(url, { retryDelaysMs: [1], timeoutMs: 1_000 }).get('/subjects', 'Subjects')).toEqual(answer);
    expect(arrivals).toHaveLength(2);
  });

  it('says a connection that keeps closing mid-answer is unreachable, as a typed error', async () => {
    const url = await serve(closeMidBody);
    const error = await failure(client(url, { retryDelaysMs: [1, 1], timeoutMs: 1_000 }).get('/subjects', 'Subjects'));
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({ code: 'SERVICE_UNREACHABLE', message: expect.stringMatching(/test API closed the connection in the middle of its answer/) });
    expect(arrivals).toHaveLength(3);
  });

  it('gives up on a body that stalls after the headers and retries', async () => {
    const url = await serve(stallBody, json(200, answer));
    expect(await client(url, { retryDelaysMs: [1], timeoutMs: 300 }).get('/subjects', 'Subjects')).toEqual(answer);
    expect(arrivals).toHaveLength(2);
  });

  it('says a body that keeps stalling did not finish, as a typed error', async () => {
    const url = await serve(stallBody);
    const error = await failure(client(url, { retryDelaysMs: [], timeoutMs: 300 }).get('/subjects', 'Subjects'));
    expect(error).toMatchObject({ code: 'SERVICE_UNREACHABLE', message: expect.stringMatching(/test API did not finish its answer within 0\.3 s/) });
  });

  it('waits as long as Retry-After asks before trying again', async () => {
    const url = await serve(json(503, { message: 'warming up' }, { 'retry-after': '1' }), json(200, answer));
    expect(await client(url, { retryDelaysMs: [1], timeoutMs: 1_000 }).get('/subjects', 'Subjects')).toEqual(answer);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(900);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    const url = await serve((request, response) => json(429, { message: 'slow down' }, { 'retry-after': new Date(Date.now() + 1_500).toUTCString() })(request, response), json(200, answer));
    expect(await client(url, { retryDelaysMs: [1], timeoutMs: 1_000 }).get('/subjects', 'Subjects')).toEqual(answer);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(400);
  });

  it('ends the call at once when Retry-After asks for longer than it may wait, and says so', async () => {
    const url = await serve(json(503, { message: 'maintenance' }, { 'retry-after': '3600' }));
    const { value: error, ms } = await timed(() => failure(client(url, { retryDelaysMs: [1, 1, 1], timeoutMs: 1_000 }).get('/subjects', 'Subjects')));
    expect(error).toMatchObject({ code: 'SERVICE_ERROR', message: expect.stringMatching(/HTTP 503.*maintenance.*asked to be retried in 3600 s/), details: { status: 503, retryAfterMs: 3_600_000 } });
    expect(arrivals).toHaveLength(1);
    expect(ms).toBeLessThan(2_000);
  });

  it('ends a call to a hung service within its time budget, whatever its retries', async () => {
    const url = await serve(hang);
    const { value: error, ms } = await timed(() => failure(client(url, { retryDelaysMs: [250, 1_000, 3_000], timeoutMs: 400, budgetMs: 1_500 }).get('/subjects', 'Subjects')));
    expect(error).toMatchObject({ code: 'SERVICE_UNREACHABLE', message: expect.stringMatching(/did not answer within/) });
    expect(ms).toBeLessThan(3_000);
  });

  it('ends an operation of several calls once its service stops answering, tolerated failures included', async () => {
    let answered = 0;
    const url = await serve((request, response) => { if (answered++ < 2) setTimeout(() => json(200, answer)(request, response), 400); });
    const operation = client(url, { retryDelaysMs: [], timeoutMs: 5_000, budgetMs: 5_000 }).within(1_000);
    await operation.get('/a', 'Subjects');
    await operation.get('/b', 'Subjects');
    // Pages tolerate some failures (who references a schema) and go on asking: the operation still ends.
    const { value: errors, ms } = await timed(async () => [await failure(operation.get('/c', 'Subjects')), await failure(operation.get('/d', 'Subjects'))]);
    expect(errors).toMatchObject([{ code: 'SERVICE_UNREACHABLE' }, { code: 'SERVICE_UNREACHABLE' }]);
    expect(ms).toBeLessThan(2_500);
  });

  it('lets an operation that keeps getting answers run past its budget (a big registry is slow, not hung)', async () => {
    const url = await serve((request, response) => setTimeout(() => json(200, answer)(request, response), 400));
    const operation = client(url, { retryDelaysMs: [], timeoutMs: 1_000 }).within(1_000);
    for (const path of ['/a', '/b', '/c', '/d']) expect(await operation.get(path, 'Subjects')).toEqual(answer);
  });
});
