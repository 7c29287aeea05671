import { fail, show } from "./errors.js";

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
const EXAMPLE = 'pass your ImageKit URL endpoint, e.g. "https://ik.imagekit.io/your_imagekit_id".';

/**
 * Parses and validates a URL endpoint once; later calls with the same string are a map lookup.
 * Throws `MISSING_URL_ENDPOINT` or `INVALID_URL_ENDPOINT` with a message that says what to pass instead.
 */
export function endpointOf(urlEndpoint: unknown): Endpoint {
  const hit = cache.get(urlEndpoint as string);
  if (hit) return hit;
  if (urlEndpoint == null || urlEndpoint === "") {
    fail(
      "MISSING_URL_ENDPOINT",
      `urlEndpoint is required to build a URL from a relative path: ${EXAMPLE}`,
      urlEndpoint,
    );
  }
  let parsed: URL | undefined;
  try {
    if (typeof urlEndpoint === "string") parsed = new URL(urlEndpoint);
  } catch {}
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:") || parsed.search || parsed.hash) {
    fail(
      "INVALID_URL_ENDPOINT",
      `urlEndpoint ${show(urlEndpoint)} is not an http(s) URL without query or fragment: ${EXAMPLE}`,
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
