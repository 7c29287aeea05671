// How long ImageKit (or a proxy in front of it) asked a client to wait before retrying. One reading for every client
// package, so upload and admin back off alike when both headers come.

/**
 * 2^31-1 ms (about 24.8 days), the longest delay `setTimeout` holds: a longer one fires at once. Written as a literal
 * because esbuild keeps `2 ** 31 - 1` in every bundle of the chunk, used or not.
 */
const MAX_WAIT = 2_147_483_647;

/**
 * What {@link retryAfterMs} reads the headers from: a `Headers` (or anything with its `get`), or a reader by name.
 *
 * @example
 * ```ts
 * const headers: RetryHeaders = (name) => record[name];
 * ```
 */
export type RetryHeaders = ((name: "x-ratelimit-reset" | "retry-after") => unknown) | { get(name: string): unknown };

/**
 * The wait, in milliseconds, that a 429/503 answer asks for, or `undefined` when it asks for none readable.
 * `X-RateLimit-Reset` (milliseconds until the window resets, what ImageKit sends on a 429) wins over `Retry-After`
 * (seconds or an HTTP date, what proxies and load balancers send), because it is ImageKit's own and finer-grained.
 * Negative or non-numeric values count as unreadable, and so does a wait past 2^31-1 ms (24.8 days): no timer holds
 * it (`setTimeout` fires a longer one at once) and no client honours it, so the caller's own backoff applies rather
 * than a retry at once or a wait of weeks. A date already past is 0.
 *
 * @param headers - a `Headers` or a reader by lower-case name; what is not text (no headers at all, a record's
 *   array of values) counts as unreadable.
 * @param now - the clock for an HTTP-date `Retry-After`, in ms since the epoch; a clock that is not a number from 0 to
 *   8.64e15 (an unset `Number(env.X)`) leaves the date unreadable, never "retry at once".
 * @example
 * ```ts
 * const response = await fetch("https://api.imagekit.io/v1/files");
 * const wait = retryAfterMs(response.headers); // e.g. 1200
 * ```
 */
export function retryAfterMs(headers: RetryHeaders | null | undefined, now?: number): number | undefined {
  const clock =
    now === undefined ? Date.now() : typeof now === "number" && now >= 0 && now <= 8.64e15 ? now : Number.NaN;
  const read = (name: "x-ratelimit-reset" | "retry-after") => {
    const value =
      typeof headers === "function" ? headers(name) : typeof headers?.get === "function" ? headers.get(name) : "";
    return typeof value === "string" ? value : "";
  };
  const reset = Number(read("x-ratelimit-reset") || Number.NaN);
  if (reset >= 0 && reset <= MAX_WAIT) return Math.ceil(reset);
  const after = read("retry-after");
  // An HTTP date names its weekday or month; Date.parse alone would read "-1" as the year -1.
  const wait = /[a-z]/i.test(after) ? Math.max(0, Date.parse(after) - clock) : Number(after || Number.NaN) * 1000;
  return wait >= 0 && wait <= MAX_WAIT ? wait : undefined;
}
