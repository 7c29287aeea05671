import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { App, Ctx } from "../context.js";
import { deliver } from "../delivery/handler.js";
import { ApiError } from "../errors/api-error.js";
import { faultsApply } from "./faults.js";
import { requirePrivateKey } from "./private-key.js";
import { RateLimiter } from "./rate-limit.js";
import { requestTarget } from "./request-target.js";
import { sendEmpty, sendError, sendJson } from "./responses.js";
import { ROUTES } from "./routes.js";

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\]|[a-z0-9-]+\.localhost)(:\d+)?$/i;

/** CORS for browser uploads and API calls from any local origin (localhost, 127.x, [::1], *.localhost). */
function cors(req: IncomingMessage, res: ServerResponse): void {
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

function match(
  app: App,
  method: string,
  path: string,
): { name: string; handler: (ctx: Ctx) => void | Promise<void>; params: string[]; api: boolean } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (found) {
      const params = found.slice(1).map((value) => {
        try {
          return decodeURIComponent(value);
        } catch {
          return value;
        }
      });
      return { name: route.name, handler: route.handler, params, api: route.name !== "upload" };
    }
  }
  const endpointPath = new URL(app.settings.urlEndpoint).pathname;
  if ((method === "GET" || method === "HEAD") && path.startsWith(`${endpointPath}/`)) {
    return { name: "delivery", handler: deliver, params: [], api: false };
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The HTTP server: request id and CORS on every response, preflight, routing, fault injection, rate limits,
 * private-key auth for `/v1`, and errors as ImageKit's `{ message, help }`. No request ends the process: everything a
 * request does runs inside one error boundary, and the connection timeouts bound slow and idle clients.
 */
export function createEmulatorServer(app: App, log: (line: string) => void): Server {
  const limiter = new RateLimiter();
  const { limits } = app.settings;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    const client = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) client.abort();
    });
    const ctx: Ctx = {
      app,
      req,
      res,
      url: new URL(app.settings.origin),
      requestId,
      params: [],
      drop: false,
      signal: client.signal,
    };
    try {
      cors(req, res);
      ctx.url = requestTarget(req, app.settings.origin, limits);
      const { url } = ctx;
      if (req.method === "OPTIONS") {
        res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        res.setHeader(
          "Access-Control-Allow-Headers",
          String(req.headers["access-control-request-headers"] ?? "authorization, content-type"),
        );
        res.setHeader("Access-Control-Max-Age", "600");
        sendEmpty(ctx, 204);
        return;
      }
      const found = match(app, req.method ?? "GET", url.pathname);
      if (!found) {
        throw new ApiError(
          404,
          `The emulator has no ${req.method} ${url.pathname}: check the path and method against ImageKit's API reference.`,
        );
      }
      ctx.params = found.params;
      const { faults } = app;
      if (faultsApply(faults, found.name)) {
        if (faults.latencyMs > 0) await sleep(faults.latencyMs);
        if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
          const status = faults.errorStatuses[Math.floor(Math.random() * faults.errorStatuses.length)] ?? 500;
          sendJson(ctx, status, {
            message: `Injected fault: this request was answered ${status} by the emulator's fault injection.`,
            help: "Set emu.faults.errorRate = 0 to stop.",
          });
          return;
        }
        ctx.drop = faults.dropRate > 0 && Math.random() < faults.dropRate;
      }
      limiter.hit(app.rateLimits, found.name);
      if (found.api) requirePrivateKey(req, app.settings.privateKey);
      await found.handler(ctx);
    } catch (error) {
      if (!(error instanceof ApiError))
        log(
          `[ikit-emulator] ${requestId} ${req.method} ${ctx.url.pathname} failed: ${(error as Error)?.stack ?? String(error)}`,
        );
      sendError(ctx, error);
    }
  }

  return createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks both timeouts on this interval (30 s by default), so short limits need a shorter one.
      connectionsCheckingInterval: Math.max(10, Math.min(30_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // The last boundary: even answering failed (a header that would not set, a socket gone). Drop the connection.
        log(`[ikit-emulator] answering ${req.method} failed: ${(error as Error)?.stack ?? String(error)}`);
        res.destroy();
      });
    },
  );
}
