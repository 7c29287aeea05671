import { UploadError } from "./errors.js";

/**
 * A promise that runs `executor` unless `signal` is already aborted, and rejects with the `ABORT` error (carrying
 * the signal's reason) as soon as it aborts: the one abort path of waiting for a token, for a retry and for an
 * answer. `executor` may return how to stop its work; that runs at once on abort, and once the work settles. A cancel
 * must not wait for an authenticator that is slow to answer (it runs on, its result ignored).
 *
 * @example
 * ```ts
 * await abortable<void>(controller.signal, (resolve) => {
 *   const timer = setTimeout(resolve, 1000);
 *   return () => clearTimeout(timer);
 * });
 * ```
 */
export function abortable<T>(
  signal: AbortSignal | undefined,
  executor: (
    resolve: (value: T | PromiseLike<T>) => void,
    reject: (error: UploadError) => void,
  ) => (() => void) | undefined,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let stop: (() => void) | undefined;
    const end = () => {
      signal?.removeEventListener("abort", onAbort);
      stop?.();
    };
    const onAbort = () => {
      end();
      reject(new UploadError("ABORT", "Upload aborted", signal?.reason));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort);
    new Promise<T>((done, fail) => (stop = executor(done, fail))).then(resolve, reject).finally(end);
  });
}
