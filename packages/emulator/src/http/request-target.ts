import type { IncomingMessage } from "node:http";
import { apiErrors } from "../errors/imagekit-errors.js";
import type { Limits } from "../limits.js";

/**
 * The request target (`/v1/files?limit=5`) as a URL on the emulator's origin. A target longer than `maxUrlLength` is
 * a 414; one that is not a path at all (`//`, `//[`, `//a:99999/`, which a URL parser reads as a host, or an absolute
 * URL naming another host) is a 400.
 *
 * @example
 * ```ts
 * requestTarget(req, "http://127.0.0.1:3030", limits).pathname; // "/v1/files"
 * ```
 */
export function requestTarget(req: IncomingMessage, origin: string, limits: Pick<Limits, "maxUrlLength">): URL {
  const target = req.url ?? "/";
  if (target.length > limits.maxUrlLength) throw apiErrors.targetTooLong(target.length, limits);
  let url: URL | undefined;
  if (target.startsWith("/") && !target.startsWith("//")) {
    try {
      url = new URL(target, origin);
    } catch {
      url = undefined;
    }
  }
  if (!url || url.origin !== origin) throw apiErrors.targetNotPath(target);
  return url;
}
