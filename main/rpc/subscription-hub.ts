// Live data is polled in main, never by renderer timers. One poller per (method, input), shared by
// every subscriber in every window, reference-counted, with backoff on errors; subscribers get the
// latest value at once and then only changes. What the stale feed names is polled again at once.
// An input is checked before anything touches it: its shape (depth, size) without recursion, then
// the contract's input schema; only the parsed input is stringified into a poller's key.
import { inputShapeProblem } from '../../shared/common/input-shape';
import { describeIssues } from '../../shared/common/parse';
import { fail, type Result } from '../../shared/common/result';
import { contract, isLiveMethod, type MethodName } from '../../shared/contract';
import { createLogger } from '../platform/logger';
import type { Router } from './router';
import type { StaleFeed } from '../platform/stale-feed';

export type Push = (result: Result<unknown>) => void;

interface Poller {
  method: MethodName;
  /** The input after parsing with the contract: bounded, and what the router is called with. */
  input: unknown;
  subscribers: Set<Push>;
  last: Result<unknown> | null;
  lastJson: string | null;
  timer: NodeJS.Timeout | null;
  abort: AbortController;
  failures: number;
}

/**
 * While a live source fails it is asked again after twice its interval and more, but never later
 * than this: a page shows the source's return within a few seconds (an SRE watches it come back),
 * and a failing source gets one call every few seconds, each with its client's own short retries.
 */
const MAX_BACKOFF_MS = 4_000;
const log = createLogger('hub');

export class SubscriptionHub {
  readonly #pollers = new Map<string, Poller>();
  readonly #unfollow: () => void;

  constructor(private readonly router: Router, stale?: StaleFeed, private readonly intervalScale = 1) {
    this.#unfollow = stale?.onStale((methods) => this.refresh(methods)) ?? (() => undefined);
  }

  /** Returns an unsubscribe function; a method that cannot be subscribed to gets an error push. */
  subscribe(method: string, input: unknown, push: Push): () => void {
    const parsed = this.#parse(method, input);
    if (!parsed.ok) {
      push(parsed);
      return () => undefined;
    }
    const key = `${method}\u0000${JSON.stringify(parsed.value.input)}`;
    let poller = this.#pollers.get(key);
    if (!poller) {
      poller = { ...parsed.value, subscribers: new Set(), last: null, lastJson: null, timer: null, abort: new AbortController(), failures: 0 };
      this.#pollers.set(key, poller);
      void this.#tick(key, poller);
    } else if (poller.last) {
      push(poller.last);
    }
    poller.subscribers.add(push);
    return () => {
      const current = this.#pollers.get(key);
      if (!current) return;
      current.subscribers.delete(push);
      if (current.subscribers.size === 0) this.#stop(key, current);
    };
  }

  /** Re-polls every poller of these methods now (after a change that made their data stale). */
  refresh(methods: readonly MethodName[]): void {
    const stale = new Set<string>(methods);
    for (const [key, poller] of this.#pollers) {
      if (!stale.has(poller.method)) continue;
      if (poller.timer) clearTimeout(poller.timer);
      void this.#tick(key, poller);
    }
  }

  /** The live method and its parsed input, or the typed error a subscriber gets instead. */
  #parse(method: string, input: unknown): Result<{ method: MethodName; input: unknown }> {
    if (!isLiveMethod(method)) return fail('UNKNOWN_METHOD', `"${method.slice(0, 200)}" cannot be subscribed to: it is not a live method.`);
    const problem = inputShapeProblem(input);
    if (problem) return fail('INVALID_INPUT', `The input of ${method} is not valid: ${problem}.`);
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return fail('INVALID_INPUT', `The input of ${method} is not valid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, { issues });
    }
    return { ok: true, value: { method, input: parsed.data } };
  }

  #stop(key: string, poller: Poller) {
    poller.abort.abort();
    if (poller.timer) clearTimeout(poller.timer);
    this.#pollers.delete(key);
  }

  async #tick(key: string, poller: Poller) {
    const { method, input } = poller;
    poller.timer = null;
    // The last resort of a poller: nothing one answer or one subscriber does may end the loop, or
    // (as an unhandled rejection) the process.
    let result: Result<unknown>;
    try {
      result = await this.router.call(method, input);
    } catch (error) {
      log.error(`${method} threw past the router`, error);
      result = fail('INTERNAL', `${method} failed unexpectedly; the log of main has the details.`);
    }
    if (poller.abort.signal.aborted || this.#pollers.get(key) !== poller) return;
    let json: string;
    try {
      json = JSON.stringify(result);
    } catch (error) {
      log.error(`${method} answered with a value that cannot be sent`, error);
      result = fail('INTERNAL', `${method} answered with a value that cannot be sent; the log of main has the details.`);
      json = JSON.stringify(result);
    }
    if (json !== poller.lastJson) {
      poller.last = result;
      poller.lastJson = json;
      for (const push of poller.subscribers) {
        try {
          push(result);
        } catch (error) {
          log.warn(`a subscriber of ${method} could not take a push`, error);
        }
      }
    }
    poller.failures = result.ok ? 0 : poller.failures + 1;
    const interval = ((contract as Record<string, { live?: number }>)[method]?.live ?? 5_000) * this.intervalScale;
    const delay = poller.failures === 0 ? interval : Math.min(MAX_BACKOFF_MS * this.intervalScale, interval * 2 ** Math.min(poller.failures, 4));
    if (poller.timer) return; // refresh() scheduled a tick meanwhile
    poller.timer = setTimeout(() => void this.#tick(key, poller), delay);
  }

  close(): void {
    this.#unfollow();
    for (const [key, poller] of this.#pollers) this.#stop(key, poller);
  }

  get activePollers(): number {
    return this.#pollers.size;
  }
}
