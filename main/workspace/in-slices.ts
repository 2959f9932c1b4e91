// Long work in main, done in slices: main answers every window and the HTTP bridge from one event
// loop, so reading a folder of 10,000 files in one go kept every other call waiting ~2 s. The work
// is a generator that yields after each small step; it runs a few steps or a few milliseconds at a
// time, then lets the event loop answer what is waiting.

/** Steps per slice, so a slice stays short even where the clock is coarse. */
export const STEPS_PER_SLICE = 25;
export const SLICE_MS = 8;

export class WorkStopped extends Error {}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `steps` to its end in slices; `stopped` is asked after each pause (a newer request won). */
export async function runInSlices<T>(steps: Generator<void, T>, stopped: () => boolean = () => false): Promise<T> {
  let sliceStart = performance.now();
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (++count >= STEPS_PER_SLICE || performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      if (stopped()) {
        steps.return(undefined as never);
        throw new WorkStopped();
      }
      count = 0;
      sliceStart = performance.now();
    }
  }
}

/** Runs `steps` to its end at once (start-up, before anything else is served). */
export { runToEnd as runNow } from '../../shared/workspace/steps';
