import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { Reply } from "../context.js";
import { ApiError } from "../errors/api-error.js";

/** How a reply goes out: `drop` cuts it half-way (fault injection), `head` sends the headers only. */
export interface SendMode {
  drop: boolean;
  head: boolean;
}

function setHeaders(res: ServerResponse, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) {
    // CORS already set `Vary: Origin`; a reply that varies on more (f-auto: Accept) adds to it.
    const previous = name.toLowerCase() === "vary" ? res.getHeader("Vary") : undefined;
    res.setHeader(name, previous ? `${String(previous)}, ${value}` : value);
  }
}

/**
 * Writes bytes. When fault injection chose to drop this request, the full `Content-Length` is announced, half the body
 * is written and the socket is destroyed: the client sees a connection cut mid-body.
 */
function sendBytes(res: ServerResponse, status: number, bytes: Buffer, drop: boolean): void {
  res.setHeader("Content-Length", bytes.length);
  res.statusCode = status;
  if (drop && bytes.length > 1) {
    res.flushHeaders();
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(bytes);
}

/**
 * Streams a file from disk; a read error cuts the connection (the headers are already out), and a client that leaves
 * closes the file (a plain `pipe` would leave it open, paused, for good).
 */
async function sendFile(res: ServerResponse, status: number, path: string, size: number): Promise<void> {
  res.writeHead(status, { "Content-Length": size });
  await pipeline(createReadStream(path), res).catch(() => res.destroy());
}

/**
 * Sends a handler's {@link Reply}. For `HEAD`, Node sends the headers (Content-Length included) and drops the body.
 *
 * @example
 * ```ts
 * await sendReply(res, { status: 200, json: { ok: true } }, { drop: false, head: false });
 * ```
 */
export async function sendReply(res: ServerResponse, reply: Reply, mode: SendMode): Promise<void> {
  if (res.headersSent || res.destroyed) return;
  setHeaders(res, reply.headers);
  if ("empty" in reply) {
    res.statusCode = reply.status;
    res.end();
  } else if ("json" in reply) {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    sendBytes(res, reply.status, Buffer.from(JSON.stringify(reply.json)), mode.drop);
  } else if ("bytes" in reply) {
    sendBytes(res, reply.status, reply.bytes, mode.drop);
  } else if (mode.drop) {
    sendBytes(res, reply.status, await readFile(reply.file), true);
  } else if (mode.head) {
    res.writeHead(reply.status, { "Content-Length": reply.size });
    res.end();
  } else {
    await sendFile(res, reply.status, reply.file, reply.size);
  }
}

/**
 * The reply for a thrown error: an {@link ApiError} as ImageKit's `{ message, help, ... }`, anything else a 500 that
 * says it is the emulator's bug without leaking its details.
 *
 * @example
 * ```ts
 * errorReply(new ApiError(404, "The requested file does not exist.")); // { status: 404, json: { message, help } }
 * ```
 */
export function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, json: error.body(), headers: error.headers };
  return {
    status: 500,
    json: {
      message: "The emulator failed to process this request; see its console for details.",
      help: "This is a bug in @ikit/emulator, not in your request: please report it with the x-request-id.",
    },
  };
}
