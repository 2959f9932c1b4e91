// Freshness has one path: something says which contract methods' answers are now stale, and the
// subscription hub polls those again at once. The router says it after every successful call of a
// method that declares `invalidates`; a domain says it when its source changed by itself (the
// monitor finished a sweep, a workspace file changed on disk).
import type { MethodName } from '../../shared/contract';

export type StaleListener = (methods: readonly MethodName[]) => void;

export class StaleFeed {
  readonly #listeners = new Set<StaleListener>();

  markStale(methods: readonly MethodName[]): void {
    if (methods.length === 0) return;
    for (const listener of this.#listeners) listener(methods);
  }

  onStale(listener: StaleListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
