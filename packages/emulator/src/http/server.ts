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
 * request ends in the request log.
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

  function context(req: IncomingMessage, url: URL, requestId: string, match: Match, entry: LoggedRequest): Ctx {
    return {
      app,
      req,
      url,
      requestId,
      params: match.params,
      caller: "anonymous",
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
  ): Promise<{ reply: Reply; drop: boolean }> {
    const url = new URL(req.url ?? "/", app.settings.origin);
    requests.query(entry, url);
    if (req.method === "OPTIONS") return { reply: preflight(req), drop: false };
    const match = matchRoute(routes, req.method ?? "GET", url.pathname);
    entry.route = match.route.name;
    const fault = await injectFaults(faults, match.route.name);
    if (fault.reply) return { reply: fault.reply, drop: false };
    limiter.hit(rateLimits, match.route.name);
    const ctx = context(req, url, requestId, match, entry);
    ctx.caller = authenticate(match.route.auth, req, app.settings.privateKey);
    return { reply: await match.route.handler(ctx), drop: fault.drop };
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    allowLocalOrigin(req, res);
    const entry = requests.open(req, requestId);
    let outcome: { reply: Reply; drop: boolean };
    try {
      outcome = await handle(req, entry, requestId);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        log(
          `[ikit-emulator] ${requestId} ${req.method} ${entry.path} failed: ${(error as Error)?.stack ?? String(error)}`,
        );
      }
      outcome = { reply: errorReply(error), drop: false };
    }
    // Whatever of the body the handler did not read is drained, so the connection can be reused.
    req.resume();
    requests.close(entry, outcome.reply.status);
    await sendReply(res, outcome.reply, { drop: outcome.drop, head: req.method === "HEAD" });
  }

  return createServer((req, res) => {
    answer(req, res).catch((error: Error) => {
      log(`[ikit-emulator] ${req.method} response failed: ${error?.stack ?? String(error)}`);
      res.destroy();
    });
  });
}
