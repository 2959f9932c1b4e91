import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MonitorHost } from '../../../../../main/kafka/monitor/monitor-host';

vi.mock('../../../../../main/platform/logger', () => ({ createLogger: () => ({ debug() {}, info() {}, warn() {}, error() {} }) }));

const workerFile = fileURLToPath(new URL('../../../../support/fake-monitor-worker.ts', import.meta.url));
const settings = { bootstrapBrokers: ['b1:9092'], tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none' as const, username: '', password: null } };
const hosts: MonitorHost[] = [];
afterEach(async () => { await Promise.all(hosts.splice(0).map((h) => h.close())); });

function host() {
  const h = new MonitorHost(settings, { workerFile });
  hosts.push(h);
  return h;
}

describe('MonitorHost over the worker channel', () => {
  it('takes the groups list across the thread boundary once per change, not once per caller', async () => {
    const monitor = host();
    const first = await monitor.groupList();
    expect(first.groups.map((g) => g.groupId)).toEqual(['asked-1']);
    expect(first.freshness.status).toBe('current');
    expect((await monitor.groupList()).groups.map((g) => g.groupId)).toEqual(['asked-1']);
    expect((await monitor.summaries()).map((g) => g.groupId)).toEqual(['asked-1']);
    const changed = new Promise<void>((resolve) => monitor.onChange(resolve));
    monitor.refresh();
    await changed;
    expect(monitor.lastSweep).toMatchObject({ at: 2, complete: true });
    expect(monitor.typeOf('asked')).toBe('classic');
    expect((await monitor.groupList()).groups.map((g) => g.groupId)).toEqual(['asked-2']);
  }, 30_000);

  it('carries error codes across and refuses an answer that breaks the contract', async () => {
    const monitor = host();
    await expect(monitor.health('g')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No group "g".' });
    await expect(monitor.history('g', 1_000)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/The answer of The cluster monitor to history is not valid: .*lag: /) });
    expect(await monitor.observeDetail('g', 'Stable', 1, 1, [{ memberId: 'm', clientId: 'c', memberEpoch: 1 }])).toEqual(new Map([['m', null]]));
  }, 30_000);

  it('fails calls clearly while a worker that died restarts, then answers again', async () => {
    const monitor = host();
    await monitor.groupList();
    await expect(monitor.forget('g')).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/stopped; it is restarting/) });
    await expect(monitor.groupList()).rejects.toMatchObject({ message: expect.stringMatching(/restarting/) });
    await vi.waitFor(async () => expect((await monitor.groupList()).groups).toHaveLength(1), { timeout: 20_000, interval: 200 });
  }, 30_000);
});
