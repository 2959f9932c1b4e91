// Work written as a generator that yields between small steps: run to its end at once here, or
// in slices by main (main/workspace/in-slices.ts), which answers other calls in between.
export type Steps<T> = Generator<void, T>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Yields every `every` calls: `if (tick()) yield;` inside a loop. */
export function every(count: number): () => boolean {
  let calls = 0;
  return () => ++calls % count === 0;
}
