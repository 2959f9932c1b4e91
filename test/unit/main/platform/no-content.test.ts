// A 204 "No Content" is an answer only where the contract allows an empty body (a registry subject's
// mode). Anywhere else it breaks the contract like any other wrong body: it once reached handlers as
// null, which failed with a TypeError and answered 500 INTERNAL with a stack trace.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppFailure } from '../../../../shared/common/result';
import { LedgerClient } from '../../../../main/ledger/ledger-client';
import { RegistryClient } from '../../../../main/registry/registry-client';
import { VerificationClient } from '../../../../main/replication/verification-client';

let server: http.Server | null = null;

async function answerNoContent(): Promise<string> {
  server = http.createServer((_, response) => response.writeHead(204).end());
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const fast = { retryDelaysMs: [1], timeoutMs: 1_000 };
const failure = (promise: Promise<unknown>) => promise.then((value) => { throw new Error(`expected a failure, got ${JSON.stringify(value)}`); }, (error: unknown) => error as AppFailure);

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

describe('a 204 from a service', () => {
  it('breaks the contract of an answer that must have a body', async () => {
    const url = await answerNoContent();
    const errors = [
      await failure(new LedgerClient({ baseUrl: url, token: null }, fast).outboxHealth()),
      await failure(new VerificationClient({ baseUrl: url, token: null }, fast).pipelines()),
      await failure(new RegistryClient({ url }, fast).subjects()),
    ];
    for (const error of errors) {
      expect(error.code).toBe('CONTRACT_VIOLATION');
      expect(error.message).toMatch(/answered with data its contract does not allow/);
    }
  });

  it('is still an answer where the contract allows no body (a registry subject’s mode)', async () => {
    const url = await answerNoContent();
    expect(await new RegistryClient({ url }, fast).mode('payments-value')).toBeNull();
  });
});
