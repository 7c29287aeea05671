/**
 * Checks of the options that signing, upload authentication and webhook verification take. An invalid number is an
 * error, never "no limit": an unset `Number(env.X)` is `NaN`, and a `NaN` tolerance would turn the replay check off.
 */
import { fail } from "./errors.js";

// A UTF-16 half without its other half: no URL or key can hold it, and UTF-8 cannot encode it.
const LONE_SURROGATE = /\p{Cs}/u;

/** A string of well-formed UTF-16 text: no lone surrogate. */
export function isWellFormed(value: unknown): value is string {
  return typeof value === "string" && !LONE_SURROGATE.test(value);
}

/** A finite number from 0 to `max`, or `fallback` when it is left out; `what` says what the number means. */
export function numberOption(
  value: unknown,
  name: string,
  what: string,
  fallback: number,
  max = Number.MAX_VALUE,
): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && value >= 0 && value <= max) return value;
  return fail(
    "INVALID_VALUE",
    `${name} must be ${what}, a finite number ${max === Number.MAX_VALUE ? "≥ 0" : `from 0 to ${max}`}; got ${typeof value === "number" ? value : typeof value}.`,
    value,
  );
}

/**
 * The clock in milliseconds since the epoch: `now` when given and valid, else `Date.now()`. At most 8.64e15, the
 * last instant a `Date` can hold: a later one would write an expiry such as `1e+22` into a URL or token.
 */
export function nowOf(now: unknown): number {
  return numberOption(now, "now", "milliseconds since the epoch", Date.now(), 8.64e15);
}
