// Checks shared by HTTP and WebSocket requests: a bearer token compared in constant time, and Host
// and Origin pinned to the bridge's own address (DNS-rebinding and cross-site defence).
import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = () => randomBytes(24).toString('base64url');

export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? match[1]!.trim() : null;
}

export function allowedHosts(host: string, port: number): Set<string> {
  const hosts = new Set([`${host}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`]);
  if (host === '0.0.0.0' || host === '::') hosts.add(`[::1]:${port}`);
  return hosts;
}

/** Host must be ours; Origin, when a browser sends one, must be our own page. */
export function isSameOriginRequest(request: IncomingMessage, hosts: Set<string>): boolean {
  const host = request.headers.host;
  if (!host || !hosts.has(host)) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true; // scripts and curl send none
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && hosts.has(url.host);
  } catch {
    return false;
  }
}
