// The Node side of the Chromium tests: an emulator with a few generated sample images, and a token server that
// issues upload tokens with @ikit/upload's createUploadAuthHandler (as an app's server would) and lists the
// emulator's files for the tests to check. The private key stays in this process: the browser sees only URLs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator } from "@ikit/emulator";
import { createUploadAuthHandler } from "@ikit/upload/server";
import type { TestProject } from "vitest/node";
// One PNG writer in the repository (node:zlib, no sharp): the worker tests' gradient.
import { gradientPng } from "../../../worker/test/support/png.js";

/** What the browser tests get through `inject("react")`. */
export interface ReactTestEnv {
  urlEndpoint: string;
  uploadUrl: string;
  publicKey: string;
  /** GET → fresh `{ token, expire, signature }`. */
  authUrl: string;
  /** GET `?path=/folder/` → the files stored there, `[{ filePath, size }]`. */
  filesUrl: string;
  /** POST `?ms=N` → every upload waits N ms before the emulator handles it (0 turns it off). */
  latencyUrl: string;
  /** Paths of the sample images already stored. */
  samples: string[];
}

declare module "vitest" {
  export interface ProvidedContext {
    react: ReactTestEnv;
  }
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

export default async function setup(project: TestProject) {
  const emu = await startEmulator({ port: 0 });
  const basic = `Basic ${btoa(`${emu.privateKey}:`)}`;
  const samples: string[] = [];
  for (const [name, width, height] of [
    ["wide.png", 1200, 800],
    ["tall.png", 600, 900],
  ] as const) {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(gradientPng(width, height))], { type: "image/png" }), name);
    form.set("fileName", name);
    form.set("folder", "/samples");
    form.set("useUniqueFileName", "false");
    const response = await fetch(`${emu.apiBase}/api/v1/files/upload`, {
      method: "POST",
      headers: { authorization: basic },
      body: form,
    });
    if (!response.ok) throw new Error(`seeding ${name} failed: ${response.status} ${await response.text()}`);
    samples.push(((await response.json()) as { filePath: string }).filePath);
  }
  const auth = createUploadAuthHandler({ privateKey: emu.privateKey, anonymous: true });
  const server = createServer(async (req, res) => {
    const origin = req.headers.origin;
    // As @ikit/worker's /auth answers an allowed origin (the example page passes this server as its workerUrl, and
    // tokens from a worker are fetched with the page's cookies).
    if (origin && LOCAL_ORIGIN.test(origin)) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-allow-credentials", "true");
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/auth") {
      const response = await auth(new Request(`http://127.0.0.1${req.url}`));
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    } else if (url.pathname === "/latency" && req.method === "POST") {
      Object.assign(emu.faults, { latencyMs: Number(url.searchParams.get("ms")), routes: ["upload"] });
      res.writeHead(204).end();
    } else if (url.pathname === "/files") {
      const query = new URLSearchParams({ type: "file", path: url.searchParams.get("path") ?? "/" });
      const listed = await fetch(`${emu.apiBase}/v1/files?${query}`, { headers: { authorization: basic } });
      const files = (await listed.json()) as { filePath: string; size: number }[];
      const body = files.map(({ filePath, size }) => ({ filePath, size }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  project.provide("react", {
    urlEndpoint: emu.urlEndpoint,
    uploadUrl: emu.uploadUrl,
    publicKey: emu.publicKey,
    authUrl: `${base}/auth`,
    filesUrl: `${base}/files`,
    latencyUrl: `${base}/latency`,
    samples,
  });
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await emu.close();
  };
}
