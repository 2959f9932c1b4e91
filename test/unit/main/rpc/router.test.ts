import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../../main/rpc/router';
import { AppFailure } from '../../../../shared/common/result';

const logged = vi.hoisted(() => [] as unknown[][]);
vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => logged.push(args) }) }));

function handlers(overrides: Partial<Handlers>): Handlers {
  const notUsed = () => { throw new Error('not used'); };
  return new Proxy(overrides as Handlers, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? notUsed });
}

describe('router', () => {
  it('answers a known method with {ok:true, value}', async () => {
    const router = createRouter(handlers({ 'app.info': () => ({ version: '1', transport: 'web' }) }));
    expect(await router.call('app.info', {})).toEqual({ ok: true, value: { version: '1', transport: 'web' } });
  });
  it('answers an unknown method with UNKNOWN_METHOD, including prototype names', async () => {
    const router = createRouter(handlers({}));
    for (const name of ['nope', 'constructor', '__proto__']) {
      const result = await router.call(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });
  it('validates input before the handler runs', async () => {
    const describe = vi.fn();
    const router = createRouter(handlers({ 'groups.describe': describe }));
    const result = await router.call('groups.describe', { groupId: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(describe).not.toHaveBeenCalled();
  });
  it('passes the parsed input to the handler', async () => {
    const describe = vi.fn(async () => ({}) as never);
    const router = createRouter(handlers({ 'groups.describe': describe }));
    await router.call('groups.describe', { groupId: 'payments' });
    expect(describe).toHaveBeenCalledWith({ groupId: 'payments' });
  });
  it('turns an AppFailure into its code, message and details', async () => {
    const router = createRouter(handlers({ 'groups.describe': () => { throw new AppFailure('NOT_FOUND', 'There is no group "x".', { groupId: 'x' }); } }));
    expect(await router.call('groups.describe', { groupId: 'x' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no group "x".', details: { groupId: 'x' } } });
  });
  it('turns an unexpected exception into INTERNAL instead of throwing', async () => {
    const router = createRouter(handlers({ 'groups.list': async () => { throw new TypeError('boom'); } }));
    const result = await router.call('groups.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('boom') } });
  });
  it('treats a missing input as an empty object', async () => {
    const router = createRouter(handlers({ 'groups.list': async () => ({ groups: [] }) }));
    expect(await router.call('groups.list', undefined)).toEqual({ ok: true, value: { groups: [] } });
  });
  it('answers an unexpected exception without its stack or a file path, and logs both', async () => {
    const error = new Error(`ENOENT: no such file or directory, open '${process.cwd()}/main/secret-place.ts'`);
    const router = createRouter(handlers({ 'groups.list': async () => { throw error; } }));
    logged.length = 0;
    const result = await router.call('groups.list', {});
    const answer = JSON.stringify(result);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('ENOENT') } });
    expect(answer).not.toContain('stack');
    expect(answer).not.toMatch(/\n\s+at /);
    expect(answer).not.toContain(process.cwd());
    expect(answer).not.toContain('secret-place');
    expect(logged).toContainEqual(['groups.list failed', error]);
  });
  it('refuses a lone surrogate or deep nesting anywhere in the input before the handler runs', async () => {
    const describe = vi.fn();
    const router = createRouter(handlers({ 'groups.describe': describe, 'groups.list': describe }));
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = [deep];
    for (const [method, input] of [['groups.describe', { groupId: 'payments\ud800' }], ['groups.list', deep], ['groups.describe', { groupId: 'x', ['\udc00']: 1 }]] as const) {
      const result = await router.call(method, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(describe).not.toHaveBeenCalled();
  });
});
