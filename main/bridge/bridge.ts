// The HTTP + WebSocket host of the router: web mode, tests and scripts use it.
//   POST /rpc/<method>   JSON body, Authorization: Bearer <token>  →  Result
//   GET  /events?token=  WebSocket: subscribe/unsubscribe to live methods, pushes data/error
//   GET  /healthz        liveness, no token
//   GET  /*              the built console (when a static folder is given)
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { subscriptionRequestSchema, type PushMessage } from '../../shared/contract';
import { fail, httpStatusFor, type Result } from '../../shared/common/result';
import { createLogger } from '../platform/logger';
import type { MainServices } from '../services';
import { allowedHosts, bearerToken, isSameOriginRequest, tokenMatches } from './security';
import { serveStatic } from './static-files';

const log = createLogger('bridge');
const MAX_BODY_BYTES = 1024 * 1024;

export interface BridgeOptions {
  services: Pick<MainServices, 'router' | 'hub'>;
  host: string;
  port: number;
  token: string;
  staticDir?: string;
}

export interface Bridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

function sendResult(response: ServerResponse, result: Result<unknown>) {
  const status = result.ok ? 200 : httpStatusFor[result.error.code];
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(result));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { services, token } = options;
  let hosts = allowedHosts(options.host, options.port);

  async function handleRpc(request: IncomingMessage, response: ServerResponse, method: string) {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (!tokenMatches(token, bearerToken(request))) {
      sendResult(response, fail('UNAUTHORIZED', 'A valid bearer token is required (Authorization: Bearer <token>).'));
      return;
    }
    let input: unknown = {};
    try {
      const body = await readBody(request);
      if (body.trim()) input = JSON.parse(body);
    } catch {
      sendResult(response, fail('INVALID_INPUT', 'The request body must be JSON of at most 1 MiB.'));
      return;
    }
    sendResult(response, await services.router.call(method, input));
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bridge');
    if (!isSameOriginRequest(request, hosts)) {
      sendResult(response, fail('FORBIDDEN', 'Requests must come from the console itself (Host/Origin check).'));
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      handleRpc(request, response, decodeURIComponent(url.pathname.slice('/rpc/'.length))).catch((error: unknown) => {
        log.error('rpc request failed', error);
        if (!response.headersSent) sendResult(response, fail('INTERNAL', 'The bridge failed to answer.'));
      });
      return;
    }
    if (url.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (options.staticDir && (request.method === 'GET' || request.method === 'HEAD')) {
      serveStatic(options.staticDir, url.pathname, response);
      return;
    }
    response.writeHead(404).end();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://bridge');
    // Browsers cannot set headers on a WebSocket, so the token comes as a query parameter.
    if (url.pathname !== '/events' || !isSameOriginRequest(request, hosts) || !tokenMatches(token, url.searchParams.get('token') ?? bearerToken(request))) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket) {
    const subscriptions = new Map<string, () => void>();
    const send = (message: PushMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    ws.on('message', (data) => {
      let request;
      try {
        request = subscriptionRequestSchema.parse(JSON.parse(data.toString()));
      } catch {
        send({ kind: 'error', subscriptionId: '', error: { code: 'INVALID_INPUT', message: 'Messages are {kind:"subscribe",subscriptionId,method,input} or {kind:"unsubscribe",subscriptionId}.' } });
        return;
      }
      const { subscriptionId } = request;
      subscriptions.get(subscriptionId)?.();
      subscriptions.delete(subscriptionId);
      if (request.kind === 'unsubscribe') return;
      const unsubscribe = services.hub.subscribe(request.method, request.input, (result) =>
        send(result.ok ? { kind: 'data', subscriptionId, value: result.value } : { kind: 'error', subscriptionId, error: result.error }));
      subscriptions.set(subscriptionId, unsubscribe);
    });
    ws.on('close', () => {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(options.host, port);
  const displayHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${displayHost}:${port}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      // A request still being answered (a service call retrying with backoff) must not hold the
      // process open: end every connection, idle or not.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
