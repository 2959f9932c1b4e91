// Work on one key (a group) runs one at a time. A double click or a retry sends the same apply
// twice; run concurrently, both would pass the "unchanged since the preview" check before either
// wrote. In sequence, the second finds the offsets changed and is refused. One queue per service,
// not per module: two services (two test harnesses in one process) never share locks.
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.#tails.set(key, current);
    try {
      return await current;
    } finally {
      if (this.#tails.get(key) === current) this.#tails.delete(key);
    }
  }
}
