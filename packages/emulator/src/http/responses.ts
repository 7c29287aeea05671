import type { Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { parseClientJson } from "../library/nesting.js";

/**
 * Writes a response. When fault injection chose to drop this request, the full `Content-Length` is announced, half the
 * body is written and the socket is destroyed: the client sees a connection cut mid-body.
 */
export function send(ctx: Ctx, status: number, body: Buffer | string, headers: Record<string, string> = {}): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  const { res } = ctx;
  if (res.headersSent || res.destroyed) return;
  closeIfBodyUnread(ctx);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Content-Length", bytes.length);
  res.statusCode = status;
  if (ctx.drop && bytes.length > 1) {
    res.flushHeaders();
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(bytes);
}

/**
 * Answering before the request body has all arrived (a 413, a refused upload) ends the connection after the
 * response: otherwise the rest of the body would be read as the next request, or read for nothing, however large.
 */
function closeIfBodyUnread(ctx: Ctx): void {
  const { req } = ctx;
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (hasBody && !req.complete) ctx.res.setHeader("Connection", "close");
}

/** Sends `body` as JSON. */
export function sendJson(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(ctx, status, JSON.stringify(body), { "Content-Type": "application/json; charset=utf-8", ...headers });
}

/** Sends an empty response, e.g. 204. */
export function sendEmpty(ctx: Ctx, status: number): void {
  const { res } = ctx;
  if (res.headersSent || res.destroyed) return;
  closeIfBodyUnread(ctx);
  res.statusCode = status;
  res.end();
}

/** Sends an {@link ApiError} (or a 500 for anything else, without leaking its details). */
export function sendError(ctx: Ctx, error: unknown): void {
  if (error instanceof ApiError) {
    sendJson(ctx, error.status, error.body(), error.headers);
    return;
  }
  sendJson(ctx, 500, {
    message: "The emulator failed to process this request; see its console for details.",
    help: "This is a bug in @ikit/emulator, not in your request: please report it with the x-request-id.",
  });
}

const MAX_JSON = 5 * 1024 * 1024;

/** Reads a JSON request body (up to 5 MB); `{}` when empty. A body that is not JSON is a 400. */
export async function readJson(ctx: Ctx): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (Number(ctx.req.headers["content-length"] ?? 0) > MAX_JSON)
    throw new ApiError(413, "Your request body is larger than 5 MB.");
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON) throw new ApiError(413, "Your request body is larger than 5 MB.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = parseClientJson(text);
  } catch (error) {
    throw new ApiError(
      400,
      error instanceof RangeError
        ? `Your request body is not accepted: ${error.message}.`
        : "Your request contains invalid JSON in its body.",
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError(400, "Your request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}
