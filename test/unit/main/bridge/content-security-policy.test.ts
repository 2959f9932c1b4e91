// The console's CSP as each host sends it: web mode lets the page connect only to the bridge's own
// origin (http and ws, exactly), and the Electron app:// page, which talks over IPC, to nothing else.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler) },
  net: { fetch: vi.fn(async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } })) },
}));

const { startBridge } = await import('../../../../main/bridge/bridge');
const { serveRenderer } = await import('../../../../main/shell/app-protocol');

/** GET / with a chosen Host header (fetch may not set one). */
const getWithHost = (port: number, host: string) => new Promise<http.IncomingMessage>((resolve, reject) => {
  http.get({ host: '127.0.0.1', port, path: '/', headers: { host } }, (response) => { response.resume(); resolve(response); }).on('error', reject);
});

const connectSources = (csp: string | null) => (csp ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'))!.split(/\s+/).slice(1);

let staticDir: string;
beforeAll(() => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-csp-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Sluice</title>');
});
afterAll(() => fs.rmSync(staticDir, { recursive: true, force: true }));

describe('content security policy', () => {
  it('web mode: connect-src names the bridge’s own origin, not every ws:', async () => {
    const unused = { call: vi.fn() };
    const bridge = await startBridge({ services: { router: unused, hub: { subscribe: vi.fn() } as never }, host: '127.0.0.1', port: 0, token: 't', staticDir });
    try {
      for (const host of [`127.0.0.1:${bridge.port}`, `localhost:${bridge.port}`]) {
        const response = await getWithHost(bridge.port, host);
        expect(response.statusCode).toBe(200);
        expect(connectSources(response.headers['content-security-policy'] as string).sort()).toEqual(["'self'", `http://${host}`, `ws://${host}`].sort());
      }
    } finally {
      await bridge.close();
    }
  });

  it('Electron app://: connect-src allows no WebSocket at all', async () => {
    serveRenderer(staticDir);
    const response = await protocolHandlers.get('app')!(new Request('app://sluice/index.html'));
    expect(connectSources(response.headers.get('content-security-policy'))).toEqual(["'self'"]);
  });
});
