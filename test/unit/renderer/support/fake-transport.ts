// A transport the renderer's tests control: calls are recorded and answered by the test (at once,
// or when the test says), subscriptions are recorded and fed by push(). It stands in for main, the
// thing the console connects to; everything above it (hooks, cache, pages) is the real code.
import type { MethodInput, MethodName } from '../../../../shared/contract';
import type { AppError, Result } from '../../../../shared/common/result';
import type { Transport } from '../../../../renderer/src/api/transport';

type Answer = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

export interface RecordedCall { method: MethodName; input: unknown }
export interface RecordedSubscription { method: MethodName; input: unknown; onResult: (result: Result<unknown>) => void; active: boolean }

export class FakeTransport implements Transport {
  readonly kind = 'web' as const;
  readonly calls: RecordedCall[] = [];
  readonly subscriptions: RecordedSubscription[] = [];
  readonly #answers = new Map<MethodName, Answer>();

  /** How main answers a method from now on. */
  answer(method: MethodName, answer: Answer): this {
    this.#answers.set(method, answer);
    return this;
  }

  call(method: MethodName, input: MethodInput<MethodName>): Promise<Result<unknown>> {
    this.calls.push({ method, input });
    const answer = this.#answers.get(method);
    if (!answer) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `The test gave no answer for ${method}.` } });
    return Promise.resolve(answer(input));
  }

  subscribe(method: MethodName, input: MethodInput<MethodName>, onResult: (result: Result<unknown>) => void): () => void {
    const subscription = { method, input, onResult, active: true };
    this.subscriptions.push(subscription);
    return () => { subscription.active = false; };
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }

  activeSubscriptions(method?: MethodName): RecordedSubscription[] {
    return this.subscriptions.filter((s) => s.active && (method === undefined || s.method === method));
  }

  /** Main pushes a value (or an error) to every active subscriber of the method. */
  push(method: MethodName, result: Result<unknown>): void {
    const targets = this.activeSubscriptions(method);
    if (targets.length === 0) throw new Error(`Nothing is subscribed to ${method}.`);
    for (const s of targets) s.onResult(result);
  }

  pushValue(method: MethodName, value: unknown): void {
    this.push(method, { ok: true, value });
  }

  pushError(method: MethodName, error: AppError): void {
    this.push(method, { ok: false, error });
  }
}

/** A promise the test settles when it chooses: an answer that is still on its way. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}
