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

/**
 * A Rate Limiting binding (`ratelimits` in wrangler config).
 *
 * @example
 * ```ts
 * const { success } = await (env.AUTH_RATE_LIMITER as RateLimiter).limit({ key: "auth:user-42" });
 * ```
 */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * A Workers KV namespace binding, as far as the replay guard uses it.
 *
 * @example
 * ```ts
 * await (env.WEBHOOK_SEEN as KeyValueStore).put("webhook:abc", "taken", { expirationTtl: 600 });
 * ```
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * The Cloudflare location's cache (`caches.default`).
 *
 * @example
 * ```ts
 * const cached = await edgeCache().match(key);
 * ```
 */
export function edgeCache(): Cache {
  return (caches as unknown as { default: Cache }).default;
}

/**
 * An element as `HTMLRewriter` hands it to a handler.
 *
 * @example
 * ```ts
 * const handler = { element: (element: RewrittenElement) => element.setAttribute("loading", "lazy") };
 * ```
 */
export interface RewrittenElement {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}

/**
 * The runtime's streaming HTML rewriter.
 *
 * @example
 * ```ts
 * const rewriter: HtmlRewriter = htmlRewriter().on("img", handler);
 * ```
 */
export interface HtmlRewriter {
  on(selector: string, handlers: { element(element: RewrittenElement): void | Promise<void> }): HtmlRewriter;
  transform(response: Response): Response;
}

/**
 * A new `HTMLRewriter`.
 *
 * @example
 * ```ts
 * return htmlRewriter().on("img", handler).transform(response);
 * ```
 */
export function htmlRewriter(): HtmlRewriter {
  return new (globalThis as unknown as { HTMLRewriter: new () => HtmlRewriter }).HTMLRewriter();
}

/**
 * Compares two buffers of equal length in constant time (`crypto.subtle.timingSafeEqual`).
 *
 * @example
 * ```ts
 * timingSafeEqual(await sha256(given), await sha256(secret));
 * ```
 */
export function timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean {
  return (crypto.subtle as unknown as { timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean }).timingSafeEqual(
    a,
    b,
  );
}
