import { ApiError } from "../errors/api-error.js";

/**
 * One endpoint's limit: at most `limit` requests per `intervalMs` window.
 *
 * @example
 * ```ts
 * const uploads: RateLimit = { limit: 10, intervalMs: 1000 };
 * ```
 */
export interface RateLimit {
  limit: number;
  intervalMs: number;
}

/**
 * Rate limits by route name (`upload`, `files.list`, `files.details`, …) or `"*"` for every route without its own
 * entry. Off (empty) by default; read on every request, so `emu.rateLimits.upload = { limit: 2, intervalMs: 1000 }`
 * takes effect at once.
 *
 * @example
 * ```ts
 * const limits: RateLimits = { upload: { limit: 10, intervalMs: 1000 }, "*": { limit: 100, intervalMs: 1000 } };
 * ```
 */
export type RateLimits = Record<string, RateLimit | undefined>;

/**
 * Fixed-window counters, answered with ImageKit's 429 and `X-RateLimit-*` headers once a window is full.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter();
 * limiter.hit(emu.rateLimits, "upload"); // throws ApiError 429 when the window is full
 * ```
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Counts a request to `route`; throws the 429 when its window is full. */
  hit(limits: RateLimits, route: string, now = Date.now()): void {
    const key = limits[route] ? route : "*";
    const limit = limits[key];
    if (!limit) return;
    let window = this.windows.get(key);
    if (!window || now - window.start >= limit.intervalMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count > limit.limit) {
      const reset = Math.max(0, window.start + limit.intervalMs - now);
      throw new ApiError(
        429,
        `Too many requests: this endpoint allows ${limit.limit} requests per ${limit.intervalMs} ms. Retry after ${reset} ms (X-RateLimit-Reset).`,
        {},
        {
          "X-RateLimit-Limit": String(limit.limit),
          "X-RateLimit-Reset": String(reset),
          "X-RateLimit-Interval": String(limit.intervalMs),
        },
      );
    }
  }
}
