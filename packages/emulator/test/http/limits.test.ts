import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { api, basic, blob, start, upload } from "../helpers.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

describe("rate limits", () => {
  it("are off by default, then answer 429 with ImageKit's headers once a route's window is full", async () => {
    for (let i = 0; i < 5; i++) expect((await api(emu, "GET", "/v1/files")).status).toBe(200);
    emu.rateLimits["files.list"] = { limit: 2, intervalMs: 60_000 };
    expect((await api(emu, "GET", "/v1/files")).status).toBe(200);
    expect((await api(emu, "GET", "/v1/files")).status).toBe(200);
    const limited = await api(emu, "GET", "/v1/files");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-limit")).toBe("2");
    expect(limited.headers.get("x-ratelimit-interval")).toBe("60000");
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBeGreaterThan(59_000);
    expect(limited.body.message).toMatch(/Too many requests/);
    expect((await api(emu, "GET", "/v1/customMetadataFields")).status).toBe(200);
    delete emu.rateLimits["files.list"];
    expect((await api(emu, "GET", "/v1/files")).status).toBe(200);
  });
});

describe("fault injection", () => {
  it("answers a chosen fraction with 500/503 and adds latency, only on the chosen routes", async () => {
    Object.assign(emu.faults, { errorRate: 1, errorStatuses: [503], routes: ["upload"] });
    const failed = await upload(emu, { file: blob("x"), fileName: "a.txt" });
    expect(failed.status).toBe(503);
    expect(failed.headers.get("x-request-id")).toBeTruthy();
    expect((await api(emu, "GET", "/v1/files")).status).toBe(200);
    Object.assign(emu.faults, { errorRate: 0, latencyMs: 120, routes: undefined });
    const started = Date.now();
    expect((await api(emu, "GET", "/v1/files")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    emu.faults.latencyMs = 0;
  });

  it("cuts connections half-way through the response body", async () => {
    emu.faults.dropRate = 1;
    const outcome = await new Promise<{ announced: number; received: number; error?: string }>((resolve) => {
      const req = request(`${emu.apiBase}/v1/files`, { headers: { authorization: basic(emu) } }, (res) => {
        let received = 0;
        const announced = Number(res.headers["content-length"]);
        res.on("data", (chunk: Buffer) => {
          received += chunk.length;
        });
        res.on("error", (error) => resolve({ announced, received, error: error.message }));
        res.on("close", () => resolve({ announced, received, ...(res.complete ? {} : { error: "incomplete" }) }));
      });
      req.on("error", (error) => resolve({ announced: -1, received: 0, error: error.message }));
      req.end();
    });
    emu.faults.dropRate = 0;
    expect(outcome.error).toBeDefined();
    expect(outcome.received).toBeLessThan(outcome.announced);
    expect((await api(emu, "GET", "/v1/files")).status).toBe(200);
  });
});
