// The two transports: the browser's reconnects and re-subscribes after its socket closes and drops
// what is not a push; both parse what main pushes and, in development, check pushed values against
// the contract so a drift shows at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/common/result';
import { electronTransport } from '../../../renderer/src/api/electron-transport';
import { checkPushedValue } from '../../../renderer/src/api/pushed-result';
import type { SluicePreloadApi } from '../../../renderer/src/api/transport';
import { webTransport } from '../../../renderer/src/api/web-transport';

/** Stands in for the bridge's WebSocket: the test opens, feeds and drops it. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static instances: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  readonly sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: URL) { FakeSocket.instances.push(this); }
  send(data: string) { this.sent.push(JSON.parse(data)); }
  close() { this.drop(); }
  open() { this.readyState = FakeSocket.OPEN; this.onopen?.(); }
  receive(message: unknown) { this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) }); }
  drop() { this.readyState = FakeSocket.CLOSED; this.onclose?.(); }
}

const sockets = () => FakeSocket.instances;
const latest = () => FakeSocket.instances[FakeSocket.instances.length - 1]!;
const groupsValue = { groups: [{ groupId: 'orders', type: 'consumer', state: 'Stable', members: 1, coordinator: null, totalLag: 0, lagSeconds: 0, health: 'OK' }] };

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('web transport', () => {
  it('subscribes over one socket with the token and hands each push to its subscriber', () => {
    const transport = webTransport('secret', 'http://127.0.0.1:7420');
    const groups: Array<Result<unknown>> = [];
    const cluster: Array<Result<unknown>> = [];
    transport.subscribe('groups.list', {}, (r) => groups.push(r));
    transport.subscribe('cluster.describe', {}, (r) => cluster.push(r));
    expect(sockets()).toHaveLength(1);
    expect(latest().url.href).toBe('ws://127.0.0.1:7420/events?token=secret');
    latest().open();
    expect(latest().sent).toEqual([
      { kind: 'subscribe', subscriptionId: 's1', method: 'groups.list', input: {} },
      { kind: 'subscribe', subscriptionId: 's2', method: 'cluster.describe', input: {} },
    ]);
    latest().receive({ kind: 'data', subscriptionId: 's1', value: groupsValue });
    latest().receive({ kind: 'error', subscriptionId: 's2', error: { code: 'KAFKA_UNREACHABLE', message: 'No broker answered' } });
    latest().receive({ kind: 'error', subscriptionId: 's2', error: { code: 'SOMETHING_NEW', message: 'A newer main' } });
    expect(groups).toEqual([{ ok: true, value: groupsValue }]);
    expect(cluster).toEqual([
      { ok: false, error: { code: 'KAFKA_UNREACHABLE', message: 'No broker answered' } },
      { ok: false, error: { code: 'INTERNAL', message: 'A newer main' } },
    ]);
  });

  it('ignores messages that are not pushes, and keeps delivering the ones that are', () => {
    const transport = webTransport('t', 'http://127.0.0.1:7420');
    const received: Array<Result<unknown>> = [];
    transport.subscribe('groups.list', {}, (r) => received.push(r));
    latest().open();
    for (const junk of ['not json', '[1,2]', 'null', { kind: 'data' }, { kind: 'shout', subscriptionId: 's1' }, { kind: 'error', subscriptionId: 's1', error: { code: 1 } },
      { kind: 'data', subscriptionId: 's99', value: groupsValue }]) latest().receive(junk);
    expect(received).toEqual([]);
    expect(console.warn).toHaveBeenCalled();
    latest().receive({ kind: 'data', subscriptionId: 's1', value: groupsValue });
    expect(received).toEqual([{ ok: true, value: groupsValue }]);
  });

  it('says the connection is lost, reconnects after a back-off and re-subscribes what is still subscribed', () => {
    vi.useFakeTimers();
    const transport = webTransport('t', 'http://127.0.0.1:7420');
    const kept: Array<Result<unknown>> = [];
    const dropped: Array<Result<unknown>> = [];
    transport.subscribe('groups.list', {}, (r) => kept.push(r));
    const unsubscribe = transport.subscribe('cluster.describe', {}, (r) => dropped.push(r));
    latest().open();
    unsubscribe();
    expect(latest().sent.at(-1)).toEqual({ kind: 'unsubscribe', subscriptionId: 's2' });

    latest().drop();
    expect(kept).toEqual([{ ok: false, error: { code: 'INTERNAL', message: 'Lost the connection to the Sluice server; reconnecting…' } }]);
    expect(dropped).toEqual([]);
    expect(sockets()).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(sockets()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets()).toHaveLength(2);
    latest().open();
    expect(latest().sent).toEqual([{ kind: 'subscribe', subscriptionId: 's1', method: 'groups.list', input: {} }]);
    latest().receive({ kind: 'data', subscriptionId: 's1', value: groupsValue });
    expect(kept.at(-1)).toEqual({ ok: true, value: groupsValue });

    // A server that stays away is retried less and less often.
    latest().drop();
    vi.advanceTimersByTime(500);
    latest().drop();
    vi.advanceTimersByTime(500);
    expect(sockets()).toHaveLength(3);
    vi.advanceTimersByTime(500);
    expect(sockets()).toHaveLength(4);
  });

  it('a subscribe during the back-off connects at once, and only once', () => {
    vi.useFakeTimers();
    const transport = webTransport('t', 'http://127.0.0.1:7420');
    transport.subscribe('groups.list', {}, () => undefined);
    latest().open();
    latest().drop();
    transport.subscribe('cluster.describe', {}, () => undefined);
    expect(sockets()).toHaveLength(2);
    vi.advanceTimersByTime(60_000);
    expect(sockets()).toHaveLength(2);
    latest().open();
    expect(latest().sent.map((m) => (m as { method: string }).method)).toEqual(['groups.list', 'cluster.describe']);
  });

  it('stays closed once nothing is subscribed', () => {
    vi.useFakeTimers();
    const transport = webTransport('t', 'http://127.0.0.1:7420');
    const unsubscribe = transport.subscribe('groups.list', {}, () => undefined);
    latest().open();
    unsubscribe();
    latest().drop();
    vi.advanceTimersByTime(60_000);
    expect(sockets()).toHaveLength(1);
  });

  it('in development, a pushed value that breaks its output schema arrives as an error naming the path', () => {
    expect(import.meta.env.DEV).toBe(true);
    const transport = webTransport('t', 'http://127.0.0.1:7420');
    const received: Array<Result<unknown>> = [];
    transport.subscribe('groups.list', {}, (r) => received.push(r));
    latest().open();
    latest().receive({ kind: 'data', subscriptionId: 's1', value: { groups: [{ ...groupsValue.groups[0], members: 'three' }] } });
    expect(received).toHaveLength(1);
    const [result] = received;
    expect(result!.ok).toBe(false);
    if (result!.ok) return;
    expect(result!.error.code).toBe('INTERNAL');
    expect(result!.error.message).toContain('groups.list');
    expect(result!.error.message).toContain('groups[0].members');
  });

  it('answers a call that cannot reach the server with an error value', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const result = await webTransport('t', 'http://127.0.0.1:7420').call('groups.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The Sluice server did not answer: Failed to fetch' } });
  });

  it('sends a call as POST /rpc/<method> with the bearer token', async () => {
    const requests: Array<{ url: string; init: RequestInit }> = [];
    vi.stubGlobal('fetch', (url: URL, init: RequestInit) => {
      requests.push({ url: url.href, init });
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: groupsValue })));
    });
    const result = await webTransport('secret', 'http://127.0.0.1:7420').call('groups.describe', { groupId: 'orders' });
    expect(result).toEqual({ ok: true, value: groupsValue });
    expect(requests).toEqual([{ url: 'http://127.0.0.1:7420/rpc/groups.describe', init: expect.objectContaining({ method: 'POST', body: '{"groupId":"orders"}' }) }]);
    expect((requests[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer secret');
  });
});

describe('electron transport', () => {
  function preload() {
    const handlers: Array<(pushed: unknown) => void> = [];
    const api: SluicePreloadApi = {
      call: () => Promise.resolve({ ok: true, value: null }),
      subscribe: (_method, _input, onPushed) => { handlers.push(onPushed); return () => undefined; },
    };
    return { api, push: (pushed: unknown) => handlers.forEach((h) => h(pushed)) };
  }

  it('parses the pushed envelope and drops one that is not a result', () => {
    const { api, push } = preload();
    const received: Array<Result<unknown>> = [];
    electronTransport(api).subscribe('groups.list', {}, (r) => received.push(r));
    push({ ok: 'yes' });
    push(undefined);
    push({ ok: false, error: { message: 'no code' } });
    expect(received).toEqual([]);
    push({ ok: true, value: groupsValue });
    push({ ok: false, error: { code: 'NO_PROFILE', message: 'No connection profile is active.' } });
    expect(received).toEqual([
      { ok: true, value: groupsValue },
      { ok: false, error: { code: 'NO_PROFILE', message: 'No connection profile is active.' } },
    ]);
  });

  it('in development, checks pushed values against the contract', () => {
    const { api, push } = preload();
    const received: Array<Result<unknown>> = [];
    electronTransport(api).subscribe('groups.list', {}, (r) => received.push(r));
    push({ ok: true, value: { groups: 'none' } });
    expect(received[0]).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('pushed value check', () => {
  it('passes a value that matches, and in production passes any value unchecked', () => {
    expect(checkPushedValue('groups.list', { ok: true, value: groupsValue }, true)).toEqual({ ok: true, value: groupsValue });
    expect(checkPushedValue('groups.list', { ok: true, value: { groups: 1 } }, false)).toEqual({ ok: true, value: { groups: 1 } });
    const failed = checkPushedValue('groups.list', { ok: true, value: { groups: 1 } }, true);
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { issues: [{ path: 'groups' }] } } });
  });
});
