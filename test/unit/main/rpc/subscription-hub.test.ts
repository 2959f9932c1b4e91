import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SubscriptionHub } from '../../../../main/rpc/subscription-hub';
import type { Router } from '../../../../main/rpc/router';
import { StaleFeed } from '../../../../main/platform/stale-feed';

let calls = 0;
let value: unknown = { groups: [] };
const router: Router = { call: vi.fn(async () => { calls++; return { ok: true as const, value }; }) };

beforeEach(() => { vi.useFakeTimers(); calls = 0; value = { groups: [] }; });
afterEach(() => vi.useRealTimers());

describe('SubscriptionHub', () => {
  it('shares one poller between subscribers of the same method and input', async () => {
    const hub = new SubscriptionHub(router);
    const a = vi.fn();
    const b = vi.fn();
    hub.subscribe('groups.list', {}, a);
    hub.subscribe('groups.list', {}, b);
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.activePollers).toBe(1);
    expect(calls).toBe(1);
    expect(a).toHaveBeenCalledTimes(1);
    hub.close();
  });

  it('pushes only when the value changes', async () => {
    const hub = new SubscriptionHub(router);
    const push = vi.fn();
    hub.subscribe('groups.list', {}, push);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toBe(2);
    expect(push).toHaveBeenCalledTimes(1);
    value = { groups: [{ groupId: 'new' }] };
    await vi.advanceTimersByTimeAsync(3_000);
    expect(push).toHaveBeenCalledTimes(2);
    hub.close();
  });

  it('gives a late subscriber the last value at once', async () => {
    const hub = new SubscriptionHub(router);
    hub.subscribe('groups.list', {}, vi.fn());
    await vi.advanceTimersByTimeAsync(0);
    const late = vi.fn();
    hub.subscribe('groups.list', {}, late);
    expect(late).toHaveBeenCalledWith({ ok: true, value: { groups: [] } });
    hub.close();
  });

  it('stops polling when the last subscriber leaves', async () => {
    const hub = new SubscriptionHub(router);
    const off = hub.subscribe('groups.list', {}, vi.fn());
    await vi.advanceTimersByTimeAsync(0);
    off();
    expect(hub.activePollers).toBe(0);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(1);
  });

  it('backs off while the source keeps failing', async () => {
    const failing: Router = { call: vi.fn(async () => { calls++; return { ok: false as const, error: { code: 'KAFKA_UNREACHABLE' as const, message: 'down' } }; }) };
    const hub = new SubscriptionHub(failing);
    hub.subscribe('groups.list', {}, vi.fn());
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(60_000);
    // 3 s × 2 capped at 4 s (so a page sees the source's return within seconds): one call per 4 s,
    // fewer than the 20 polls a fixed 3 s loop would make (subscription-hub-recovery.test.ts).
    expect(calls).toBeLessThanOrEqual(16);
    hub.close();
  });

  it('refuses methods that cannot be subscribed to', () => {
    const hub = new SubscriptionHub(router);
    const push = vi.fn();
    hub.subscribe('profiles.save', {}, push);
    expect(push).toHaveBeenCalledWith(expect.objectContaining({ ok: false }));
    expect(hub.activePollers).toBe(0);
  });
});

describe('SubscriptionHub input checks', () => {
  const deep = () => {
    let value: unknown = {};
    for (let i = 0; i < 8_000; i++) value = [value];
    return value;
  };

  it('refuses an input nested 8,000 levels deep with INVALID_INPUT, before anything stringifies it', () => {
    const hub = new SubscriptionHub(router);
    const push = vi.fn();
    expect(() => hub.subscribe('groups.list', deep(), push)).not.toThrow();
    expect(push).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('deeper than') }) });
    expect(hub.activePollers).toBe(0);
    expect(calls).toBe(0);
  });

  it('validates the input with the contract before polling', async () => {
    const hub = new SubscriptionHub(router);
    const push = vi.fn();
    hub.subscribe('groups.describe', { groupId: 42 }, push);
    await vi.advanceTimersByTimeAsync(0);
    expect(push).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT' }) });
    expect(hub.activePollers).toBe(0);
    expect(calls).toBe(0);
  });

  it('names a method that is not live with a typed error', () => {
    const hub = new SubscriptionHub(router);
    const push = vi.fn();
    for (const method of ['groups.resetOffsets', '__proto__', 'constructor']) hub.subscribe(method, {}, push);
    expect(push.mock.calls.map(([result]) => (result as { error: { code: string } }).error.code)).toEqual(['UNKNOWN_METHOD', 'UNKNOWN_METHOD', 'UNKNOWN_METHOD']);
  });

  it('polls with the parsed input, and re-polls it after a stale report', async () => {
    const seen: unknown[] = [];
    const recording: Router = { call: vi.fn(async (_method: string, input: unknown) => { seen.push(input); return { ok: true as const, value: {} }; }) };
    const stale = new StaleFeed();
    const hub = new SubscriptionHub(recording, stale);
    hub.subscribe('groups.describe', { groupId: 'payments' }, vi.fn());
    await vi.advanceTimersByTimeAsync(0);
    stale.markStale(['groups.describe']);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([{ groupId: 'payments' }, { groupId: 'payments' }]);
    hub.close();
  });
});

describe('SubscriptionHub last resort', () => {
  it('turns a value it cannot serialise into a typed error push and keeps polling', async () => {
    const odd: Router = { call: vi.fn(async () => { calls++; return { ok: true as const, value: { offset: 10n } }; }) };
    const hub = new SubscriptionHub(odd);
    const push = vi.fn();
    hub.subscribe('groups.list', {}, push);
    await vi.advanceTimersByTimeAsync(0);
    expect(push).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBeGreaterThan(1);
    hub.close();
  });

  it('keeps pushing to the other subscribers when one push throws', async () => {
    const hub = new SubscriptionHub(router);
    const broken = vi.fn(() => { throw new Error('window gone'); });
    const healthy = vi.fn();
    hub.subscribe('groups.list', {}, broken);
    hub.subscribe('groups.list', {}, healthy);
    await vi.advanceTimersByTimeAsync(0);
    expect(healthy).toHaveBeenCalledTimes(1);
    value = { groups: [{ groupId: 'new' }] };
    await vi.advanceTimersByTimeAsync(3_000);
    expect(healthy).toHaveBeenCalledTimes(2);
    hub.close();
  });
});
