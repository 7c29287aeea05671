import { refuse } from "../http/refusal.js";

/** Response headers taken from ImageKit; everything else (cookies, server details) stays behind. */
const PASSED = ["content-type", "content-length", "etag", "last-modified", "accept-ranges", "content-range"] as const;

/**
 * The headers of `response` the worker passes on.
 *
 * @example
 * ```ts
 * const headers = passedHeaders(await fetch(signedUrl)); // content-type, etag, … only
 * ```
 */
export function passedHeaders(response: Response): Headers {
  const out = new Headers();
  for (const name of PASSED) {
    const value = response.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  return out;
}

/**
 * Refuses ImageKit's 4xx answers: a 404 as such, anything else as a 502 that points at the configuration.
 *
 * @example
 * ```ts
 * if (upstream.status !== 200) return refuseClientError(upstream, "/products/shoe.jpg");
 * ```
 */
export async function refuseClientError(response: Response, path: string): Promise<never> {
  await response.body?.cancel();
  if (response.status === 404) refuse(404, "not_found", `ImageKit has no file at ${JSON.stringify(path)}.`);
  return refuse(
    502,
    "upstream_refused",
    `ImageKit refused the signed request with ${response.status}: check that IMAGEKIT_PRIVATE_KEY belongs to the account of urlEndpoint.`,
  );
}
