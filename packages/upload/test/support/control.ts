// The Node side of the end-to-end tests: an emulator plus a small "your server" on 127.0.0.1 that issues upload
// tokens with createUploadAuthHandler (as an app would) and lets tests look at the emulator's state (listing, bytes,
// faults, rate limits, request log). The private key never leaves this process: browsers and workerd see only URLs.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type FileDetails, getAuthenticationParameters } from "@ikit/core";
import { type Emulator, type RateLimit, startEmulator } from "@ikit/emulator";
import { createUploadAuthHandler } from "../../src/server.js";

/** What the tests get through `inject("upload")`. */
export interface UploadTestEnv {
  uploadUrl: string;
  publicKey: string;
  /** `GET` → fresh `{ token, expire, signature }`; `?variant=expired|bad-signature|fixed` for the auth tests. */
  authUrl: string;
  /** Base of the control routes below. */
  controlUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    upload: UploadTestEnv;
  }
}

/** A listed file as the control server reports it. */
export interface StoredFile {
  fileId: string;
  name: string;
  filePath: string;
  size: number;
  /** Hex SHA-256 of the stored bytes, read back from the emulator (with `?hash=1`). */
  sha256?: string;
}

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

/** A fetch-style handler served from node:http, as any Node app would mount `createUploadAuthHandler`. */
async function serveFetchHandler(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method ?? "GET" }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(await response.text());
}

/**
 * Starts the emulator and the control server; `close()` stops both.
 *
 * @example
 * ```ts
 * const { env, close } = await startUploadTestEnv();
 * project.provide("upload", env);
 * ```
 */
export async function startUploadTestEnv(): Promise<{ env: UploadTestEnv; emu: Emulator; close: () => Promise<void> }> {
  const emu = await startEmulator({ port: 0 });
  const auth = createUploadAuthHandler({ privateKey: emu.privateKey, anonymous: true });
  const basic = `Basic ${btoa(`${emu.privateKey}:`)}`;
  const fixed = await getAuthenticationParameters({ privateKey: emu.privateKey });

  async function list(path: string, hash: boolean): Promise<StoredFile[]> {
    const query = new URLSearchParams({ type: "file", path, limit: "1000" });
    const items = (await (
      await fetch(`${emu.apiBase}/v1/files?${query}`, { headers: { authorization: basic } })
    ).json()) as FileDetails[];
    return Promise.all(
      items.map(async ({ fileId = "", name = "", filePath = "", size = 0, url = "" }) => ({
        fileId,
        name,
        filePath,
        size,
        ...(hash && {
          sha256: createHash("sha256")
            .update(Buffer.from(await (await fetch(url)).arrayBuffer()))
            .digest("hex"),
        }),
      })),
    );
  }

  const routes: Record<string, (req: IncomingMessage, url: URL, res: ServerResponse) => Promise<unknown>> = {
    "GET /auth": async (req, url, res) => {
      const variant = url.searchParams.get("variant");
      if (!variant) return serveFetchHandler(auth, req, res);
      if (variant === "fixed") return fixed;
      const now = Math.floor(Date.now() / 1000);
      // Signed on a clock two minutes back: core refuses to sign an expire that is already past.
      if (variant === "expired")
        return getAuthenticationParameters({ privateKey: emu.privateKey, expire: now - 60, now: (now - 120) * 1000 });
      return { ...(await getAuthenticationParameters({ privateKey: emu.privateKey })), signature: "0".repeat(40) };
    },
    "GET /files": (_req, url) => list(url.searchParams.get("path") ?? "/", url.searchParams.has("hash")),
    "POST /faults": async (req) => Object.assign(emu.faults, await readBody(req)),
    "POST /rate-limit": async (req) => {
      emu.rateLimits.upload = (await readBody(req)) as RateLimit;
      return {};
    },
    "GET /requests": async () => {
      return emu.requests.list("upload");
    },
    "POST /reset": async () => {
      Object.assign(emu.faults, { errorRate: 0, dropRate: 0, latencyMs: 0, routes: undefined });
      delete emu.rateLimits.upload;
      emu.requests.clear();
      return {};
    },
  };

  const server = createServer(async (req, res) => {
    const origin = req.headers.origin;
    if (origin && LOCAL_ORIGIN.test(origin)) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-allow-headers", "content-type");
    }
    if (req.method === "OPTIONS") return res.writeHead(204).end();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = routes[`${req.method} ${url.pathname}`];
    try {
      if (!route) return res.writeHead(404).end();
      const body = await route(req, url, res);
      if (!res.headersSent) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: String(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const controlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    emu,
    env: { uploadUrl: emu.uploadUrl, publicKey: emu.publicKey, authUrl: `${controlUrl}/auth`, controlUrl },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emu.close();
    },
  };
}
