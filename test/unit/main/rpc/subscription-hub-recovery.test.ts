// A live subscription whose source fails: the page learns of the source's return within 5 s, even
// after a long outage, while the failing source is asked no more than once every few seconds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SubscriptionHub } from '../../../../main/rpc/subscription-hub';
import type { Router } from '../../../../main/rpc/router';
import type { Result } from '../../../../shared/common/result';

let up = false;
let callTimes: number[] = [];
const value = { registryUrl: 'http://registry/', subjects: [] };
const router: Router = {
  call: vi.fn(async (): Promise<Result<unknown>> => {
    callTimes.push(Date.now());
    return up ? { ok: true, value } : { ok: false, error: { code: 'SERVICE_ERROR', message: 'The schema registry failed (HTTP 500).' } };
  }),
};

beforeEach(() => { vi.useFakeTimers(); up = false; callTimes = []; });
afterEach(() => vi.useRealTimers());

describe('SubscriptionHub recovery', () => {
  it('pushes the source’s return within 5 s, even after a long outage', async () => {
    const hub = new SubscriptionHub(router);
    const push = vi.fn();
    hub.subscribe('registry.subjects', {}, push);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(push).toHaveBeenLastCalledWith(expect.objectContaining({ ok: false }));
    up = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(push).toHaveBeenLastCalledWith({ ok: true, value });
    hub.close();
  });

  it('asks a failing source no more often than once every few seconds', async () => {
    const hub = new SubscriptionHub(router);
    for (const method of ['replication.reconcileJob', 'groups.list', 'registry.subjects', 'governance.overview'] as const) {
      callTimes = [];
      const off = hub.subscribe(method, method === 'replication.reconcileJob' ? { id: 'job-1' } : {}, vi.fn());
      await vi.advanceTimersByTimeAsync(60_000);
      off();
      const gaps = callTimes.slice(1).map((t, i) => t - callTimes[i]!);
      // Never faster than twice a fast method's interval, never slower than 4 s.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_000);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(4_000);
    }
    hub.close();
  });
});
