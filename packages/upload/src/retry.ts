import { abortable } from "./abort.js";
import type { UploadError } from "./errors.js";
import type { UploadRetry } from "./options.js";

/**
 * Waits before retry number `attempt` (1 for the first), telling `onRetry` first: `base · 2^(attempt-1)` ms capped
 * at 30 s, with jitter (between half and all of it) so many clients do not retry in step, and never less than
 * ImageKit asked for (`error.retryAfter`). Rejects with the `ABORT` error as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * await retryWait(3, 500, error, controller.signal, ({ delay }) => console.log(delay)); // 1000 to 2000 ms
 * ```
 */
export function retryWait(
  attempt: number,
  base: number,
  error: UploadError,
  signal: AbortSignal | undefined,
  onRetry: ((retry: UploadRetry) => void) | undefined,
): Promise<void> {
  const ceiling = Math.min(30_000, base * 2 ** (attempt - 1));
  const delay = Math.max(error.retryAfter ?? 0, Math.round(ceiling * (0.5 + Math.random() / 2)));
  onRetry?.({ attempt, delay, error });
  return abortable<void>(signal, (resolve) => {
    const timer = setTimeout(resolve, delay);
    return () => clearTimeout(timer);
  });
}
