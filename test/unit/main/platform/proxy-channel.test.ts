import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exposeOverPort, proxyOverPort } from '../../../../main/platform/proxy-channel';
import { AppFailure } from '../../../../shared/common/result';

interface Counter {
  add(a: number, b: number): Promise<number>;
  named(id: string): Promise<{ id: string; size: number }>;
  lookup(keys: string[]): Promise<Map<string, number | null>>;
  fail(code: string): Promise<never>;
  never(): Promise<never>;
  reset(): void;
}
type CounterEvents = { changed: { count: number } };

const ports: MessagePort[] = [];
afterEach(() => { for (const port of ports.splice(0)) port.close(); });

function pair(service: Partial<Counter>, timeoutMs = 2_000) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const exposed = exposeOverPort<Partial<Counter>, CounterEvents>(port2, service);
  const proxied = proxyOverPort<Counter, CounterEvents>(port1, {
    name: 'The counter', timeoutMs, timeouts: { add: 5_000 },
    replies: { named: z.object({ id: z.string(), size: z.number() }), lookup: z.map(z.string(), z.number().nullable()) },
    events: { changed: z.object({ count: z.number() }) },
  });
  return { exposed, proxied, remote: proxied.remote };
}

describe('proxy over a MessagePort', () => {
  it('calls a method on the other side and resolves with its answer, Maps included', async () => {
    const { remote } = pair({
      add: async (a, b) => a + b,
      lookup: async (keys) => new Map(keys.map((k) => [k, k === 'none' ? null : k.length])),
    });
    expect(await remote.add(2, 3)).toBe(5);
    expect(await remote.lookup(['abc', 'none'])).toEqual(new Map([['abc', 3], ['none', null]]));
  });

  it('carries an AppFailure code across, and turns an unknown code into INTERNAL', async () => {
    const { remote } = pair({ fail: async (code) => { throw new AppFailure(code as 'NOT_FOUND', `failed with ${code}`, { code }); } });
    await expect(remote.fail('NOT_FOUND')).rejects.toMatchObject({ name: 'AppFailure', code: 'NOT_FOUND', message: 'failed with NOT_FOUND', details: { code: 'NOT_FOUND' } });
    await expect(remote.fail('NO_SUCH_CODE')).rejects.toMatchObject({ code: 'INTERNAL', message: 'failed with NO_SUCH_CODE' });
  });

  it('fails a reply that breaks its schema, naming the path that broke', async () => {
    const { remote } = pair({ named: async (id) => ({ id, size: 'big' }) as never });
    const failure = await remote.named('g').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('INTERNAL');
    expect((failure as AppFailure).message).toMatch(/The answer of The counter to named is not valid: size:/);
  });

  it('answers a method the other side does not have with UNKNOWN_METHOD, and never calls one of Object’s', async () => {
    const { remote } = pair({});
    await expect(remote.add(1, 1)).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
    const untyped = remote as unknown as Record<string, () => Promise<unknown>>;
    await expect(untyped.constructor!()).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
    await expect(untyped.toString!()).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
  });

  it('fails a call that gets no answer within its timeout, and ignores the late answer', async () => {
    const { remote } = pair({ never: () => new Promise(() => undefined) }, 50);
    await expect(remote.never()).rejects.toMatchObject({ code: 'INTERNAL', message: 'The counter did not answer never within 0 s.' });
  });

  it('fails every call in flight when closed, and refuses new ones with the same reason', async () => {
    const { proxied, remote } = pair({ never: () => new Promise(() => undefined) });
    const inFlight = remote.never();
    proxied.close(new AppFailure('INTERNAL', 'The counter stopped.'));
    await expect(inFlight).rejects.toMatchObject({ message: 'The counter stopped.' });
    await expect(remote.add(1, 2)).rejects.toMatchObject({ message: 'The counter stopped.' });
  });

  it('delivers events that match their schema, and drops those that do not', async () => {
    const { exposed, proxied } = pair({});
    const seen: number[] = [];
    const done = new Promise<void>((resolve) => proxied.on('changed', ({ count }) => { seen.push(count); if (count === 2) resolve(); }));
    exposed.emit('changed', { count: 1 });
    exposed.emit('changed', { count: 'x' } as never);
    exposed.emit('changed', { count: 2 });
    await done;
    expect(seen).toEqual([1, 2]);
  });

  it('can be awaited without sending a call named "then"', async () => {
    const calls: string[] = [];
    const { remote } = pair(new Proxy({}, { get: (_t, name) => { calls.push(String(name)); return undefined; } }));
    expect(await Promise.resolve(remote)).toBe(remote);
    expect(calls).toEqual([]);
  });
});
