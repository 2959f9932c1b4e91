// The Schema Registry client against a local server that answers as registries do, and as they
// should not: basic auth, Confluent error bodies, a mode answered with 204, a broken body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/common/result';
import { RegistryClient } from '../../../../main/registry/registry-client';

let server: http.Server | null = null;
const seen: { method: string; url: string; auth?: string; body: string }[] = [];

async function serve(reply: (method: string, url: string) => [number, unknown]): Promise<string> {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (c) => { body += c; });
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, auth: request.headers.authorization, body });
      const [status, payload] = reply(request.method!, request.url!);
      response.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      response.end(payload === undefined ? '' : JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/apis/ccompat/v7`;
}
const fast = { retryDelaysMs: [1], timeoutMs: 500 };
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppFailure);

afterEach(async () => {
  seen.length = 0;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

describe('registry client', () => {
  it('sends basic credentials and reads subjects, versions and compatibility', async () => {
    const url = await serve((_, u) => (u.endsWith('/subjects') ? [200, ['a-value']] : u.includes('/versions') ? [200, [1, 2]] : [200, { compatibilityLevel: 'FULL' }]));
    const client = new RegistryClient({ url, username: 'ops', password: 's3cret' }, fast);
    expect(await client.subjects()).toEqual(['a-value']);
    expect(await client.versions('a-value')).toEqual([1, 2]);
    expect(await client.compatibility('a/value')).toBe('FULL');
    expect(seen[0]!.auth).toBe(`Basic ${Buffer.from('ops:s3cret').toString('base64')}`);
    expect(seen[2]!.url).toBe('/apis/ccompat/v7/config/a%2Fvalue?defaultToGlobal=true');
  });

  it('reads a mode answered with 204 as "not reported"', async () => {
    const url = await serve(() => [204, undefined]);
    expect(await new RegistryClient({ url }, fast).mode('a-value')).toBeNull();
  });

  it('turns Confluent error bodies into messages, and a 404 lookup into null', async () => {
    const url = await serve((method) => (method === 'POST' ? [404, { error_code: 40403, message: 'Schema not found' }] : [422, { error_code: 42203, message: 'Invalid compatibility level' }]));
    const client = new RegistryClient({ url }, fast);
    expect(await client.lookup('a-value', 'AVRO', '"string"')).toBeNull();
    const error = await failure(client.setCompatibility('a-value', 'BOGUS'));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'The schema registry rejected the request: Invalid compatibility level', details: { status: 422, code: 42203 } });
  });

  it('refuses an answer that breaks the Confluent API shape', async () => {
    const url = await serve(() => [200, { subject: 'a-value', version: 'one', id: 1, schema: '"string"' }]);
    const error = await failure(new RegistryClient({ url }, fast).version('a-value', 1));
    expect(error.code).toBe('CONTRACT_VIOLATION');
    expect(error.message).toMatch(/version: .*expected number/i);
  });

  it('says wrong credentials in words', async () => {
    const url = await serve(() => [401, { error_code: 40101, message: 'Unauthorized' }]);
    expect((await failure(new RegistryClient({ url, username: 'ops', password: 'wrong' }, fast).subjects())).message).toMatch(/refused Sluice's credentials .* check its user name and password/);
  });
});
