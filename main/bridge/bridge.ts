// The HTTP + WebSocket host of the router: web mode, tests and scripts use it.
//   POST /rpc/<method>   JSON body, Authorization: Bearer <token>  →  Result
//   GET  /events?token=  WebSocket: subscribe/unsubscribe to live methods, pushes data/error
//   GET  /healthz        liveness, no token
//   GET  /*              the built console (when a static folder is given)
// No request ends the process: each request and each socket has a last-resort handler that logs
// and answers 400 (or closes the socket), and a caller's input is bounded in size and depth before
// anything recursive reads it.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { subscriptionRequestSchema, type PushMessage } from '../../shared/contract';
import { inputShapeProblem } from '../../shared/common/input-shape';
import { fail, httpStatusFor, type Result } from '../../shared/common/result';
import { createLogger } from '../platform/logger';
import type { MainServices } from '../services';
import { decodePath, parseRequestTarget } from './request-target';
import { allowedHosts, bearerToken, isSameOriginRequest, tokenMatches } from './security';
import { serveStatic } from './static-files';

const log = createLogger('bridge');
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const MAX_FRAME_BYTES = 64 * 1024;

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

function sendResult(response: ServerResponse, result: Result<unknown>, status = result.ok ? 200 : httpStatusFor[result.error.code], headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(result));
}

class BodyTooLarge extends Error {}

/**
 * The body as text, at most MAX_BODY_BYTES. Past that it rejects at once but keeps reading and
 * dropping what still comes (up to MAX_DRAIN_BYTES): a server that stops reading mid-body resets
 * the connection, and the client never sees the answer that says why.
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) request.destroy();
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        reject(new BodyTooLarge());
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

  async function handleRpc(request: IncomingMessage, response: ServerResponse, encodedMethod: string) {
    if (request.method !== 'POST') {
      sendResult(response, fail('INVALID_INPUT', 'Calls are POST /rpc/<method> with a JSON body.'), 405, { allow: 'POST' });
      return;
    }
    if (!tokenMatches(token, bearerToken(request))) {
      sendResult(response, fail('UNAUTHORIZED', 'A valid bearer token is required (Authorization: Bearer <token>).'));
      return;
    }
    const method = decodePath(encodedMethod);
    if (method === null) {
      sendResult(response, fail('INVALID_INPUT', 'The method name in the URL is not valid: malformed %-escapes.'));
      return;
    }
    let input: unknown = {};
    try {
      const body = await readBody(request);
      if (body.trim()) input = JSON.parse(body);
    } catch (error) {
      // A body that was cut off is not read to its end: the connection cannot carry another request.
      sendResult(response, fail('INVALID_INPUT', 'The request body must be JSON of at most 1 MiB.'), undefined, error instanceof BodyTooLarge ? { connection: 'close' } : {});
      return;
    }
    // JSON.parse does not recurse, but what reads the value next (zod, a handler) does.
    const problem = inputShapeProblem(input);
    if (problem) {
      sendResult(response, fail('INVALID_INPUT', `The input of ${method} is not valid: ${problem}.`));
      return;
    }
    sendResult(response, await services.router.call(method, input));
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse) {
    // Host and Origin first: nothing from a foreign page is even parsed.
    if (!isSameOriginRequest(request, hosts)) {
      sendResult(response, fail('FORBIDDEN', 'Requests must come from the console itself (Host/Origin check).'));
      return;
    }
    const target = parseRequestTarget(request.url);
    if (!target) {
      sendResult(response, fail('INVALID_INPUT', 'The request target is not a path the console serves.'));
      return;
    }
    if (target.pathname.startsWith('/rpc/')) {
      await handleRpc(request, response, target.pathname.slice('/rpc/'.length));
      return;
    }
    if (target.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (options.staticDir && (request.method === 'GET' || request.method === 'HEAD')) {
      serveStatic(options.staticDir, target.pathname, response, `http://${request.headers.host}`);
      return;
    }
    sendResult(response, fail('NOT_FOUND', 'There is nothing here: calls are POST /rpc/<method>, live data is GET /events.'));
  }

  const server = http.createServer((request, response) => {
    // The last resort: whatever a request makes throw is logged and answered, never left to end the process.
    handleRequest(request, response).catch((error: unknown) => {
      log.error(`${request.method} ${String(request.url).slice(0, 200)} failed`, error);
      if (!response.headersSent) sendResult(response, fail('INVALID_INPUT', 'The bridge could not handle this request; the server log says why.'));
      else response.destroy();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (request, socket, head) => {
    // A client that resets mid-handshake makes the raw socket emit 'error'; unheard, that ends the process.
    socket.on('error', (error) => log.debug(`WebSocket handshake socket: ${error.message}`));
    const refuse = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    try {
      const target = parseRequestTarget(request.url);
      // Browsers cannot set headers on a WebSocket, so the token comes as a query parameter.
      if (!target || target.pathname !== '/events' || !isSameOriginRequest(request, hosts) || !tokenMatches(token, target.searchParams.get('token') ?? bearerToken(request))) {
        refuse('401 Unauthorized');
        return;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => attach(ws));
    } catch (error) {
      log.error('WebSocket upgrade failed', error);
      refuse('400 Bad Request');
    }
  });

  function attach(ws: WebSocket) {
    const subscriptions = new Map<string, () => void>();
    const send = (message: PushMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    // A frame over the size limit or with invalid UTF-8 makes ws close the socket (1009, 1007) and
    // then emit 'error'; unheard, that error ends the process.
    ws.on('error', (error) => log.warn(`closed a WebSocket: ${error.message}`));
    const onMessage = (text: string) => {
      let request;
      try {
        request = subscriptionRequestSchema.parse(JSON.parse(text));
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
    };
    ws.on('message', (data) => {
      // The last resort for a socket: a message that makes anything throw closes this socket, not the process.
      try {
        onMessage(data.toString());
      } catch (error) {
        log.error('a WebSocket message failed', error);
        ws.close(1011, 'The bridge could not handle this message.');
      }
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
  // Past start-up, a server error (too many open files on accept) is logged; unheard, it would end the process.
  server.on('error', (error) => log.error('the HTTP server failed', error));
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
