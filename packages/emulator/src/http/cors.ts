import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "../context.js";

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\]|[a-z0-9-]+\.localhost)(:\d+)?$/i;

/**
 * CORS for browser uploads and API calls from any local origin (localhost, 127.x, [::1], *.localhost); other origins
 * get no CORS headers.
 *
 * @example
 * ```ts
 * allowLocalOrigin(req, res); // Access-Control-Allow-Origin: http://localhost:5173
 * ```
 */
export function allowLocalOrigin(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Vary", "Origin");
  res.setHeader("Access-Control-Allow-Credentials", "true");
  res.setHeader(
    "Access-Control-Expose-Headers",
    "x-request-id, X-RateLimit-Limit, X-RateLimit-Reset, X-RateLimit-Interval, x-ikit-ignored-transformation",
  );
}

/**
 * The answer to a CORS preflight (`OPTIONS`): every method, the headers asked for, cached for 10 minutes.
 *
 * @example
 * ```ts
 * if (req.method === "OPTIONS") return preflight(req); // 204
 * ```
 */
export function preflight(req: IncomingMessage): Reply {
  return {
    status: 204,
    empty: true,
    headers: {
      "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
      "Access-Control-Allow-Headers": String(
        req.headers["access-control-request-headers"] ?? "authorization, content-type",
      ),
      "Access-Control-Max-Age": "600",
    },
  };
}
