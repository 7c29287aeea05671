import type { ResolvedConfig } from "../config.js";
import { edgeCache } from "../runtime.js";
import type { FormatBucket } from "./format.js";

/** When the copy was stored (ms since the epoch): freshness is decided by the worker, so stale copies stay usable. */
const STORED_AT = "x-ikit-stored-at";

/**
 * The Cache API key of an image variant: its unsigned ImageKit URL (the normalised transformation is in it) plus the
 * format bucket. Signatures and expiries are not part of it, so a re-signed URL still hits.
 *
 * @example
 * ```ts
 * cacheKey("https://ik.imagekit.io/demo/tr:w-640/shoe.jpg", "avif");
 * // Request for "https://ik.imagekit.io/demo/tr:w-640/shoe.jpg?ikit-format=avif"
 * ```
 */
export function cacheKey(unsignedUrl: string, bucket: FormatBucket): Request {
  return new Request(`${unsignedUrl}${unsignedUrl.includes("?") ? "&" : "?"}ikit-format=${bucket}`);
}

/**
 * True while a cached copy is within `cache.ttlSeconds`; after that it is only a fallback for upstream failures.
 *
 * @example
 * ```ts
 * const cached = await edgeCache().match(key);
 * if (cached && isFresh(cached, config)) return cached;
 * ```
 */
export function isFresh(cached: Response, config: ResolvedConfig): boolean {
  const storedAt = Number(cached.headers.get(STORED_AT));
  return Number.isFinite(storedAt) && Date.now() - storedAt < config.cache.ttlSeconds * 1000;
}

/**
 * Stores a copy for `ttlSeconds + staleSeconds` (the Cache API drops it after that), stamped with the time it was
 * stored. Does nothing when both are 0. `headers` are copied before the first `await`: the caller may change them
 * once this returns.
 *
 * @example
 * ```ts
 * ctx.waitUntil(store(key, await upstream.arrayBuffer(), headers, config));
 * ```
 */
export async function store(
  key: Request,
  body: ReadableStream | ArrayBuffer,
  headers: Headers,
  config: ResolvedConfig,
): Promise<void> {
  const keep = config.cache.ttlSeconds + config.cache.staleSeconds;
  if (keep === 0) return body instanceof ReadableStream ? body.cancel() : undefined;
  const stored = new Headers(headers);
  stored.set("cache-control", `public, max-age=${keep}`);
  stored.set(STORED_AT, String(Date.now()));
  await edgeCache().put(key, new Response(body, { status: 200, headers: stored }));
}
