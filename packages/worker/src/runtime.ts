// The few Workers runtime APIs the worker uses, typed here so the package's types need no ambient
// @cloudflare/workers-types (a consumer's `ExecutionContext`, KV namespace and Rate Limiting binding fit them).

/**
 * What the worker needs of a Worker's `ctx` (`ExecutionContext`): background work after the response.
 *
 * @example
 * ```ts
 * const ctx: WaitUntil = { waitUntil: (promise) => void promise };
 * ```
 */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

/** A Rate Limiting binding (`ratelimits` in wrangler config). */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** A Workers KV namespace binding, as far as the replay guard uses it. */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The Cloudflare location's cache (`caches.default`). */
export function edgeCache(): Cache {
  return (caches as unknown as { default: Cache }).default;
}

/** An element as `HTMLRewriter` hands it to a handler. */
export interface RewrittenElement {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}

/** The runtime's streaming HTML rewriter. */
export interface HtmlRewriter {
  on(selector: string, handlers: { element(element: RewrittenElement): void | Promise<void> }): HtmlRewriter;
  transform(response: Response): Response;
}

/** A new `HTMLRewriter`. */
export function htmlRewriter(): HtmlRewriter {
  return new (globalThis as unknown as { HTMLRewriter: new () => HtmlRewriter }).HTMLRewriter();
}

/** Compares two buffers of equal length in constant time (`crypto.subtle.timingSafeEqual`). */
export function timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean {
  return (crypto.subtle as unknown as { timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean }).timingSafeEqual(
    a,
    b,
  );
}
