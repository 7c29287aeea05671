// How long ImageKit (or a proxy in front of it) asked a client to wait before retrying. One reading for every client
// package, so upload and admin back off alike when both headers come.

/**
 * The wait, in milliseconds, that a 429/503 answer asks for, or `undefined` when it asks for none readable.
 * `X-RateLimit-Reset` (milliseconds until the window resets, what ImageKit sends on a 429) wins over `Retry-After`
 * (seconds or an HTTP date, what proxies and load balancers send), because it is ImageKit's own and finer-grained.
 * Negative or non-numeric values count as unreadable; a date already past is 0.
 *
 * @param header - reads one response header by lower-case name (`Headers#get`, or a record lookup).
 * @param now - the clock for an HTTP-date `Retry-After`, in ms since the epoch.
 * @example
 * ```ts
 * const response = await fetch("https://api.imagekit.io/v1/files");
 * const wait = retryAfterMs((name) => response.headers.get(name)); // e.g. 1200
 * ```
 */
export function retryAfterMs(
  header: (name: "x-ratelimit-reset" | "retry-after") => string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const reset = Number(header("x-ratelimit-reset") || Number.NaN);
  if (Number.isFinite(reset) && reset >= 0) return Math.ceil(reset);
  const after = header("retry-after") || "";
  // An HTTP date names its weekday or month; Date.parse alone would read "-1" as the year -1.
  const wait = /[a-z]/i.test(after) ? Math.max(0, Date.parse(after) - now) : Number(after || Number.NaN) * 1000;
  return Number.isFinite(wait) && wait >= 0 ? wait : undefined;
}
