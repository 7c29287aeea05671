import { fail, shown } from "./errors.js";

/** A URL endpoint split the way ImageKit's SDKs join paths onto it. */
export interface Endpoint {
  /** Scheme and host as the URL parser writes them, e.g. `https://ik.imagekit.io`. */
  readonly origin: string;
  /** The endpoint's own path, e.g. `/your_imagekit_id` (`/` for a bare host). */
  readonly pathname: string;
  /** `pathname` without its trailing slash (`""` for a bare host), ready to append to. */
  readonly base: string;
}

const cache = new Map<string, Endpoint>();

/**
 * Parses and validates a URL endpoint once; later calls with the same string are a map lookup.
 * Throws `MISSING_URL_ENDPOINT` or `INVALID_URL_ENDPOINT` with a message that says what to pass instead.
 */
export function endpointOf(urlEndpoint: unknown): Endpoint {
  const hit = cache.get(urlEndpoint as string);
  if (hit) return hit;
  if (urlEndpoint === undefined || urlEndpoint === null || urlEndpoint === "") {
    fail(
      "MISSING_URL_ENDPOINT",
      'urlEndpoint is required to build a URL from a relative path: pass your ImageKit URL endpoint, e.g. "https://ik.imagekit.io/your_imagekit_id".',
      urlEndpoint,
    );
  }
  let parsed: URL | undefined;
  if (typeof urlEndpoint === "string") {
    try {
      parsed = new URL(urlEndpoint);
    } catch {
      parsed = undefined;
    }
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:") || parsed.search || parsed.hash) {
    fail(
      "INVALID_URL_ENDPOINT",
      `urlEndpoint ${shown(urlEndpoint)} is not an http(s) URL without query or fragment: pass your ImageKit URL endpoint, e.g. "https://ik.imagekit.io/your_imagekit_id".`,
      urlEndpoint,
    );
  }
  const endpoint: Endpoint = {
    origin: parsed.origin,
    pathname: parsed.pathname,
    base: parsed.pathname.replace(/\/+$/, ""),
  };
  if (cache.size >= 64) cache.clear();
  cache.set(urlEndpoint as string, endpoint);
  return endpoint;
}
