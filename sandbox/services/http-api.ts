// A small JSON-over-HTTP host for the reference services: bearer-token auth, routes with path
// parameters, an Idempotency-Key required on every state-changing call, and errors as
// `{ error: { code, message } }` with the matching status.
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  idempotencyKey: string | null;
}

type Handler = (context: RequestContext) => Promise<unknown>;
interface Route { method: string; pattern: RegExp; names: string[]; handler: Handler; status: number }

export class JsonApi {
  private routes: Route[] = [];

  constructor(private readonly token: string, private readonly log: (line: string) => void) {}

  route(method: 'GET' | 'POST', path: string, handler: Handler, status = 200): this {
    const names: string[] = [];
    const pattern = new RegExp(`^${path.replace(/\{(\w+)\}/g, (_, name: string) => { names.push(name); return '([^/]+)'; })}$`);
    this.routes.push({ method, pattern, names, handler, status });
    return this;
  }

  listen(port: number, host = '127.0.0.1'): Promise<http.Server> {
    const server = http.createServer((request, response) => void this.serve(request, response));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  }

  private authorized(request: http.IncomingMessage): boolean {
    const presented = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(this.token);
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  }

  private async serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/health') return send(200, { status: 'ok' });
      if (!this.authorized(request)) throw new ApiError(401, 'UNAUTHORIZED', 'Missing or wrong bearer token');
      const candidates = this.routes.filter((r) => r.pattern.test(url.pathname));
      if (candidates.length === 0) throw new ApiError(404, 'NOT_FOUND', `No route ${url.pathname}`);
      const route = candidates.find((r) => r.method === request.method);
      if (!route) throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${url.pathname}`);
      const match = route.pattern.exec(url.pathname)!;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null;
      if (route.method === 'POST' && !idempotencyKey) throw new ApiError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'State-changing calls need an Idempotency-Key header');
      const body = route.method === 'POST' ? await readJson(request) : undefined;
      send(route.status, await route.handler({ params, query: url.searchParams, body, idempotencyKey }));
    } catch (error) {
      if (error instanceof ApiError) return send(error.status, { error: { code: error.code, message: error.message } });
      this.log(`HTTP ${request.method} ${request.url}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      send(500, { error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
    }
  }
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new ApiError(413, 'TOO_LARGE', 'Request body over 1 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'BAD_JSON', 'The request body is not JSON');
  }
}

/** Opaque cursors: base64url JSON, so clients cannot come to depend on their shape. */
export const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
export function decodeCursor<T>(cursor: string | null): T | null {
  if (!cursor) return null;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw new ApiError(400, 'BAD_CURSOR', 'The cursor is not one this API returned');
  }
}

export function limitParam(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new ApiError(400, 'BAD_LIMIT', `limit must be an integer from 1 to ${max}`);
  return limit;
}
