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

/** A finite number ≥ 0, or `fallback` when it is left out; `what` says what the number means. */
export function numberOption(value: unknown, name: string, what: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && value >= 0 && value <= Number.MAX_VALUE) return value;
  return fail(
    "INVALID_VALUE",
    `${name} must be ${what}, a finite number ≥ 0; got ${typeof value === "number" ? value : typeof value}.`,
    value,
  );
}

/** The clock in milliseconds since the epoch: `now` when given and valid, else `Date.now()`. */
export function nowOf(now: unknown): number {
  return numberOption(now, "now", "milliseconds since the epoch", Date.now());
}
