import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SubscriptionHub } from '../../../../main/rpc/subscription-hub';
import type { Router } from '../../../../main/rpc/router';

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
