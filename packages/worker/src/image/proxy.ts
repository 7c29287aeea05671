import type { ResolvedConfig } from "../config.js";
import { refuse } from "../http/refusal.js";
import { fetchUpstream } from "../http/upstream.js";
import { edgeCache, type WaitUntil } from "../runtime.js";
import { cacheKey, isFresh, store } from "./cache.js";
import { BUCKET_ACCEPT, type FormatBucket, formatBucket } from "./format.js";
import { passedHeaders, refuseClientError } from "./upstream-response.js";

/**
 * What the proxy needs to know about the image being served.
 *
 * @example
 * ```ts
 * const target: ProxyTarget = { unsignedUrl, sign: () => signAt(unsignedUrl, urlEndpoint, privateKey), negotiated: true, path: "/a.jpg" };
 * ```
 */
export interface ProxyTarget {
  /** The unsigned ImageKit URL: the cache key. */
  unsignedUrl: string;
  /** Signs the URL; called only when ImageKit must be asked (a cache hit signs nothing). */
  sign: () => string;
  /** The response depends on `Accept` (ImageKit picks the format). */
  negotiated: boolean;
  /** The file path, for messages. */
  path: string;
}

type CacheStatus = "HIT" | "MISS" | "STALE" | "BYPASS";

/** Bodies up to this size (by Content-Length) are buffered on a miss; larger ones are streamed. */
const BUFFER_LIMIT = 1_048_576;

const RANGE = /^bytes=\d*-\d*(,\s*\d*-\d*){0,4}$/;
const ETAG = /^(W\/)?"([^"]*)"$/;
const WEAK = /^W\//;

/** `"abc"` → `"abc-webp"`: one ETag per variant, since one URL serves several formats. */
function variantEtag(etag: string | null, bucket: FormatBucket, negotiated: boolean): string | null {
  if (etag === null || !negotiated) return etag;
  const match = ETAG.exec(etag);
  return match ? `${match[1] ?? ""}"${match[2]}-${bucket}"` : null;
}

/** RFC 9110 weak comparison of `If-None-Match` against an ETag. */
function matchesEtag(ifNoneMatch: string | null, etag: string | null): boolean {
  if (ifNoneMatch === null || etag === null) return false;
  const bare = (tag: string) => tag.trim().replace(WEAK, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** The response a browser gets: ImageKit's headers that matter, the worker's caching headers, 304 or HEAD handled. */
function answer(
  request: Request,
  status: number,
  body: ReadableStream | ArrayBuffer | null,
  headers: Headers,
  cacheStatus: CacheStatus,
  target: ProxyTarget,
  config: ResolvedConfig,
): Response {
  headers.set("cache-control", `public, max-age=${config.cache.browserTtlSeconds}`);
  if (target.negotiated) headers.set("vary", "Accept");
  headers.set("x-ikit-cache", cacheStatus);
  headers.set("x-content-type-options", "nosniff");
  // An SVG served from the site's own origin must not run scripts there.
  headers.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  if (status === 200 && matchesEtag(request.headers.get("if-none-match"), headers.get("etag"))) {
    if (body instanceof ReadableStream) void body.cancel();
    for (const name of ["content-type", "content-length", "accept-ranges", "content-security-policy"])
      headers.delete(name);
    return new Response(null, { status: 304, headers });
  }
  if (request.method === "HEAD") {
    if (body instanceof ReadableStream) void body.cancel();
    return new Response(null, { status, headers });
  }
  return new Response(body, { status, headers });
}

/** A `Range` request goes to ImageKit as it is (video seeking) and is not cached. */
async function passRange(
  request: Request,
  range: string,
  bucket: FormatBucket,
  target: ProxyTarget,
  config: ResolvedConfig,
) {
  const headers: Record<string, string> = { accept: BUCKET_ACCEPT[bucket], range };
  const ifRange = request.headers.get("if-range");
  if (ifRange !== null && ifRange.length < 200) headers["if-range"] = ifRange;
  const upstream = await fetchUpstream(target.sign(), headers, config.upstreamTimeoutMs);
  if ("failure" in upstream) return refuse(502, "upstream_unavailable", upstream.failure);
  if (upstream.status >= 400 && upstream.status !== 416) return refuseClientError(upstream, target.path);
  const out = passedHeaders(upstream);
  out.set("etag", variantEtag(out.get("etag"), bucket, target.negotiated) ?? "");
  if (out.get("etag") === "") out.delete("etag");
  return answer(request, upstream.status, upstream.body, out, "BYPASS", target, config);
}

/**
 * Proxy mode: serves an image from the edge cache (Cache API) keyed on its normalised transformation and `Accept`
 * bucket, asking ImageKit only on a miss or once the copy is older than `cache.ttlSeconds`. When ImageKit times out
 * or fails, a stale copy is served if one is kept (`x-ikit-cache: STALE`), else a 502 that says what happened.
 * `If-None-Match` gets a 304; `Range` goes to ImageKit uncached.
 *
 * @example
 * ```ts
 * return proxyImage(request, ctx, { unsignedUrl, sign: () => signAt(unsignedUrl, urlEndpoint, key), negotiated: true, path }, config);
 * ```
 */
export async function proxyImage(
  request: Request,
  ctx: WaitUntil,
  target: ProxyTarget,
  config: ResolvedConfig,
): Promise<Response> {
  const bucket: FormatBucket = target.negotiated ? formatBucket(request.headers.get("accept")) : "other";
  const range = request.headers.get("range");
  if (range !== null && RANGE.test(range)) return passRange(request, range, bucket, target, config);

  const key = cacheKey(target.unsignedUrl, bucket);
  const cached = await edgeCache().match(key);
  if (cached && isFresh(cached, config)) {
    return answer(request, 200, cached.body, passedHeaders(cached), "HIT", target, config);
  }
  const upstream = await fetchUpstream(target.sign(), { accept: BUCKET_ACCEPT[bucket] }, config.upstreamTimeoutMs);
  if ("failure" in upstream) {
    console.warn(`ikit-worker: ${upstream.failure} (${target.path})${cached ? "; serving the stale copy" : ""}`);
    if (cached) return answer(request, 200, cached.body, passedHeaders(cached), "STALE", target, config);
    return refuse(
      502,
      "upstream_unavailable",
      `${upstream.failure} No cached copy of ${JSON.stringify(target.path)} to serve instead.`,
    );
  }
  await cached?.body?.cancel();
  if (upstream.status !== 200) return refuseClientError(upstream, target.path);
  const headers = passedHeaders(upstream);
  const etag = variantEtag(headers.get("etag"), bucket, target.negotiated);
  if (etag === null) headers.delete("etag");
  else headers.set("etag", etag);
  if (!upstream.body) return answer(request, 200, null, headers, "MISS", target, config);
  const size = Number(headers.get("content-length") ?? Number.NaN);
  // Unsized or too large to read twice: streamed through, not cached.
  if (!(size <= config.cache.maxBodyBytes)) {
    return answer(request, 200, upstream.body, headers, "BYPASS", target, config);
  }
  if (size <= BUFFER_LIMIT) {
    // A small image is read once and shared: cheaper than two branches of a stream.
    const bytes = await upstream.arrayBuffer();
    // store() copies the headers before it returns, so answer() may then change them for the browser.
    ctx.waitUntil(store(key, bytes, headers, config));
    return answer(request, 200, bytes, headers, "MISS", target, config);
  }
  const [forBrowser, forCache] = upstream.body.tee();
  ctx.waitUntil(store(key, forCache, headers, config));
  return answer(request, 200, forBrowser, headers, "MISS", target, config);
}
