// Listening sockets that record every byte they receive: one speaks just enough of the Kafka
// protocol (ApiVersions, SaslHandshake) for a client to send its SASL credentials, the other is an
// HTTP server that answers every request as an empty Schema Registry. Stand-ins for a real broker
// or registry, and for an attacker's address that a profile's secrets must never reach.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Recorder {
  address: string;
  /** Everything received so far, as latin1 text (SASL PLAIN sends the password as raw bytes). */
  received(): string;
  close(): Promise<void>;
}

const API_VERSIONS = 18;
const SASL_HANDSHAKE = 17;
const SASL_AUTHENTICATE = 36;

function frame(correlationId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(4 + body.length, 0);
  header.writeInt32BE(correlationId, 4);
  return Buffer.concat([header, body]);
}

/** ApiVersions v1 answer: no error, the SASL APIs, no throttle. */
function apiVersionsAnswer(): Buffer {
  const apis = [[API_VERSIONS, 0, 3], [SASL_HANDSHAKE, 0, 1], [SASL_AUTHENTICATE, 0, 2], [3, 0, 12], [60, 0, 1]];
  const body = Buffer.alloc(2 + 4 + apis.length * 6 + 4);
  let at = body.writeInt16BE(0, 0);
  at = body.writeInt32BE(apis.length, at);
  for (const [key, min, max] of apis) {
    at = body.writeInt16BE(key!, at);
    at = body.writeInt16BE(min!, at);
    at = body.writeInt16BE(max!, at);
  }
  body.writeInt32BE(0, at);
  return body;
}

/** SaslHandshake v1 answer: no error, PLAIN and SCRAM enabled. */
function handshakeAnswer(): Buffer {
  const mechanisms = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];
  const parts = [Buffer.from([0, 0]), Buffer.alloc(4)];
  parts[1]!.writeInt32BE(mechanisms.length, 0);
  for (const m of mechanisms) {
    const length = Buffer.alloc(2);
    length.writeInt16BE(m.length, 0);
    parts.push(length, Buffer.from(m, 'latin1'));
  }
  return Buffer.concat(parts);
}

/** A "broker" that takes the client as far as SaslAuthenticate, records it and hangs up. */
export async function recordingBroker(): Promise<Recorder> {
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
        const size = pending.readInt32BE(0);
        const request = pending.subarray(4, 4 + size);
        pending = pending.subarray(4 + size);
        const apiKey = request.readInt16BE(0);
        const correlationId = request.readInt32BE(4);
        if (apiKey === API_VERSIONS) socket.write(frame(correlationId, apiVersionsAnswer()));
        else if (apiKey === SASL_HANDSHAKE) socket.write(frame(correlationId, handshakeAnswer()));
        else socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => Buffer.concat(chunks).toString('latin1'),
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

/** An HTTP server that records each request's head and body and answers as an empty registry. */
export async function recordingRegistry(): Promise<Recorder> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => { body += c.toString('latin1'); });
    request.on('end', () => {
      // Basic credentials are base64 on the wire; decoded here so a test can look for the password.
      const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const credentials = basic ? Buffer.from(basic, 'base64').toString('latin1') : '';
      requests.push(`${request.method} ${request.url}\n${JSON.stringify(request.headers)}\n${credentials}\n${body}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('[]');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `http://127.0.0.1:${(server.address() as AddressInfo).port}/apis/ccompat/v7`,
    received: () => requests.join('\n'),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
