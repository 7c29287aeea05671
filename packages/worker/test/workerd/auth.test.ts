import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type AuthConfig, WorkerConfigError } from "../../src/index.js";
import { call, expectNoSecret, secrets, testWorker, upstream } from "./helpers.js";

const APP = "https://app.example.com";

function authWorker(auth: Partial<AuthConfig> = {}) {
  return testWorker({
    auth: { publicKey: upstream.publicKey, allowedOrigins: [APP], rateLimitBinding: false, ...auth },
  });
}

async function hmacSha1(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const k = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  return [...new Uint8Array(await crypto.subtle.sign("HMAC", k, encoder.encode(message)))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

describe("GET|POST /auth", () => {
  it("answers { token, expire, signature, publicKey } that the upload API accepts", async () => {
    const response = await call(authWorker({ anonymous: true }), "/auth", { headers: { origin: APP } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const auth = JSON.parse(await expectNoSecret(response)) as {
      token: string;
      expire: number;
      signature: string;
      publicKey: string;
    };
    expect(auth.publicKey).toBe(upstream.publicKey);
    expect(auth.signature).toBe(await hmacSha1(secrets.IMAGEKIT_PRIVATE_KEY, auth.token + auth.expire));
    expect(auth.expire - Date.now() / 1000).toBeGreaterThan(1700);
    const form = new FormData();
    form.set("file", new Blob(["hello"]), "hello.txt");
    form.set("fileName", "hello.txt");
    for (const [name, value] of Object.entries(auth)) form.set(name, String(value));
    const upload = await fetch(upstream.uploadUrl, { method: "POST", body: form });
    expect(upload.status).toBe(200);
  });

  it("takes POST as well, and refuses other methods with 405", async () => {
    expect(
      (await call(authWorker({ anonymous: true }), "/auth", { method: "POST", headers: { origin: APP } })).status,
    ).toBe(200);
    const put = await call(authWorker({ anonymous: true }), "/auth", { method: "PUT", headers: { origin: APP } });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST, OPTIONS");
  });

  it("answers a preflight from an allowed origin, and refuses other origins without CORS headers", async () => {
    const preflight = await call(authWorker({ anonymous: true }), "/auth", {
      method: "OPTIONS",
      headers: {
        origin: APP,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toMatchObject({
      "access-control-allow-origin": APP,
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": "authorization, content-type",
      vary: "Origin",
    });
    const noOriginCrossSite = await call(authWorker({ anonymous: true }), "/auth", {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(noOriginCrossSite.status).toBe(403);
    expect(
      (await call(authWorker({ anonymous: true }), "/auth", { headers: { "sec-fetch-site": "same-origin" } })).status,
    ).toBe(200);
    for (const method of ["OPTIONS", "GET"]) {
      const evil = await call(authWorker({ anonymous: true }), "/auth", {
        method,
        headers: { origin: "https://evil.example" },
      });
      expect(evil.status).toBe(403);
      expect(evil.headers.get("access-control-allow-origin")).toBeNull();
      expect(await evil.json()).toMatchObject({ error: "origin_not_allowed" });
    }
  });

  it("refuses to start without authorize or anonymous: true, saying what to choose and why", () => {
    expect(() => authWorker()).toThrow(WorkerConfigError);
    expect(() => authWorker()).toThrow(/- auth: say who may get upload tokens: authorize: .* or anonymous: true/);
    expect(() => authWorker({ anonymous: false })).toThrow("anyone could upload to your ImageKit account");
    expect(() => authWorker({ anonymous: true, authorize: () => true })).toThrow(
      "- auth.anonymous: choose one: authorize decides who gets tokens",
    );
    expect(() => authWorker({ anonymous: "yes" as unknown as boolean })).toThrow(
      '- auth.anonymous: expected true or false, got "yes".',
    );
  });

  it("with anonymous: true, gives tokens to a caller without Origin (a server, curl)", async () => {
    const response = await call(authWorker({ anonymous: true }), "/auth");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ publicKey: upstream.publicKey, token: expect.any(String) });
  });

  it("with authorize, the hook decides for callers without Origin too", async () => {
    const hooked = authWorker({ authorize: (request) => request.headers.get("authorization") === "Bearer ok" });
    const curl = await call(hooked, "/auth");
    expect(curl.status).toBe(401);
    expect(await curl.json()).toMatchObject({ error: "unauthorized" });
    expect((await call(hooked, "/auth", { headers: { authorization: "Bearer ok" } })).status).toBe(200);
  });

  it("asks the authorize hook: false or a throw is a 401 the page can read", async () => {
    const cookieOnly = authWorker({ authorize: (request) => request.headers.get("cookie") === "session=ok" });
    expect((await call(cookieOnly, "/auth", { headers: { origin: APP, cookie: "session=ok" } })).status).toBe(200);
    const denied = await call(cookieOnly, "/auth", { headers: { origin: APP } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get("access-control-allow-origin")).toBe(APP);
    const throwing = authWorker({
      authorize: () => {
        throw new Error("session store down");
      },
    });
    expect((await call(throwing, "/auth", { headers: { origin: APP } })).status).toBe(401);
  });

  it("limits each client through the Rate Limiting binding (3 a minute here), per clientId", async () => {
    const bearer = (request: Request) => {
      const user = request.headers.get("authorization")?.replace("Bearer ", "");
      return user ? { clientId: user } : false;
    };
    const limited = authWorker({ authorize: bearer, rateLimitBinding: "AUTH_RATE_LIMITER" });
    const user = `user-${crypto.randomUUID()}`;
    const ask = (who: string) => call(limited, "/auth", { headers: { origin: APP, authorization: `Bearer ${who}` } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(user)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await ask(user);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });
    expect((await ask(`other-${crypto.randomUUID()}`)).status).toBe(200);
    // A second worker instance (another isolate's) shares the binding's count: no in-memory counter.
    const again = authWorker({ authorize: bearer, rateLimitBinding: "AUTH_RATE_LIMITER" });
    expect((await call(again, "/auth", { headers: { origin: APP, authorization: `Bearer ${user}` } })).status).toBe(
      429,
    );
  });

  it("limits anonymous callers per IPv4 address, and per /64 for IPv6 (where a client may pick any address in it)", async () => {
    const limited = authWorker({ anonymous: true, rateLimitBinding: "AUTH_RATE_LIMITER" });
    const from = (ip: string) => call(limited, "/auth", { headers: { origin: APP, "cf-connecting-ip": ip } });
    const hex = () => Math.floor(Math.random() * 0xffff).toString(16);
    const network = `2001:db8:${hex()}:${hex()}`;
    const statuses = [];
    for (const host of ["::1", "::2", ":ffff:ffff:ffff:ffff", "::1:0:0:3"])
      statuses.push((await from(`${network}${host}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await from(`2001:db8:${hex()}:${hex()}::1`)).status).toBe(200);
    const v4 = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (const host of [1, 2, 3, 4]) expect((await from(`${v4}.${host}`)).status).toBe(200);
  });

  it("says how to fix a missing rate limit binding", async () => {
    const response = await call(authWorker({ anonymous: true, rateLimitBinding: "NOT_BOUND" }), "/auth", {}, env);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      error: "misconfigured",
      message: expect.stringContaining('"ratelimits"'),
    });
  });
});
