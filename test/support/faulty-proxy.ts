// An HTTP proxy in front of a real service (the sandbox's Schema Registry) that a test can make
// fail on demand: answer 500, or hang (hold every request without an answer) and then recover,
// when the held requests go through as a stalled service answers once it resumes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyMode = 'pass' | 'fail' | 'hang';

export interface FaultyProxy {
  /** The target's URL with the proxy's origin: same path, so a client needs no other change. */
  url: string;
  mode(next: ProxyMode): void;
  close(): Promise<void>;
}

export async function startFaultyProxy(targetUrl: string): Promise<FaultyProxy> {
  const target = new URL(targetUrl);
  let mode: ProxyMode = 'pass';
  const held: Array<() => void> = [];

  const forward = (request: http.IncomingMessage, body: Buffer, response: http.ServerResponse) => {
    const upstream = http.request({ host: target.hostname, port: target.port, path: request.url, method: request.method, headers: { ...request.headers, host: target.host } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    upstream.end(body);
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (mode === 'fail') {
        response.writeHead(500, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
        response.end(JSON.stringify({ error_code: 50001, message: 'Error in the backend datastore' }));
      } else if (mode === 'hang') {
        held.push(() => forward(request, body, response));
      } else {
        forward(request, body, response);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${target.pathname}`,
    mode(next) {
      mode = next;
      if (next !== 'hang') for (const release of held.splice(0)) release();
    },
    close: () => new Promise((resolve) => { held.length = 0; server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
