import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../../main/rpc/router';
import { AppFailure } from '../../../../shared/common/result';

vi.mock('../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

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
});
