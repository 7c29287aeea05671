import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { App, Ctx, Reply } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { allowLocalOrigin, preflight } from "./cors.js";
import { type Faults, injectFaults } from "./faults.js";
import { readJson } from "./json-body.js";
import { parseUploadForm } from "./multipart.js";
import { requirePrivateKey } from "./private-key.js";
import { RateLimiter, type RateLimits } from "./rate-limit.js";
import type { LoggedRequest, RequestLog } from "./request-log.js";
import { requestTarget } from "./request-target.js";
import { errorReply, sendReply } from "./responses.js";
import { type Match, matchRoute } from "./router.js";
import { type RouteAuth, routeTable } from "./routes.js";

/** What the HTTP layer needs besides the app: live fault and rate-limit settings, the request log, a logger. */
export interface ServerOptions {
  app: App;
  /** The URL endpoint's path, e.g. `/emulator`: delivery answers below it. */
  endpointPath: string;
  faults: Faults;
  rateLimits: RateLimits;
  requests: RequestLog;
  /** Where unexpected errors are reported (never with keys or bodies). */
  log: (line: string) => void;
}

/**
 * The route's authentication, before its handler runs: HTTP Basic with the private key where the route needs it, and
 * for the upload API whenever an `Authorization` header is sent (so a wrong key is refused before the body is read).
 */
function authenticate(auth: RouteAuth, req: IncomingMessage, privateKey: string): Ctx["caller"] {
  if (auth === "private-key" || (auth === "private-key-or-upload-signature" && req.headers.authorization)) {
    requirePrivateKey(req, privateKey);
    return "private-key";
  }
  return "anonymous";
}

/**
 * The HTTP server. Each request goes through the same steps: request id and CORS, preflight, route, faults, rate
 * limit, authentication, handler, reply; an error at any step is answered as ImageKit's `{ message, help }`, and every
 * request ends in the request log. No request ends the process: a target that is not a path is a 400, every step runs
 * inside one error boundary, and the header and request timeouts bound slow and idle clients.
 *
 * @example
 * ```ts
 * const server = createEmulatorServer({ app, endpointPath: "/emulator", faults, rateLimits, requests, log });
 * server.listen(0, "127.0.0.1");
 * ```
 */
export function createEmulatorServer(options: ServerOptions): Server {
  const { app, faults, rateLimits, requests, log } = options;
  const routes = routeTable(options.endpointPath);
  const limiter = new RateLimiter();

  function context(
    req: IncomingMessage,
    url: URL,
    requestId: string,
    match: Match,
    entry: LoggedRequest,
    signal: AbortSignal,
  ): Ctx {
    return {
      app,
      req,
      url,
      requestId,
      params: match.params,
      caller: "anonymous",
      signal,
      async readJson() {
        const body = await readJson(req);
        requests.json(entry, body);
        return body;
      },
      async readForm(tempPath, limits) {
        const form = await parseUploadForm(req, tempPath, limits);
        requests.form(entry, form);
        return form;
      },
    };
  }

  /** The steps up to the handler's reply; `drop` when fault injection chose to cut the response. */
  async function handle(
    req: IncomingMessage,
    entry: LoggedRequest,
    requestId: string,
    signal: AbortSignal,
  ): Promise<{ reply: Reply; drop: boolean }> {
    const url = requestTarget(req, app.settings.origin, app.settings.limits);
    requests.query(entry, url);
    if (req.method === "OPTIONS") return { reply: preflight(req), drop: false };
    const match = matchRoute(routes, req.method ?? "GET", url.pathname);
    entry.route = match.route.name;
    const fault = await injectFaults(faults, match.route.name);
    if (fault.reply) return { reply: fault.reply, drop: false };
    limiter.hit(rateLimits, match.route.name);
    const ctx = context(req, url, requestId, match, entry, signal);
    ctx.caller = authenticate(match.route.auth, req, app.settings.privateKey);
    return { reply: await match.route.handler(ctx), drop: fault.drop };
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    allowLocalOrigin(req, res);
    const entry = requests.open(req, requestId);
    // Work for a client that has gone (a transformation, a queued job) stops: nobody is left to answer.
    const client = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) client.abort();
    });
    let outcome: { reply: Reply; drop: boolean };
    try {
      outcome = await handle(req, entry, requestId, client.signal);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        log(
          `[ikit-emulator] ${requestId} ${req.method} ${entry.path} failed: ${(error as Error)?.stack ?? String(error)}`,
        );
      }
      outcome = { reply: errorReply(error), drop: false };
    }
    // A reply sent before the body has all arrived (a 413, a refused upload) ends the connection: otherwise the rest
    // of the body would be read as the next request, or read for nothing, however large. A complete one is drained
    // so the connection can be reused.
    if (bodyUnread(req)) res.setHeader("Connection", "close");
    req.resume();
    requests.close(entry, outcome.reply.status);
    await sendReply(res, outcome.reply, { drop: outcome.drop, head: req.method === "HEAD" });
  }

  const { limits } = app.settings;
  return createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks both timeouts on this interval (30 s by default), so short limits need a shorter one.
      connectionsCheckingInterval: Math.max(10, Math.min(30_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (req, res) => {
      // The last error boundary: even answering failed (a header that would not set, a socket gone).
      answer(req, res).catch((error: Error) => {
        log(`[ikit-emulator] ${req.method} response failed: ${error?.stack ?? String(error)}`);
        res.destroy();
      });
    },
  );
}

/** Whether the request announced a body that has not all arrived. */
function bodyUnread(req: IncomingMessage): boolean {
  const announced = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  return announced && !req.complete;
}
