// The ready worker (src/index.ts's default export) as wrangler runs it: configured by the vars of
// test/workerd/wrangler.jsonc plus the emulator's URL endpoint and the secrets as bindings.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import readyWorker, { configFromEnv, type ReadyWorkerEnv } from "../../src/index.js";
import { logged } from "./capture-logs.js";
import { sniff } from "./helpers.js";

/** The `main` worker of the test wrangler config, called as the runtime calls it. */
const main = (exports as unknown as { default: Fetcher }).default;

describe("the ready worker", () => {
  it("serves presets and allowed widths from its vars", async () => {
    const thumb = await main.fetch("https://shop.example/img/thumb/products/hat.png");
    expect(thumb.status).toBe(200);
    expect(sniff(await thumb.arrayBuffer())).toBe("png");
    const snapped = await main.fetch("https://shop.example/img/products/hat.png?w=40");
    expect(snapped.status).toBe(200);
    await snapped.arrayBuffer();
    expect((await main.fetch("https://shop.example/auth")).status).toBe(404); // no auth in these vars
  });

  it("reads IKIT_CONFIG as an object or a JSON string, and urlEndpoint from its own var", () => {
    const vars = { IMAGEKIT_URL_ENDPOINT: "https://ik.imagekit.io/demo", IMAGEKIT_PUBLIC_KEY: "public_x" };
    const config = configFromEnv({ ...vars, IKIT_CONFIG: '{"allow":{"paths":["/p/"]},"auth":{"allowedOrigins":[]}}' });
    expect(config).toMatchObject({ urlEndpoint: "https://ik.imagekit.io/demo", allow: { paths: ["/p/"] } });
    expect(config.auth).toEqual({ publicKey: "public_x", allowedOrigins: [] });
    expect(() => configFromEnv({ IKIT_CONFIG: "{not json" })).toThrow("IKIT_CONFIG is a string but not JSON");
  });

  it("serves /auth only when IKIT_CONFIG.auth opts in to anonymous tokens", async () => {
    const withAuth = (auth: object) =>
      ({
        ...env,
        IKIT_CONFIG: { allow: { paths: ["/products/"] }, auth: { allowedOrigins: [], ...auth } },
      }) as ReadyWorkerEnv;
    const ask = async (vars: ReadyWorkerEnv) => {
      const ctx = createExecutionContext();
      const response = await readyWorker.fetch(new Request("https://shop.example/auth"), vars, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    const closed = await ask(withAuth({}));
    expect(closed.status).toBe(500);
    expect(await closed.json()).toMatchObject({
      error: "misconfigured",
      message: expect.stringContaining("- auth: say who may get upload tokens"),
    });
    const open = await ask(withAuth({ anonymous: true, rateLimitBinding: false }));
    expect(open.status).toBe(200);
    expect(await open.json()).toMatchObject({ publicKey: "public_test", signature: expect.any(String) });
  });

  it("answers 500 misconfigured with every key to fix, and logs it, when its vars cannot work", async () => {
    const broken = { ...env, IKIT_CONFIG: { allow: { paths: ["no-slash"] }, mode: "cdn" } } as ReadyWorkerEnv;
    const ctx = createExecutionContext();
    const response = await readyWorker.fetch(new Request("https://shop.example/img/products/a.png"), broken, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(500);
    const { error, message } = (await response.json()) as { error: string; message: string };
    expect(error).toBe("misconfigured");
    expect(message).toContain("- mode: expected one of");
    expect(message).toContain("- allow.paths[0]:");
    expect(logged.some((line) => line.includes("@ikit/worker configuration: 2 problems"))).toBe(true);
  });
});
