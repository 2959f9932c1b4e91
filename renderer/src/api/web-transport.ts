// Browser: RPC over POST /rpc/<method>, live data over one WebSocket that reconnects and
// re-subscribes by itself. The token arrives once in the URL fragment and is kept per tab. Every
// pushed message is parsed before use (./pushed-result.ts); one that is not a push is dropped.
import { pushMessageSchema, type MethodName } from '../../../shared/contract';
import type { Result } from '../../../shared/common/result';
import { checkPushedValue, parseEnvelope, toAppError } from './pushed-result';
import { decodeRoutePart } from '../route';
import type { Transport } from './transport';

const TOKEN_KEY = 'sluice.token';

export function takeTokenFromUrl(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeRoutePart(match[1]!));
    // Drop the token from the address bar (and from history) once it is stored.
    window.history.replaceState(null, '', `${window.location.pathname}#/groups`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

interface Subscription {
  method: MethodName;
  input: unknown;
  onResult: (result: Result<unknown>) => void;
}

export function webTransport(token: string | null, base = window.location.origin): Transport {
  const subscriptions = new Map<string, Subscription>();
  let socket: WebSocket | null = null;
  let reconnect: ReturnType<typeof setTimeout> | null = null;
  let retryDelay = 500;
  let serial = 0;

  const send = (message: unknown) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  };

  const connect = () => {
    // One socket at a time: a subscribe while a reconnect is pending connects now, once.
    if (reconnect !== null) { clearTimeout(reconnect); reconnect = null; }
    if (socket) return;
    const url = new URL('/events', base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token ?? '');
    socket = new WebSocket(url);
    socket.onopen = () => {
      retryDelay = 500;
      for (const [subscriptionId, s] of subscriptions) send({ kind: 'subscribe', subscriptionId, method: s.method, input: s.input });
    };
    socket.onmessage = (event) => {
      const message = parseEnvelope(pushMessageSchema, parseJson(event.data), 'A pushed message');
      if (!message) return;
      const target = subscriptions.get(message.subscriptionId);
      if (!target) return;
      // A standard User Timing mark: lets `npm run bench` measure data arrival → painted table.
      performance.mark(`sluice:data:${target.method}`);
      target.onResult(checkPushedValue(target.method, message.kind === 'data' ? { ok: true, value: message.value } : { ok: false, error: toAppError(message.error) }));
    };
    const opened = socket;
    socket.onclose = () => {
      if (socket !== opened) return;
      socket = null;
      const lost: Result<unknown> = { ok: false, error: { code: 'INTERNAL', message: 'Lost the connection to the Sluice server; reconnecting…' } };
      for (const s of subscriptions.values()) s.onResult(lost);
      if (subscriptions.size > 0) reconnect = setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10_000);
    };
  };

  return {
    kind: 'web',
    async call(method, input) {
      try {
        const response = await fetch(new URL(`/rpc/${method}`, base), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `The Sluice server did not answer: ${error instanceof Error ? error.message : String(error)}` } };
      }
    },
    subscribe(method, input, onResult) {
      const subscriptionId = `s${++serial}`;
      subscriptions.set(subscriptionId, { method, input, onResult });
      if (!socket) connect();
      else send({ kind: 'subscribe', subscriptionId, method, input });
      return () => {
        subscriptions.delete(subscriptionId);
        send({ kind: 'unsubscribe', subscriptionId });
      };
    },
  };
}

/** The message as JSON, or undefined when it is not JSON (then the envelope check drops it). */
function parseJson(data: unknown): unknown {
  try {
    return JSON.parse(String(data));
  } catch {
    return undefined;
  }
}
