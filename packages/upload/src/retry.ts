import { abortable } from "./abort.js";
import type { UploadError } from "./errors.js";

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
  return abortable<void>(signal, (resolve) => {
    const timer = setTimeout(resolve, ms);
    return () => clearTimeout(timer);
  });
}
