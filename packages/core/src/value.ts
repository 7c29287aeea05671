import { fail, show } from "./errors.js";

/**
 * Throws `INVALID_OPTIONS` unless `opts` is an options object (`fn` names the function, `example` its options);
 * returns it. What was passed instead is named by its type only: a string there may be a secret passed by mistake.
 */
export function optionsOf<T>(opts: T, fn: string, example = "{ urlEndpoint, src }"): T {
  if (typeof opts !== "object" || opts === null) {
    fail(
      "INVALID_OPTIONS",
      `${fn} takes an options object such as ${example}, got ${opts === null ? "null" : typeof opts}.`,
    );
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
