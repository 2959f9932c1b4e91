// A read that a hung broker cannot stretch. The client's own timeouts (15 s a request, one retry)
// are right for a sweep, but a page that waits 30 s shows nothing at all; past the deadline the
// caller answers with what it has (older data, marked) or a clear error.

/** `work`'s answer, or `late()`'s once `ms` have passed; a late failure of `work` is then ignored. */
export function withDeadline<T>(work: Promise<T>, ms: number, late: () => T | Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (error) {
        reject(error);
      }
    }, ms);
    timer.unref();
  });
  // The race settles once; an abandoned read that fails later must not be an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
