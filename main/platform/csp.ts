// The Content-Security-Policy of the console, from app:// (Electron) and from the bridge (web mode):
// scripts and workers only from the console itself, no plugins, no framing. Connections go only
// where the console's data comes from: in web mode the bridge's own origin (its HTTP calls and its
// WebSocket, named exactly: a bare `ws:` would let a page script talk to any WebSocket anywhere);
// in Electron nowhere but the app itself, since calls travel over IPC.
export interface CspOptions {
  /** Web mode: the origin the page was served from, http://host:port (its Host header, already checked). */
  bridgeOrigin?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'"];
  if (options.bridgeOrigin) connect.push(options.bridgeOrigin, options.bridgeOrigin.replace(/^http/, 'ws'));
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
