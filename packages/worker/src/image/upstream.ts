import { refuse } from "../http/refusal.js";

/** Response headers taken from ImageKit; everything else (cookies, server details) stays behind. */
const PASSED = ["content-type", "content-length", "etag", "last-modified", "accept-ranges", "content-range"] as const;

/** The headers of `response` the worker passes on. */
export function passedHeaders(response: Response): Headers {
  const out = new Headers();
  for (const name of PASSED) {
    const value = response.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  return out;
}

/** Why ImageKit gave no usable answer, for a 502 body or the decision to serve a stale copy. */
export interface UpstreamFailure {
  failure: string;
}

/**
 * Fetches `url` with a deadline on the response headers only (a long video may take longer to stream). Resolves to
 * ImageKit's response, or to an {@link UpstreamFailure} for a timeout, a network error or a 5xx.
 *
 * @example
 * ```ts
 * const result = await fetchUpstream(signedUrl, { accept: "image/webp" }, 10_000);
 * if ("failure" in result) return problem(502, "upstream_unavailable", result.failure);
 * ```
 */
export async function fetchUpstream(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Response | UpstreamFailure> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    if (response.status < 500) return response;
    await response.body?.cancel();
    return { failure: `ImageKit answered ${response.status}.` };
  } catch {
    return {
      failure: controller.signal.aborted
        ? `ImageKit did not answer within ${timeoutMs} ms.`
        : "ImageKit could not be reached.",
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Refuses ImageKit's 4xx answers: a 404 as such, anything else as a 502 that points at the configuration. */
export async function refuseClientError(response: Response, path: string): Promise<never> {
  await response.body?.cancel();
  if (response.status === 404) refuse(404, "not_found", `ImageKit has no file at ${JSON.stringify(path)}.`);
  return refuse(
    502,
    "upstream_refused",
    `ImageKit refused the signed request with ${response.status}: check that IMAGEKIT_PRIVATE_KEY belongs to the account of urlEndpoint.`,
  );
}
