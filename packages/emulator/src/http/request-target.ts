import type { IncomingMessage } from "node:http";
import { ApiError } from "../errors/api-error.js";
import { type Limits, limitName } from "../limits.js";

/**
 * The request target (`/v1/files?limit=5`) as a URL on the emulator's origin. A target longer than `maxUrlLength` is
 * a 414; one that is not a path at all (`//`, `//[`, `//a:99999/`, which a URL parser reads as a host) is a 400.
 *
 * @example
 * ```ts
 * requestTarget(req, "http://127.0.0.1:3030", limits).pathname; // "/v1/files"
 * ```
 */
export function requestTarget(req: IncomingMessage, origin: string, limits: Pick<Limits, "maxUrlLength">): URL {
  const target = req.url ?? "/";
  if (target.length > limits.maxUrlLength) {
    throw new ApiError(
      414,
      `The request target is ${target.length} characters long, over the emulator's limit of ${limits.maxUrlLength} (${limitName("maxUrlLength")}).`,
    );
  }
  // A target must be a path: `//host/…` would be read as another host, and an absolute URL names one.
  let url: URL | undefined;
  if (target.startsWith("/") && !target.startsWith("//")) {
    try {
      url = new URL(target, origin);
    } catch {
      url = undefined;
    }
  }
  if (!url || url.origin !== origin) {
    throw new ApiError(
      400,
      `The request target ${JSON.stringify(target.slice(0, 100))} is not a path: send a path such as /v1/files, starting with a single /.`,
    );
  }
  return url;
}
