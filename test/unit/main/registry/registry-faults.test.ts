// The Schema Registry client when the registry fails: hung (no answer at all), answering 500, or
// slow across the several calls one page needs. With the client's own defaults a call ends well
// within 15 s (it took 44 s, and 88 s for a registration, before calls had a time budget).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/common/result';
import { RegistryClient } from '../../../../main/registry/registry-client';

let server: http.Server | null = null;
let requests = 0;

async function serve(reply: (request: http.IncomingMessage, response: http.ServerResponse) => void): Promise<string> {
  server = http.createServer((request, response) => {
    requests++;
    request.resume();
    reply(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/apis/ccompat/v7`;
}
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppFailure);
const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
};

afterEach(async () => {
  requests = 0;
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
  }
  server = null;
});

describe('registry client under faults', () => {
  it('ends a registration with a hung registry within 15 s, as a typed error', async () => {
    const url = await serve(() => undefined);
    const { value: error, ms } = await timed(() => failure(new RegistryClient({ url }).register('payments-value', 'AVRO', '"string"')));
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({ code: 'SERVICE_UNREACHABLE', message: expect.stringMatching(/schema registry did not answer within/) });
    expect(ms).toBeLessThan(15_000);
  }, 30_000);

  it('says a registry answering 500 failed, with its own message, and does not hammer it', async () => {
    const url = await serve((_, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error_code: 50001, message: 'Error in the backend data store' }));
    });
    const error = await failure(new RegistryClient({ url }, { retryDelaysMs: [1, 1] }).subjects());
    expect(error).toMatchObject({ code: 'SERVICE_ERROR', message: 'The schema registry failed (HTTP 500): Error in the backend data store.' });
    expect(requests).toBe(3);
  });

  it('ends an operation of several calls when the registry stops answering part-way', async () => {
    let answered = 0;
    const url = await serve((request, response) => {
      if (answered++ > 0) return;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ subject: 'payments-value', version: 1, id: 7, schema: '"string"' }));
    });
    // As the subject page asks: the version, then (tolerating failures) who references it, and where.
    const operation = new RegistryClient({ url }, { retryDelaysMs: [250], timeoutMs: 5_000, budgetMs: 5_000 }).within(1_000);
    const { ms } = await timed(async () => {
      await operation.version('payments-value', 1);
      await operation.referencedBy('payments-value', 1).catch(() => []);
      await operation.subjectVersionsOfId(7).catch(() => []);
    });
    expect(ms).toBeLessThan(2_500);
  });
});
