// What the framework bindings (@ikit/react, @ikit/vue) take from the upload package instead of writing it twice:
// where tokens come from, and the progress of the files a page lists.
import { afterEach, describe, expect, it, vi } from "vitest";
import { endpointAuthenticator, progressOf } from "../../src/index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("endpointAuthenticator", () => {
  it("GETs fresh tokens from authEndpoint (same-origin cookies), else from the worker's /auth (cookies)", async () => {
    const answer = { token: "t", expire: 1_900_000_000, signature: "s", publicKey: "public_x" };
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async () => Response.json(answer));
    expect(await endpointAuthenticator({ workerUrl: "https://img.example.com//" })?.()).toEqual({
      token: "t",
      expire: 1_900_000_000,
      signature: "s",
    });
    await endpointAuthenticator({ authEndpoint: "/api/tokens", workerUrl: "https://img.example.com" })?.();
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.credentials])).toEqual([
      ["https://img.example.com/auth", "include"],
      ["/api/tokens", "same-origin"],
    ]);
    expect(endpointAuthenticator({})).toBeUndefined();
  });

  it("says which endpoint failed, with its status and answer", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("not signed in", { status: 401 }));
    await expect(endpointAuthenticator({ authEndpoint: "/api/tokens" })?.()).rejects.toThrow(
      "the token endpoint /api/tokens answered 401: not signed in",
    );
  });
});

describe("progressOf", () => {
  const item = (status: "uploading" | "cancelled" | "done", loaded: number, total: number) => ({
    status,
    progress: { loaded, total, fraction: total ? loaded / total : 0 },
  });

  it("weighs files by size, leaves cancelled ones out, and is 0 over nothing", () => {
    expect(progressOf([item("uploading", 25, 100), item("done", 300, 300), item("cancelled", 0, 1000)])).toEqual({
      loaded: 325,
      total: 400,
      fraction: 325 / 400,
    });
    // A file of unknown size weighs one byte, so it neither stalls nor dominates the bar.
    expect(progressOf([item("uploading", 0, 0), item("done", 99, 99)]).fraction).toBeCloseTo(99 / 100);
    expect(progressOf([])).toEqual({ loaded: 0, total: 0, fraction: 0 });
    expect(progressOf([item("cancelled", 5, 10)])).toEqual({ loaded: 0, total: 0, fraction: 0 });
    // The queue's own overall: an empty queue has nothing left to send.
    expect(progressOf([], 1).fraction).toBe(1);
  });
});
