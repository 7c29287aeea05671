// Option values as commander hands them (strings), checked and converted in one place, each with a USAGE error
// that names the flag.
import { CliError } from "./errors.js";

/**
 * A whole number ≥ `min` from a flag, or undefined when the flag was not given.
 *
 * @example
 * ```ts
 * numberFlag("8", "--concurrency", 1); // 8
 * ```
 */
export function numberFlag(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new CliError(
      "USAGE",
      `${flag} takes a whole number of at least ${min} (got ${JSON.stringify(value)}).`,
      value,
    );
  }
  return n;
}

/**
 * A comma-separated list from a flag (`--tags sale,summer`), trimmed, without empty items.
 *
 * @example
 * ```ts
 * listFlag("sale, summer,"); // ["sale", "summer"]
 * ```
 */
export function listFlag(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * A `YYYY-MM-DD` date from a flag.
 *
 * @example
 * ```ts
 * dateFlag("2026-11-01", "--from"); // "2026-11-01"
 * ```
 */
export function dateFlag(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new CliError("USAGE", `${flag} takes a date as YYYY-MM-DD (got ${JSON.stringify(value)}).`, value);
  }
  return value;
}
