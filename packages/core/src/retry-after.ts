// How long ImageKit (or a proxy in front of it) asked a client to wait before retrying. One reading for every client
// package, so upload and admin back off alike when both headers come.
import { fail } from "./errors.js";
import { nowOf } from "./options.js";

/**
 * 2^31-1 ms (about 24.8 days), the longest delay `setTimeout` holds: a longer one fires at once. Written as a literal
 * because esbuild keeps `2 ** 31 - 1` in every bundle of the chunk, used or not.
 */
const MAX_WAIT = 2_147_483_647;

/**
 * The wait, in milliseconds, that a 429/503 answer asks for, or `undefined` when it asks for none readable.
 * `X-RateLimit-Reset` (milliseconds until the window resets, what ImageKit sends on a 429) wins over `Retry-After`
 * (seconds or an HTTP date, what proxies and load balancers send), because it is ImageKit's own and finer-grained.
 * Negative or non-numeric values count as unreadable, and so does a wait past 2^31-1 ms (24.8 days): no timer holds
 * it (`setTimeout` fires a longer one at once) and no client honours it, so the caller's own backoff applies rather
 * than a retry at once or a wait of weeks. A date already past is 0.
 *
 * @param header - reads one response header by lower-case name (`Headers#get`, or a record lookup); anything else
 *   throws `INVALID_VALUE`.
 * @param now - the clock for an HTTP-date `Retry-After`, in ms since the epoch; `INVALID_VALUE` unless a number from
 *   0 to 8.64e15, as every clock in core.
 * @example
 * ```ts
 * const response = await fetch("https://api.imagekit.io/v1/files");
 * const wait = retryAfterMs((name) => response.headers.get(name)); // e.g. 1200
 * ```
 */
export function retryAfterMs(
  header: (name: "x-ratelimit-reset" | "retry-after") => string | null | undefined,
  now?: number,
): number | undefined {
  if (typeof header !== "function") fail("INVALID_VALUE", "retryAfterMs takes (name) => response.headers.get(name).");
  const clock = nowOf(now);
  // What is not text (a number, a record's array of values) counts as unreadable.
  const read = (name: "x-ratelimit-reset" | "retry-after") => {
    const value = header(name);
    return typeof value === "string" ? value : "";
  };
  const reset = Number(read("x-ratelimit-reset") || Number.NaN);
  if (reset >= 0 && reset <= MAX_WAIT) return Math.ceil(reset);
  const after = read("retry-after");
  // An HTTP date names its weekday or month; Date.parse alone would read "-1" as the year -1.
  const wait = /[a-z]/i.test(after) ? Math.max(0, Date.parse(after) - clock) : Number(after || Number.NaN) * 1000;
  return wait >= 0 && wait <= MAX_WAIT ? wait : undefined;
}
