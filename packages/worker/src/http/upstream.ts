/**
 * Why ImageKit gave no usable answer, for a 502 body or the decision to serve a stale copy.
 *
 * @example
 * ```ts
 * const failure: UpstreamFailure = { failure: "ImageKit answered 503." };
 * ```
 */
export interface UpstreamFailure {
  failure: string;
}

/**
 * How {@link fetchUpstream} treats redirects and server errors.
 *
 * @example
 * ```ts
 * const options: UpstreamOptions = { redirect: "manual", passServerErrors: true };
 * ```
 */
export interface UpstreamOptions {
  /** @default "follow" */
  redirect?: "follow" | "manual";
  /** Resolve to a 5xx response instead of a failure (an origin site's own error pages). @default false */
  passServerErrors?: boolean;
}

/**
 * Fetches `input` with a deadline on the response headers only (a long video may take longer to stream). Resolves to
 * the response, or to an {@link UpstreamFailure} for a timeout, a network error or (unless `passServerErrors`) a 5xx.
 *
 * @example
 * ```ts
 * const result = await fetchUpstream(signedUrl, { accept: "image/webp" }, 10_000);
 * if ("failure" in result) return problem(502, "upstream_unavailable", result.failure);
 * ```
 */
export async function fetchUpstream(
  input: string | Request,
  headers: Record<string, string>,
  timeoutMs: number,
  options: UpstreamOptions = {},
): Promise<Response | UpstreamFailure> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const init: RequestInit = { signal: controller.signal, redirect: options.redirect ?? "follow" };
    if (typeof input === "string") init.headers = headers;
    const response = await fetch(input, init);
    if (response.status < 500 || options.passServerErrors) return response;
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
