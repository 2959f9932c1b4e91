// Live queries are fed by main, never fetched by the renderer: one subscription per (method, input),
// shared by every component that shows it, writes each pushed value into the react-query cache.
// An error push keeps the last good value on screen and puts the error beside it.
import type { QueryClient } from '@tanstack/react-query';
import { hashKey } from '@tanstack/react-query';
import type { LiveMethodName, MethodInput, MethodName } from '../../../shared/contract';
import type { Result } from '../../../shared/common/result';
import { CallError, liveKey } from './query-keys';
import type { Transport } from './transport';

interface Feed {
  method: LiveMethodName;
  input: unknown;
  members: number;
  stop: () => void;
}

export class LiveFeeds {
  readonly #feeds = new Map<string, Feed>();

  constructor(private readonly transport: Transport, private readonly client: QueryClient) {}

  /** Starts (or joins) the subscription behind one live query; returns how to leave it. */
  join(method: LiveMethodName, input: unknown): () => void {
    const hash = hashKey(liveKey(method, input));
    let feed = this.#feeds.get(hash);
    if (!feed) {
      feed = { method, input, members: 0, stop: () => undefined };
      feed.stop = this.#subscribe(feed);
      this.#feeds.set(hash, feed);
    }
    feed.members += 1;
    const joined = feed;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      joined.members -= 1;
      if (joined.members === 0) {
        joined.stop();
        this.#feeds.delete(hash);
      }
    };
  }

  /**
   * Forgets what these methods showed and subscribes again. Main answers a new subscription with
   * its current value at once, so the query goes from "loading" to fresh data even when nothing
   * changes afterwards (main pushes only changes, so merely clearing the data could wait forever).
   */
  startOver(methods: readonly MethodName[]): void {
    const chosen = new Set<string>(methods);
    for (const feed of this.#feeds.values()) {
      if (!chosen.has(feed.method)) continue;
      feed.stop();
      void this.client.resetQueries({ queryKey: liveKey(feed.method, feed.input), exact: true });
      feed.stop = this.#subscribe(feed);
    }
  }

  #subscribe(feed: Feed): () => void {
    const key = liveKey(feed.method, feed.input);
    return this.transport.subscribe(feed.method, feed.input as MethodInput<MethodName>, (result) => writePush(this.client, key, result));
  }
}

/** Puts one pushed result into the cache: data replaces data; an error keeps the data it finds. */
export function writePush(client: QueryClient, key: readonly unknown[], result: Result<unknown>): void {
  if (result.ok) {
    client.setQueryData(key, result.value);
    return;
  }
  const query = client.getQueryCache().find({ queryKey: key, exact: true });
  if (!query) return;
  query.setState({
    status: query.state.data === undefined ? 'error' : 'success',
    error: new CallError(result.error),
    errorUpdatedAt: Date.now(),
    fetchStatus: 'idle',
  });
}
