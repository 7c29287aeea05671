import type { QueryParameters } from "./types.js";
import { textOf } from "./value.js";

/**
 * `search` (`""`, `"?"` or `"?a=1"`) with `params` added, serialised by `URLSearchParams` as the official SDKs do.
 * v5 appends each key and leaves `search` as it is when there is nothing to add; the Node.js SDK (`nodeSdk`) sets
 * each key, replacing one the URL has, and always writes the query anew.
 */
export function addQuery(search: string, params: QueryParameters | undefined, nodeSdk?: boolean): string {
  let query = nodeSdk && search ? new URLSearchParams(search) : undefined;
  // The keys the Node.js SDK replaces: only those the URL has. `set` on every key would scan the query each time.
  const replaced = query && new Set(query.keys());
  for (const key in params) {
    query ??= new URLSearchParams(search);
    query[replaced?.has(key) ? "set" : "append"](key, textOf(params[key], "queryParameters", key));
  }
  if (!query) return search;
  const text = String(query);
  return text && `?${text}`;
}
