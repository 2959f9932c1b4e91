// Live data is polled in main, never by renderer timers. One poller per (method, input), shared by
// every subscriber in every window, reference-counted, with backoff on errors; subscribers get the
// latest value at once and then only changes. What the stale feed names is polled again at once.
import type { Result } from '../../shared/common/result';
import { contract, isLiveMethod, type MethodName } from '../../shared/contract';
import type { Router } from './router';
import type { StaleFeed } from '../platform/stale-feed';

export type Push = (result: Result<unknown>) => void;

interface Poller {
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

export class SubscriptionHub {
  readonly #pollers = new Map<string, Poller>();
  readonly #unfollow: () => void;

  constructor(private readonly router: Router, stale?: StaleFeed, private readonly intervalScale = 1) {
    this.#unfollow = stale?.onStale((methods) => this.refresh(methods)) ?? (() => undefined);
  }

  /** Returns an unsubscribe function; a method that cannot be subscribed to gets an error push. */
  subscribe(method: string, input: unknown, push: Push): () => void {
    if (!isLiveMethod(method)) {
      push({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `"${method}" cannot be subscribed to.` } });
      return () => undefined;
    }
    const key = `${method}\u0000${JSON.stringify(input ?? {})}`;
    let poller = this.#pollers.get(key);
    if (!poller) {
      poller = { subscribers: new Set(), last: null, lastJson: null, timer: null, abort: new AbortController(), failures: 0 };
      this.#pollers.set(key, poller);
      void this.#tick(key, method, input, poller);
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
      const [name, json] = key.split('\u0000') as [string, string];
      if (!stale.has(name)) continue;
      if (poller.timer) clearTimeout(poller.timer);
      void this.#tick(key, name, JSON.parse(json), poller);
    }
  }

  #stop(key: string, poller: Poller) {
    poller.abort.abort();
    if (poller.timer) clearTimeout(poller.timer);
    this.#pollers.delete(key);
  }

  async #tick(key: string, method: string, input: unknown, poller: Poller) {
    poller.timer = null;
    const result = await this.router.call(method, input);
    if (poller.abort.signal.aborted || this.#pollers.get(key) !== poller) return;
    const json = JSON.stringify(result);
    if (json !== poller.lastJson) {
      poller.last = result;
      poller.lastJson = json;
      for (const push of poller.subscribers) push(result);
    }
    poller.failures = result.ok ? 0 : poller.failures + 1;
    const interval = ((contract as Record<string, { live?: number }>)[method]?.live ?? 5_000) * this.intervalScale;
    const delay = poller.failures === 0 ? interval : Math.min(MAX_BACKOFF_MS * this.intervalScale, interval * 2 ** Math.min(poller.failures, 4));
    if (poller.timer) return; // refresh() scheduled a tick meanwhile
    poller.timer = setTimeout(() => void this.#tick(key, method, input, poller), delay);
  }

  close(): void {
    this.#unfollow();
    for (const [key, poller] of this.#pollers) this.#stop(key, poller);
  }

  get activePollers(): number {
    return this.#pollers.size;
  }
}
