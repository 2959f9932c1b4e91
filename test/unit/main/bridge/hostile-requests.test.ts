// Requests that once killed web mode, against the bridge in this process: each must get an answer
// (a 4xx, or a closed socket) and leave the server answering the next request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../../main/bridge/bridge';
import { createRouter, type Handlers } from '../../../../main/rpc/router';
import { SubscriptionHub } from '../../../../main/rpc/subscription-hub';
import { rawHttp, rawUpgrade, socketExchange } from '../../../support/raw-http';

const token = 'secret-token';
let bridge: Bridge;
let staticDir: string;

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Sluice</title>');
  const router = createRouter(new Proxy({ 'groups.list': async () => ({ groups: [] }) } as unknown as Handlers, {
    get: (t, k: string) => (t as Record<string, unknown>)[k] ?? (() => { throw new Error('unused'); }),
  }));
  bridge = await startBridge({ services: { router, hub: new SubscriptionHub(router) }, host: '127.0.0.1', port: 0, token, staticDir });
});
afterAll(async () => {
  await bridge.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const healthy = async () => (await fetch(`${bridge.url}/healthz`)).status;
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const errorCode = (message: unknown) => (message as { error?: { code?: string } }).error?.code;

describe('the bridge survives hostile requests', () => {
  it('answers a malformed %-escape in a static path with 400, without a token', async () => {
    expect((await rawHttp(bridge.port, 'GET', '/%')).status).toBe(400);
    expect((await rawHttp(bridge.port, 'GET', '/%25%')).status).toBe(400);
    expect(await healthy()).toBe(200);
  });

  it('answers a malformed %-escape in a method name with 401 without a token and 400 with one', async () => {
    expect((await rawHttp(bridge.port, 'POST', '/rpc/%')).status).toBe(401);
    const answer = await rawHttp(bridge.port, 'POST', '/rpc/%', { authorization: `Bearer ${token}` }, '{}');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('INVALID_INPUT');
    expect(await healthy()).toBe(200);
  });

  it('answers a request target of // and other odd targets without dying', async () => {
    for (const target of ['//', '//rpc/groups.list', '*', 'http://evil.example/rpc/groups.list', '/%00', '/..%2f..%2fetc/passwd']) {
      const { status } = await rawHttp(bridge.port, 'GET', target);
      expect(status, target).not.toBeNull();
      expect(status!, target).toBeLessThan(500);
    }
    expect(await healthy()).toBe(200);
  });

  it('refuses a WebSocket upgrade to // without dying', async () => {
    expect((await rawUpgrade(bridge.port, '//')).status).toBe(401);
    expect((await rawUpgrade(bridge.port, '/%')).status).toBe(401);
    expect(await healthy()).toBe(200);
  });

  it('closes a socket that sends a frame over the size limit, and keeps serving', async () => {
    const outcome = await socketExchange(bridge.url, token, ['x'.repeat(70 * 1024)]);
    expect(outcome.closeCode).toBe(1009);
    expect(await healthy()).toBe(200);
  });

  it('closes a socket that sends invalid UTF-8 as text, and keeps serving', async () => {
    const outcome = await socketExchange(bridge.url, token, [{ binaryAsText: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }]);
    expect(outcome.closeCode).toBe(1007);
    expect(await healthy()).toBe(200);
  });

  it('refuses a subscription input nested 8,000 levels deep with INVALID_INPUT', async () => {
    const frame = `{"kind":"subscribe","subscriptionId":"deep","method":"groups.list","input":${deepArray(8_000)}}`;
    const outcome = await socketExchange(bridge.url, token, [frame], 2_000, (m) => m.length > 0);
    expect(outcome.messages).toHaveLength(1);
    expect(outcome.messages[0]).toMatchObject({ kind: 'error', subscriptionId: 'deep' });
    expect(errorCode(outcome.messages[0])).toBe('INVALID_INPUT');
    expect(await healthy()).toBe(200);
  });

  it('refuses a call body nested 100,000 levels deep with INVALID_INPUT', async () => {
    const response = await fetch(`${bridge.url}/rpc/groups.list`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: deepArray(100_000) });
    expect(response.status).toBe(400);
    expect(errorCode(await response.json())).toBe('INVALID_INPUT');
  });

  it('refuses a subscription to a method that is not live, or with an invalid input, with a typed error', async () => {
    const frames = [
      JSON.stringify({ kind: 'subscribe', subscriptionId: 'write', method: 'groups.resetOffsets', input: {} }),
      JSON.stringify({ kind: 'subscribe', subscriptionId: 'bad', method: 'groups.describe', input: { groupId: 42 } }),
    ];
    const outcome = await socketExchange(bridge.url, token, frames, 2_000, (m) => m.length >= 2);
    const bySubscription = Object.fromEntries(outcome.messages.map((m) => [(m as { subscriptionId: string }).subscriptionId, errorCode(m)]));
    expect(bySubscription).toEqual({ write: 'UNKNOWN_METHOD', bad: 'INVALID_INPUT' });
  });
  it('answers a body over 1 MiB with 400 INVALID_INPUT instead of resetting the connection', async () => {
    for (const size of [1024 * 1024 + 1, 5 * 1024 * 1024]) {
      const response = await fetch(`${bridge.url}/rpc/groups.list`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: `"${'x'.repeat(size)}"` });
      expect(response.status).toBe(400);
      expect(errorCode(await response.json())).toBe('INVALID_INPUT');
    }
    expect(await healthy()).toBe(200);
  });

  it('answers paths it does not serve with a JSON Result', async () => {
    for (const [method, target, status] of [['POST', '/rpc/%2e%2e', 404], ['POST', '/nothing-here', 404], ['GET', '/rpc/groups.list', 405]] as const) {
      const response = await fetch(`${bridge.url}${target}`, { method, headers: { authorization: `Bearer ${token}` } });
      expect(response.status, target).toBe(status);
      expect((await response.json()) as unknown, target).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    }
  });
  it('survives a client that resets in the middle of a body or a handshake', async () => {
    const net = await import('node:net');
    const cutOff = (text: string) => new Promise<void>((resolve) => {
      const socket = net.connect(bridge.port, '127.0.0.1', () => {
        socket.write(text);
        setTimeout(() => { socket.resetAndDestroy(); resolve(); }, 50);
      });
      socket.on('error', () => resolve());
    });
    await cutOff(`POST /rpc/groups.list HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nAuthorization: Bearer ${token}\r\nContent-Length: 1000\r\n\r\n{"a":`);
    await cutOff(`GET /events?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n`);
    await cutOff(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n\r\n`);
    expect(await healthy()).toBe(200);
  });
});
