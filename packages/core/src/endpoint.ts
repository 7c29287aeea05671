import { fail } from "./errors.js";
import { foldSlashes } from "./path.js";

/** A URL endpoint split the way ImageKit's SDKs join paths onto it. */
export interface Endpoint {
  /** Scheme and host as the URL parser writes them, e.g. `https://ik.imagekit.io`. */
  readonly origin: string;
  /** The endpoint's own path, e.g. `/your_imagekit_id` (`/` for a bare host). */
  readonly pathname: string;
  /** `pathname` with slashes folded and without its trailing slash (`""` for a bare host), ready to append to. */
  readonly base: string;
}

// The last endpoint parsed: an app builds its URLs on one endpoint, so one entry is as fast as a map and smaller.
let last: [given: unknown, endpoint: Endpoint] | undefined;

/**
 * Parses and validates a URL endpoint; a call with the same endpoint as the one before is a comparison.
 * Throws `MISSING_URL_ENDPOINT` or `INVALID_URL_ENDPOINT` with a message that says what to pass instead.
 */
export function endpointOf(urlEndpoint: unknown): Endpoint {
  if (last && last[0] === urlEndpoint) return last[1];
  let url: URL | undefined;
  try {
    if (typeof urlEndpoint === "string") url = new URL(urlEndpoint);
  } catch {}
  // User info would be dropped from every URL (`origin` has none): refused, not lost. What was passed is not echoed:
  // with two variables swapped, it is the private key.
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    return fail(
      urlEndpoint ? "INVALID_URL_ENDPOINT" : "MISSING_URL_ENDPOINT",
      'urlEndpoint must be an http(s) URL without user info, query or fragment, e.g. "https://ik.imagekit.io/your_imagekit_id".',
    );
  }
  const { origin, pathname } = url;
  const endpoint = { origin, pathname, base: foldSlashes(pathname).replace(/\/+$/, "") };
  last = [urlEndpoint, endpoint];
  return endpoint;
}
