// The bridge over real loopback HTTP and WebSocket, with a stub router behind it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBridge, type Bridge } from '../../../../main/bridge/bridge';
import { createRouter } from '../../../../main/rpc/router';
import { SubscriptionHub } from '../../../../main/rpc/subscription-hub';
import type { Handlers } from '../../../../main/rpc/router';

const token = 'secret-token';
let bridge: Bridge;

beforeAll(async () => {
  const router = createRouter(new Proxy({ 'groups.list': async () => ({ groups: [] }) } as unknown as Handlers, {
    get: (t, k: string) => (t as Record<string, unknown>)[k] ?? (() => { throw new Error('unused'); }),
  }));
  bridge = await startBridge({ services: { router, hub: new SubscriptionHub(router) }, host: '127.0.0.1', port: 0, token });
});
afterAll(() => bridge.close());

const post = (path: string, headers: Record<string, string>, body = '{}') => fetch(`${bridge.url}${path}`, { method: 'POST', headers, body });

describe('bridge', () => {
  it('answers a valid call with 200 and the Result', async () => {
    const response = await post('/rpc/groups.list', { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { groups: [] } });
  });
  it('answers a missing or wrong token with 401', async () => {
    expect((await post('/rpc/groups.list', {})).status).toBe(401);
    expect((await post('/rpc/groups.list', { authorization: 'Bearer nope' })).status).toBe(401);
  });
  it('answers malformed JSON with 400 INVALID_INPUT', async () => {
    const response = await post('/rpc/groups.list', { authorization: `Bearer ${token}` }, '{not json');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  });
  it('answers an unknown method with 404', async () => {
    expect((await post('/rpc/nope', { authorization: `Bearer ${token}` })).status).toBe(404);
  });
  it('refuses a cross-site Origin even with the right token', async () => {
    const response = await post('/rpc/groups.list', { authorization: `Bearer ${token}`, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });
  it('pushes live data over the WebSocket once the token checks out', async () => {
    const ws = new WebSocket(`${bridge.url.replace('http', 'ws')}/events?token=${token}`);
    const message = await new Promise<unknown>((resolve, reject) => {
      ws.on('open', () => ws.send(JSON.stringify({ kind: 'subscribe', subscriptionId: 'a', method: 'groups.list', input: {} })));
      ws.on('message', (data) => resolve(JSON.parse(data.toString())));
      ws.on('error', reject);
    });
    expect(message).toEqual({ kind: 'data', subscriptionId: 'a', value: { groups: [] } });
    ws.close();
  });
  it('refuses a WebSocket without the token', async () => {
    const ws = new WebSocket(`${bridge.url.replace('http', 'ws')}/events`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
