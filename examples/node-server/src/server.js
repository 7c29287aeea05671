// The upload token endpoint on plain node:http: `GET|POST /auth` answers `{ token, expire, signature }` for
// @ikit/upload's `authenticator`, with CORS for the front end's origins. The tokens come from
// @ikit/upload/server's fetch-style handler; this file only carries requests and answers between node:http and it.
import { createServer } from "node:http";
import { createUploadAuthHandler } from "@ikit/upload/server";

/**
 * @typedef {object} TokenServerOptions
 * @property {string} privateKey Your ImageKit private key (from the environment; never sent to a browser).
 * @property {readonly string[]} allowedOrigins Front-end origins that may call `/auth` from a page (CORS).
 * @property {(request: Request) => boolean | Promise<boolean>} authorize Who may upload: check your session here.
 *   `false` or a throw answers 403.
 * @property {number} [expiresIn] Token lifetime in seconds, 1 to 3600. Default 1800.
 */

/**
 * A node:http server with the token endpoint on `/auth` (call `.listen(port, "127.0.0.1")` on it).
 *
 * @example
 * ```js
 * const server = createTokenServer({
 *   privateKey: process.env.IMAGEKIT_PRIVATE_KEY,
 *   allowedOrigins: ["http://localhost:5173"],
 *   authorize: (request) => request.headers.get("cookie")?.includes("session=") ?? false,
 * });
 * server.listen(3000, "127.0.0.1");
 * ```
 *
 * @param {TokenServerOptions} options
 */
export function createTokenServer({ privateKey, allowedOrigins, authorize, expiresIn }) {
  const tokens = createUploadAuthHandler({ privateKey, authorize, ...(expiresIn ? { expiresIn } : {}) });
  // No request here needs a body or much time: a slow or silent client is dropped after 10 s.
  const server = createServer({ requestTimeout: 10_000, headersTimeout: 10_000 }, async (req, res) => {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && allowedOrigins.includes(origin);
    /** @type {Record<string, string>} */
    const cors = allowed ? corsHeaders(origin) : {};
    try {
      const { pathname } = new URL(req.url ?? "/", "http://localhost");
      if (pathname !== "/auth") return send(res, 404, cors, { message: `No route ${req.method} ${pathname}.` });
      // A page on another origin gets no token, whatever authorize says.
      if (origin !== undefined && !allowed) {
        return send(res, 403, {}, { message: `Origin ${origin} may not request upload tokens.` });
      }
      if (req.method === "OPTIONS") return send(res, 204, cors);
      if (req.method !== "GET" && req.method !== "POST") {
        return send(res, 405, { ...cors, allow: "GET, POST, OPTIONS" }, { message: "Use GET or POST." });
      }
      const answer = await tokens(toRequest(req));
      const headers = { ...Object.fromEntries(answer.headers), ...cors };
      return send(res, answer.status, headers, await answer.json());
    } catch (error) {
      console.error("token endpoint:", /** @type {Error} */ (error).message);
      return send(res, 500, cors, { message: "The token endpoint failed; see the server log." });
    }
  });
  return server;
}

/** @param {string} origin */
function corsHeaders(origin) {
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "authorization, content-type",
    "access-control-allow-credentials": "true",
    "access-control-max-age": "600",
    vary: "Origin",
  };
}

/**
 * The fetch `Request` the handler reads: method and headers (the endpoint needs no body, so none is read).
 * @param {import("node:http").IncomingMessage} req
 */
function toRequest(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return new Request("http://localhost/auth", { method: req.method ?? "GET", headers });
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {Record<string, string>} headers
 * @param {unknown} [body]
 */
function send(res, status, headers, body) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { "content-type": "application/json" }),
    "cache-control": "no-store",
  });
  res.end(text);
}
