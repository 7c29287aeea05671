import type { UploadError } from "./errors.js";
import { abortError } from "./transport.js";

/**
 * Ms to wait before retry number `attempt` (1 for the first): `base · 2^(attempt-1)` capped at 30 s, with jitter
 * (between half and all of it) so many clients do not retry in step, and never less than ImageKit asked for.
 *
 * @example
 * ```ts
 * backoff(3, 500, error); // 1000 to 2000, or error.retryAfter when larger
 * ```
 */
export function backoff(attempt: number, base: number, error: UploadError): number {
  const ceiling = Math.min(30_000, base * 2 ** (attempt - 1));
  return Math.max(error.retryAfter ?? 0, Math.round(ceiling * (0.5 + Math.random() / 2)));
}

/**
 * Waits `ms`, rejecting with the `ABORT` error as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * await sleep(1000, controller.signal);
 * ```
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return abortable(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Settles as `promise` does, or rejects with the `ABORT` error as soon as `signal` aborts (the promise itself runs on,
 * its result ignored): a cancel must not wait for an authenticator that is slow to answer.
 *
 * @example
 * ```ts
 * const auth = await abortable(authenticate(options, used), controller.signal);
 * ```
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort);
    promise.then(resolve, reject).finally(() => signal?.removeEventListener("abort", onAbort));
  });
}
