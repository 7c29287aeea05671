// The example as a user runs it: the token server on 127.0.0.1, @ikit/upload's upload() in Node asking it for a token
// before each attempt, and the emulator checking every signature.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
for (const pkg of ["upload", "core", "emulator"]) {
  if (!existsSync(resolve(root, `packages/${pkg}/dist/index.js`))) {
    throw new Error(`build first: @ikit/${pkg} has no dist/ (pnpm run build)`);
  }
}
const { startEmulator } = await import("@ikit/emulator");
const { upload, UploadError } = await import("@ikit/upload");
const { createTokenServer } = await import("../src/server.js");

const frontend = "http://localhost:5173";
// A 1×1 PNG.
const png = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emu;
/** @type {import("node:http").Server} */
let server;
let auth = "";
let signedIn = true;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  server = createTokenServer({
    privateKey: emu.privateKey,
    allowedOrigins: [frontend],
    authorize: (request) => signedIn && request.headers.get("cookie") === "session=alice",
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", () => done(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  auth = `http://127.0.0.1:${address.port}/auth`;
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  await emu?.close();
});

/** The authenticator a front end on `origin` would pass to upload(). */
const authenticatorFor =
  (origin = frontend) =>
  async () => {
    const response = await fetch(auth, { headers: { origin, cookie: "session=alice" } });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    return response.json();
  };

describe("upload tokens from node:http", () => {
  it("are accepted by the upload API, one fresh token per upload", async () => {
    const tokens = new Set();
    const authenticator = authenticatorFor();
    const counting = async () => {
      const params = await authenticator();
      tokens.add(params.token);
      return params;
    };
    for (const fileName of ["a.png", "b.png"]) {
      const result = await upload(new Blob([png], { type: "image/png" }), {
        fileName,
        folder: "/uploads",
        publicKey: emu.publicKey,
        authenticator: counting,
        endpoint: emu.uploadUrl,
      });
      expect(result.filePath).toMatch(new RegExp(`^/uploads/${fileName.slice(0, 1)}.*\\.png$`));
      const delivered = await fetch(/** @type {string} */ (result.url));
      expect(delivered.status).toBe(200);
      expect(new Uint8Array(await delivered.arrayBuffer())).toEqual(png);
    }
    expect(tokens.size).toBe(2);
    expect(emu.requests.list("upload").map((entry) => entry.status)).toEqual([200, 200]);
  });

  it("answers with CORS for the front end, never cached, without the private key", async () => {
    const response = await fetch(auth, { headers: { origin: frontend, cookie: "session=alice" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(frontend);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(["expire", "signature", "token"]);
    expect(text).not.toContain(emu.privateKey);
    const preflight = await fetch(auth, {
      method: "OPTIONS",
      headers: { origin: frontend, "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("refuses pages on other origins and callers authorize turns away, so their uploads fail with AUTH", async () => {
    const foreign = await fetch(auth, { headers: { origin: "https://evil.example", cookie: "session=alice" } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const attempt = upload(new Blob([png], { type: "image/png" }), {
      fileName: "c.png",
      publicKey: emu.publicKey,
      authenticator: authenticatorFor("https://evil.example"),
      endpoint: emu.uploadUrl,
      retries: 0,
    });
    await expect(attempt).rejects.toBeInstanceOf(UploadError);
    await expect(attempt).rejects.toMatchObject({ code: "AUTH" });
    signedIn = false;
    try {
      expect((await fetch(auth, { headers: { origin: frontend, cookie: "session=alice" } })).status).toBe(403);
    } finally {
      signedIn = true;
    }
    expect((await fetch(auth, { headers: { origin: frontend } })).status).toBe(403);
  });

  it("answers other paths 404 and other methods 405, never 5xx", async () => {
    expect((await fetch(auth.replace("/auth", "/other"))).status).toBe(404);
    expect((await fetch(auth, { method: "PUT", headers: { cookie: "session=alice" } })).status).toBe(405);
    expect((await fetch(auth, { method: "DELETE" })).status).toBe(405);
  });
});
