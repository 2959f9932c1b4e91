// One service shape over a MessagePort (after VS Code's ProxyChannel): one side exposes an object,
// the other gets a typed proxy of it whose every method returns a promise. Calls carry an id;
// errors cross as { code, message, details } and become AppFailures again, so a code such as
// NOT_FOUND survives the hop; replies and events are parsed at the boundary with the schemas the
// caller names; every call has a timeout, so a stuck other side costs a clear error, not a hang.
import { z } from 'zod';
import { parseUnknown } from '../../shared/common/parse';
import { AppFailure, errorCodes, type ErrorCode } from '../../shared/common/result';

/** What both ends need of a port: node:worker_threads' MessagePort has it (and so does parentPort). */
export interface ChannelPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** Any function, whatever its parameters (every parameter type accepts never). */
type AnyFunction = (...args: never[]) => unknown;
type MethodNames<T> = { [K in keyof T]: T[K] extends AnyFunction ? (K extends string ? K : never) : never }[keyof T];

/** The proxy of T: each method of T, answered asynchronously. */
export type Remote<T> = { [K in MethodNames<T>]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };
/** The value each method's promise resolves with. */
export type ReplyOf<T, K extends MethodNames<T>> = T[K] extends (...args: never[]) => infer R ? Awaited<R> : never;
/** Events a service emits: name → payload. */
export type EventMap = Record<string, unknown>;

const errorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
const envelopeSchema = z.union([
  z.object({ kind: z.literal('call'), id: z.number(), method: z.string(), args: z.array(z.unknown()) }),
  z.object({ kind: z.literal('reply'), id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ kind: z.literal('reply'), id: z.number(), ok: z.literal(false), error: errorSchema }),
  z.object({ kind: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
type Envelope = z.infer<typeof envelopeSchema>;

/** A value of `record` under `name`, never one inherited from Object.prototype ("constructor", "toString"). */
function own<V>(record: Record<string, V>, name: string): V | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** A method of the service or of its class, never Object.prototype's, "constructor", or a "_" name. */
function methodOf(service: object, name: string): AnyFunction | undefined {
  if (name === 'constructor' || name.startsWith('_')) return undefined;
  for (let o: object | null = service; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.hasOwn(o, name)) {
      const value = (o as Record<string, unknown>)[name];
      return typeof value === 'function' ? (value as AnyFunction) : undefined;
    }
  }
  return undefined;
}

const knownCode = (code: string): ErrorCode => ((errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL');

function errorOf(error: unknown): z.infer<typeof errorSchema> {
  const failure = error instanceof AppFailure ? error : null;
  return {
    code: failure?.code ?? 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    ...(failure?.details === undefined ? {} : { details: failure.details }),
  };
}

/** Posts, and if the value cannot be cloned (a function in an error's details), says so instead. */
function post(port: ChannelPort, message: Envelope): void {
  try {
    port.postMessage(message);
  } catch (error) {
    if (message.kind !== 'reply') throw error;
    port.postMessage({ kind: 'reply', id: message.id, ok: false, error: { code: 'INTERNAL', message: `The answer could not be sent: ${error instanceof Error ? error.message : String(error)}` } } satisfies Envelope);
  }
}

export interface ExposedService<E extends EventMap> {
  emit<K extends keyof E & string>(event: K, payload: E[K]): void;
  /** Stops answering. */
  dispose(): void;
}

/**
 * Answers calls arriving on `port` with the methods of `service` (its own or its class's; never
 * Object's, `constructor` or a name starting with "_"), and lets it emit events to the other side.
 */
export function exposeOverPort<T extends object, E extends EventMap = Record<never, never>>(port: ChannelPort, service: T): ExposedService<E> {
  const listener = (raw: unknown) => {
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success || parsed.data.kind !== 'call') return;
    const { id, method, args } = parsed.data;
    const fn = methodOf(service, method);
    const answer = fn
      ? new Promise<unknown>((resolve) => resolve(fn.apply(service, args as never[])))
      : Promise.reject(new AppFailure('UNKNOWN_METHOD', `The other side has no method "${method}".`));
    answer.then(
      (value) => post(port, { kind: 'reply', id, ok: true, value }),
      (error: unknown) => post(port, { kind: 'reply', id, ok: false, error: errorOf(error) }),
    );
  };
  port.on('message', listener);
  return {
    emit: (event, payload) => post(port, { kind: 'event', event, payload }),
    dispose: () => { port.off('message', listener); },
  };
}

export interface ProxyOptions<T, E extends EventMap> {
  /** Names the other side in errors ("the cluster monitor"). */
  name: string;
  /** Milliseconds a call may take before it fails; per method where some take longer. */
  timeoutMs: number;
  timeouts?: { [K in MethodNames<T>]?: number };
  /** Schemas for replies; a reply that breaks its schema fails the call with every failing path named. */
  replies?: { [K in MethodNames<T>]?: z.ZodType<ReplyOf<T, K>> };
  /** Schemas for events; an event without one is not delivered (nothing unparsed crosses). */
  events?: { [K in keyof E]: z.ZodType<E[K]> };
}

export interface ProxiedService<T, E extends EventMap> {
  readonly remote: Remote<T>;
  on<K extends keyof E & string>(event: K, listener: (payload: E[K]) => void): () => void;
  /** Fails every call in flight with `reason` and refuses new ones (the other side is gone). */
  close(reason: AppFailure): void;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void; timer: NodeJS.Timeout; method: string };

/** A typed proxy of the service that `exposeOverPort` answers on the other end of `port`. */
export function proxyOverPort<T extends object, E extends EventMap = Record<never, never>>(port: ChannelPort, options: ProxyOptions<T, E>): ProxiedService<T, E> {
  let serial = 0;
  let closed: AppFailure | null = null;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const replies = (options.replies ?? {}) as Record<string, z.ZodType | undefined>;
  const events = (options.events ?? {}) as Record<string, z.ZodType | undefined>;
  const timeouts = (options.timeouts ?? {}) as Record<string, number | undefined>;

  const onMessage = (raw: unknown) => {
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'event') {
      const schema = own(events, message.event);
      const subscribers = listeners.get(message.event);
      if (!schema || !subscribers) return;
      const payload = schema.safeParse(message.payload);
      if (payload.success) for (const listener of subscribers) listener(payload.data);
      return;
    }
    if (message.kind !== 'reply') return;
    const call = pending.get(message.id);
    if (!call) return; // timed out meanwhile
    pending.delete(message.id);
    clearTimeout(call.timer);
    if (!message.ok) {
      call.reject(new AppFailure(knownCode(message.error.code), message.error.message, message.error.details));
      return;
    }
    const schema = own(replies, call.method);
    try {
      call.resolve(schema ? parseUnknown(schema, message.value, `The answer of ${options.name} to ${call.method}`) : message.value);
    } catch (error) {
      call.reject(new AppFailure('INTERNAL', error instanceof Error ? error.message : String(error)));
    }
  };
  port.on('message', onMessage);

  const call = (method: string, args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(closed);
    const id = ++serial;
    const timeoutMs = own(timeouts, method) ?? options.timeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new AppFailure('INTERNAL', `${options.name} did not answer ${method} within ${Math.round(timeoutMs / 1000)} s.`, { method, timeoutMs }));
      }, timeoutMs);
      timer.unref();
      pending.set(id, { resolve, reject, timer, method });
      try {
        port.postMessage({ kind: 'call', id, method, args } satisfies Envelope);
      } catch (error) {
        pending.delete(id);
        clearTimeout(timer);
        reject(new AppFailure('INTERNAL', `Could not send ${method} to ${options.name}: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  };

  // A property read gives a function that calls the method of that name. `then` stays undefined,
  // so awaiting the proxy itself does not send a call named "then".
  const remote = new Proxy({} as Remote<T>, {
    get: (_target, name) => (typeof name !== 'string' || name === 'then' ? undefined : (...args: unknown[]) => call(name, args)),
  });

  return {
    remote,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      return () => { set.delete(listener as (payload: unknown) => void); };
    },
    close(reason) {
      if (closed) return;
      closed = reason;
      port.off('message', onMessage);
      for (const [, p] of pending) {
        clearTimeout(p.timer);
        p.reject(reason);
      }
      pending.clear();
    },
  };
}
