import { apiErrors } from "../errors/imagekit-errors.js";
import type { Limits } from "../limits.js";
import type { PixelLimits } from "./pixel-limits.js";

/** Where one request's image work runs and what bounds it. */
export interface ImageWork {
  limits: PixelLimits & Pick<Limits, "transformTimeoutMs">;
  queue: ImageQueue;
  /** Aborts when the client that asked has gone. */
  signal: AbortSignal;
}

/** How many jobs may wait per running slot before new ones are refused with a 429. */
const WAITING_PER_SLOT = 16;

/**
 * Pixel work (decoding, resizing, encoding, hashing) behind a bounded queue. sharp runs each job on one of libuv's
 * four worker threads, the same threads file reads and writes need: at most `imageConcurrency` jobs hold one at a
 * time, so plain deliveries and uploads always find a thread. A job whose client has gone is dropped from the queue
 * or stopped between steps, and one that runs past `transformTimeoutMs` is answered with a 400.
 *
 * @example
 * ```ts
 * const queue = new ImageQueue(limits);
 * const out = await queue.run(ctx.signal, async (stop) => {
 *   stop.throwIfAborted(); // between steps
 *   return sharp(path).resize(100).toBuffer();
 * });
 * ```
 */
export class ImageQueue {
  private running = 0;
  private readonly waiting: { start: () => void; cancel: () => void }[] = [];

  constructor(private readonly limits: Pick<Limits, "imageConcurrency" | "transformTimeoutMs">) {}

  /**
   * Runs `job` when a slot is free. `job` receives a signal that aborts when the client leaves or the time limit
   * passes; the caller's promise settles at that moment, while the slot stays taken until `job` has returned.
   */
  async run<T>(signal: AbortSignal, job: (stop: AbortSignal) => Promise<T>): Promise<T> {
    await this.acquire(signal);
    const stop = new AbortController();
    const timer = setTimeout(
      () => stop.abort(apiErrors.transformTimedOut(this.limits)),
      this.limits.transformTimeoutMs,
    );
    const leave = () => stop.abort(apiErrors.clientGone());
    signal.addEventListener("abort", leave, { once: true });
    const work = (async () => job(stop.signal))().finally(() => {
      clearTimeout(timer);
      signal.removeEventListener("abort", leave);
      this.release();
    });
    const stopped = new Promise<never>((_, reject) => {
      stop.signal.addEventListener("abort", () => reject(stop.signal.reason), { once: true });
    });
    // Whichever settles first answers the caller; the other is observed so it cannot become an unhandled rejection.
    work.catch(() => undefined);
    stopped.catch(() => undefined);
    return Promise.race([work, stopped]);
  }

  private acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(apiErrors.clientGone());
    if (this.running < this.limits.imageConcurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= WAITING_PER_SLOT * this.limits.imageConcurrency) {
      return Promise.reject(apiErrors.imageQueueFull());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          signal.removeEventListener("abort", entry.cancel);
          resolve();
        },
        cancel: () => {
          const at = this.waiting.indexOf(entry);
          if (at !== -1) this.waiting.splice(at, 1);
          reject(apiErrors.clientGone());
        },
      };
      signal.addEventListener("abort", entry.cancel, { once: true });
      this.waiting.push(entry);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running--;
  }
}
