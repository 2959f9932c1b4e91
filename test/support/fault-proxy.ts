// A proxy in front of a real service that fails on purpose. Some faults happen after the service
// applied the request (it is forwarded, then the connection closes, the answer never comes, a 500
// replaces it, or it comes late): tests check that Sluice records what really happened. Others
// happen before (a 500 without forwarding, or requests held until the fault is cleared, as a
// stalled service answers once it resumes): tests check that pages say so and recover.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = 'close-after-apply' | 'hang-after-apply' | '500-after-apply' | 'slow' | '500-before' | 'hold';

export interface FaultRule {
  /** Which requests it applies to, e.g. /^POST .*\/versions$/ (matched against "METHOD /path"). */
  match: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (then they pass); default every one. */
  times?: number;
  /** For 'slow': how long to hold the answer. */
  delayMs?: number;
}

export interface FaultProxy {
  url: string;
  /** Requests seen, as "METHOD /path", in order. */
  seen: string[];
  set(rule: FaultRule | null): void;
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const base = new URL(upstream);
  let rule: (FaultRule & { left: number }) | null = null;
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  /** Requests held by a 'hold' fault: forwarded when the fault is cleared. */
  const held: Array<() => void> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const line = `${request.method} ${new URL(request.url!, 'http://x').pathname}`;
      seen.push(line);
      const fault = rule && rule.left > 0 && rule.match.test(line) ? rule : null;
      if (fault) fault.left--;
      if (fault?.fault === '500-before') {
        response.writeHead(500, { 'content-type': 'application/json' });
        // The Confluent registry's own shape of a storage failure.
        return response.end(JSON.stringify({ error_code: 50001, message: 'Error in the backend datastore' }));
      }
      if (fault?.fault === 'hold') return held.push(() => forwardRequest(null));
      forwardRequest(fault);
    });
    const forwardRequest = (fault: (FaultRule & { left: number }) | null) => {
      // The proxy serves the same path as the service, so only the origin changes.
      const target = new URL(request.url!, base.origin);
      const headers = { ...request.headers, host: target.host };
      const forward = http.request(target, { method: request.method, headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          const relay = () => {
            if (response.destroyed) return;
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            response.end(Buffer.concat(body));
          };
          if (!fault) return relay();
          switch (fault.fault) {
            case 'close-after-apply': return request.socket.destroy();
            case 'hang-after-apply': return undefined;
            case '500-after-apply':
              response.writeHead(500, { 'content-type': 'application/json' });
              return response.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'injected: the answer was lost' }, error_code: 500, message: 'injected' }));
            case 'slow': return void setTimeout(relay, fault.delayMs ?? 2_000);
          }
        });
      });
      forward.on('error', () => { if (!response.headersSent) response.writeHead(502).end(); });
      forward.end(Buffer.concat(chunks));
    };
  });
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const path = base.pathname.replace(/\/$/, '');
  return {
    url: `http://127.0.0.1:${port}${path}`,
    seen,
    set(next) {
      rule = next ? { ...next, left: next.times ?? Number.POSITIVE_INFINITY } : null;
      if (rule?.fault !== 'hold') for (const release of held.splice(0)) release();
    },
    async close() {
      held.length = 0;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
