import { fail } from "./errors.js";

/**
 * Throws `INVALID_OPTIONS` unless `opts` is an options object (`fn` names the function); returns it. What was passed
 * instead is not echoed: a string there may be a secret passed by mistake.
 */
export function optionsOf<T>(opts: T, fn: string): T {
  if (Object(opts) !== opts) fail("INVALID_OPTIONS", `${fn}() takes an options object.`);
  return opts;
}

/**
 * The text of a primitive value, for a transformation parameter, a layer field or a query parameter. Objects,
 * symbols and functions have none a URL could carry (v5 writes `[object Object]` or crashes), so they throw
 * `INVALID_VALUE` naming where the value was (`name`, then `key` when given: built only for the message).
 */
export function textOf(value: unknown, name: string, key?: string): string {
  const type = typeof value;
  if (type === "symbol" || type === "function" || (type === "object" && value !== null)) {
    fail("INVALID_VALUE", `${name}${key === undefined ? "" : `.${key}`} must be a string, number or boolean.`, value);
  }
  return String(value);
}

/** Drops one leading and one trailing slash, as v5 does to a path it writes into a transformation. */
export function trimSlashes(path: string): string {
  return path.replace(/^\/|\/$/g, "");
}
