import { fail, show } from "./errors.js";

/** Throws `INVALID_OPTIONS` unless `opts` is an options object (`fn` names the function); returns it. */
export function optionsOf<T>(opts: T, fn: string): T {
  if (typeof opts !== "object" || opts === null) {
    fail("INVALID_OPTIONS", `${fn} takes an options object such as { urlEndpoint, src }, got ${show(opts)}.`, opts);
  }
  return opts;
}

/**
 * The text of a primitive value, for a transformation parameter, a layer field or a query parameter. Objects,
 * symbols and functions have none a URL could carry (v5 writes `[object Object]` or crashes), so they throw
 * `INVALID_VALUE` naming where the value was.
 */
export function textOf(value: unknown, name: string): string {
  const type = typeof value;
  if (type === "object" || type === "symbol" || type === "function") {
    fail("INVALID_VALUE", `${name}: expected a string, number or boolean, got ${show(value)}.`, value);
  }
  return String(value);
}

/** Drops one leading and one trailing slash, as v5 does to a path it writes into a transformation. */
export function trimSlashes(path: string): string {
  return path.replace(/^\/|\/$/g, "");
}
