import { apiErrors } from "../errors/imagekit-errors.js";
import type { Route } from "./routes.js";

/** The route a request matched and its percent-decoded parameters. */
export interface Match {
  route: Route;
  params: string[];
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Finds the first route for `method` and `path`; a 404 that names both when there is none.
 *
 * @example
 * ```ts
 * matchRoute(routeTable("/emulator"), "GET", "/v1/files/abc/details"); // { route: files.details, params: ["abc"] }
 * ```
 */
export function matchRoute(routes: Route[], method: string, path: string): Match {
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (found) return { route, params: found.slice(1).map(decode) };
  }
  throw apiErrors.noRoute(method, path);
}
