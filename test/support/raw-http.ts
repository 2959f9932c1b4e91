// Requests no well-behaved client would send (a request target of `//`, a malformed %-escape, a
// WebSocket frame with invalid UTF-8), written byte for byte on a socket. The answer is whatever
// came back before the server closed the connection or the wait ran out.
import net from 'node:net';
import { WebSocket } from 'ws';

export interface RawAnswer {
  /** The status of the first response line, or null when nothing came back. */
  status: number | null;
  text: string;
}

export function rawRequest(port: number, request: string, waitMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('connect', () => socket.write(request));
    // Every request here says `Connection: close`, so the answer ends when the server closes.
    socket.on('data', (chunk) => { text += chunk.toString('latin1'); });
    socket.on('error', done);
    socket.on('close', done);
  });
}

/** A GET (or other method) with the Host header the bridge expects. */
export const rawHttp = (port: number, method: string, target: string, headers: Record<string, string> = {}, body = '') =>
  rawRequest(port, [
    `${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ...(body ? [`Content-Length: ${Buffer.byteLength(body)}`] : []), '', body,
  ].join('\r\n'));

/** A WebSocket handshake for `target`, answered by a 101 or a refusal. */
export const rawUpgrade = (port: number, target: string) =>
  rawRequest(port, [
    `GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: Upgrade', 'Upgrade: websocket',
    'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', '', '',
  ].join('\r\n'));

export interface SocketOutcome {
  messages: unknown[];
  /** The close code the server sent, or null when the socket was still open at the end of the wait. */
  closeCode: number | null;
}

/** Opens /events, sends each frame, and collects what comes back until the server closes or `waitMs` passes. */
export function socketExchange(url: string, token: string, frames: Array<string | { binaryAsText: Buffer }>, waitMs = 2_000, settleWhen?: (messages: unknown[]) => boolean): Promise<SocketOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/events?token=${encodeURIComponent(token)}`);
    const messages: unknown[] = [];
    let closeCode: number | null = null;
    const finish = () => {
      clearTimeout(timer);
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.terminate();
      resolve({ messages, closeCode });
    };
    const timer = setTimeout(finish, waitMs);
    ws.on('open', () => {
      for (const frame of frames) {
        if (typeof frame === 'string') ws.send(frame);
        else ws.send(frame.binaryAsText, { binary: false });
      }
    });
    ws.on('message', (data) => {
      messages.push(JSON.parse(data.toString()));
      if (settleWhen?.(messages)) finish();
    });
    ws.on('close', (code) => { closeCode = code; finish(); });
    ws.on('error', (error) => { if (messages.length === 0 && closeCode === null && ws.readyState === ws.CONNECTING) reject(error); });
  });
}
