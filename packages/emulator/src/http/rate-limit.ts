import { apiErrors } from "../errors/imagekit-errors.js";
import type { RouteName } from "./routes.js";

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
export type RateLimits = Partial<Record<RouteName | "*", RateLimit>>;

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
  hit(limits: RateLimits, route: RouteName, now = Date.now()): void {
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
      throw apiErrors.rateLimited(limit.limit, limit.intervalMs, reset);
    }
  }
}
