// The test site on 127.0.0.1, beside the emulators: the origin whose HTML the Worker rewrites, a file server that
// answers Range requests (the emulator does not), and control routes for the workerd tests (the emulators' request
// logs and faults, and real webhook deliveries signed by the emulator).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator } from "@ikit/emulator";
import { FIXTURES, upload } from "./upstream.js";

/** The origin's pages: `<img>` and `<picture>` under /media/ to rewrite, and one outside it to leave alone. */
export const PAGES: Record<string, string> = {
  "/index.html": `<!doctype html><html><head><link rel="icon" href="data:,"><title>Shop</title></head><body>
<img id="hero" src="/media/hero.png" alt="Hero" width="400" loading="lazy">
<img id="card" src="/media/card.png" alt="Card">
<img id="logo" src="/media/logo.png" alt="Logo" sizes="50vw">
<img id="other" src="/static/other.png" alt="Elsewhere" width="10" height="10">
<img id="abs" src="https://cdn.example.com/media/hero.png" alt="Other host">
<picture><source id="src-webp" srcset="/media/hero.png 1x, /media/hero.png 2x" type="image/webp"><img id="pic" src="/media/hero.png" alt="In a picture"></picture>
<video><source id="vid" src="/media/clip.mp4" type="video/mp4"></video>
</body></html>`,
  // User-generated HTML: w descriptors far beyond any breakpoint, which must not become signed w-99999 URLs.
  "/comments.html": `<!doctype html><html><body>
<img id="huge" src="/media/hero.png" srcset="/media/hero.png 99999w, /media/hero.png 700w" sizes="100vw">
<picture><source id="huge-src" srcset="/media/hero.png 50000w, /media/hero.png 1w"><img src="/media/hero.png"></picture>
</body></html>`,
};

type Json = Record<string, unknown>;

async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
}

/** Serves FIXTURES.video with Range support, as a CDN does for video. */
function serveRanged(req: IncomingMessage, res: ServerResponse): void {
  const bytes = FIXTURES.video;
  const headers = { "content-type": "video/mp4", "accept-ranges": "bytes", etag: '"ranged-v1"' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ""));
  if (!match) {
    res.writeHead(200, { ...headers, "content-length": bytes.length }).end(Buffer.from(bytes));
    return;
  }
  const start = match[1] ? Number(match[1]) : bytes.length - Number(match[2]);
  const end = match[1] && match[2] ? Math.min(Number(match[2]), bytes.length - 1) : bytes.length - 1;
  if (start >= bytes.length || start > end) {
    res.writeHead(416, { "content-range": `bytes */${bytes.length}` }).end();
    return;
  }
  res
    .writeHead(206, {
      ...headers,
      "content-range": `bytes ${start}-${end}/${bytes.length}`,
      "content-length": end - start + 1,
    })
    .end(Buffer.from(bytes.subarray(start, end + 1)));
}

/**
 * Starts the test site; `close()` stops it.
 *
 * @example
 * ```ts
 * const site = await startSite({ main, faulty });
 * ```
 */
export async function startSite(emulators: { main: Emulator; faulty: Emulator }) {
  const webhooks: Array<{ headers: Record<string, string>; body: string }> = [];
  let siteUrl = "";
  const control: Record<string, (req: IncomingMessage, url: URL) => Promise<unknown>> = {
    "GET /control/requests": async (_req, url) => {
      const emu = url.searchParams.get("emulator") === "faulty" ? emulators.faulty : emulators.main;
      return emu.requests.list("delivery").map(({ path, query, status, headers }) => ({
        path: `${path}${Object.keys(query).length ? `?${new URLSearchParams(query as Record<string, string>)}` : ""}`,
        status,
        headers,
      }));
    },
    "POST /control/faults": async (req) =>
      Object.assign(emulators.faulty.faults, JSON.parse(await bodyOf(req)) as Json),
    "POST /control/webhook-sink": async (req) => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      webhooks.push({ headers, body: await bodyOf(req) });
      return {};
    },
    // An upload with a webhookUrl: the emulator signs and delivers a real event, which the test then replays.
    "POST /control/webhook": async () => {
      const before = webhooks.length;
      await upload(emulators.main, "/uploads", `w${Date.now()}.mp4`, FIXTURES.video, {
        webhookUrl: `${siteUrl}/control/webhook-sink`,
      });
      for (let i = 0; i < 100 && webhooks.length === before; i++) await new Promise((r) => setTimeout(r, 20));
      return webhooks[webhooks.length - 1];
    },
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    try {
      const route = control[`${req.method} ${url.pathname}`];
      if (route) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(await route(req, url)));
      } else if (url.pathname.startsWith("/ranged/")) {
        serveRanged(req, res);
      } else if (url.pathname.startsWith("/site/") && PAGES[url.pathname.slice(5)]) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGES[url.pathname.slice(5)]);
      } else {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    siteUrl,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
