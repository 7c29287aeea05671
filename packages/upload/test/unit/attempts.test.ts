// upload()'s attempt loop with a scripted fetch (no XMLHttpRequest): which answers are retried, how long it waits,
// when tokens are fetched, and how ImageKit's answers become errors.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type UploadOptions, type UploadRetry, upload } from "../../src/index.js";
import { rejection } from "../support/rejection.js";

let sent: FormData[];
let answers: Array<Response | Error>;
let tokens: number;

const authenticator = vi.fn(async () => ({
  token: `tok-${++tokens}`,
  expire: Math.floor(Date.now() / 1000) + 600,
  signature: "sig",
}));
const options = (extra: Partial<UploadOptions> = {}) =>
  ({ fileName: "a.txt", publicKey: "public_x", authenticator, retryDelay: 1, ...extra }) as UploadOptions;
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "x-request-id": `req-${status}`, ...headers } });

beforeEach(() => {
  sent = [];
  answers = [];
  tokens = 0;
  authenticator.mockClear();
  vi.stubGlobal("XMLHttpRequest", undefined);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      sent.push(init.body as FormData);
      const answer = answers.shift() ?? json(200, { fileId: "f1" });
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("attempts and retries", () => {
  it("retries network errors, 5xx, 408 and 429, each attempt with a new token", async () => {
    answers = [new TypeError("fetch failed"), json(503, {}), json(408, {}), json(429, {}), json(500, {})];
    const retries: UploadRetry[] = [];
    const result = await upload(new Blob(["x"]), options({ retries: 5, onRetry: (r) => retries.push(r) }));
    expect(result).toEqual({ fileId: "f1" });
    expect(retries.map((r) => [r.attempt, r.error.code, r.error.status])).toEqual([
      [1, "NETWORK", undefined],
      [2, "SERVER", 503],
      [3, "SERVER", 408],
      [4, "SERVER", 429],
      [5, "SERVER", 500],
    ]);
    expect(sent.map((form) => form.get("token"))).toEqual(["tok-1", "tok-2", "tok-3", "tok-4", "tok-5", "tok-6"]);
  });

  it("retries a connection cut while the answer's body is read, as a NETWORK error", async () => {
    const cut = new ReadableStream({ start: (controller) => controller.error(new TypeError("terminated")) });
    answers = [new Response(cut, { status: 200 })];
    const retries: UploadRetry[] = [];
    const result = await upload(new Blob(["x"]), options({ onRetry: (r) => retries.push(r) }));
    expect(result).toEqual({ fileId: "f1" });
    expect(retries.map((r) => r.error.code)).toEqual(["NETWORK"]);
  });

  it("gives up after `retries`, rejecting with the last error", async () => {
    answers = [json(502, {}), json(503, { message: "busy", help: "later" })];
    const error = await rejection(upload(new Blob(["x"]), options({ retries: 1 })));
    expect(error).toMatchObject({ code: "SERVER", status: 503, requestId: "req-503", help: "later", retryable: true });
    expect(error.message).toContain("busy");
    expect(sent).toHaveLength(2);
  });

  it("never retries a 4xx validation answer", async () => {
    answers = [json(400, { message: "Your request failed 'checks' validation." })];
    const error = await rejection(upload(new Blob(["x"]), options()));
    expect(error).toMatchObject({ code: "SERVER", status: 400, retryable: false });
    expect(sent).toHaveLength(1);
  });

  it("treats a 2xx it cannot read as a SERVER error, not a crash", async () => {
    answers = [new Response("<html>gateway</html>", { status: 200 })];
    const error = await rejection(upload(new Blob(["x"]), options()));
    expect(error).toMatchObject({ code: "SERVER", status: 200, retryable: false, value: "<html>gateway</html>" });
  });

  it("waits at least what X-RateLimit-Reset (ms) and Retry-After (s or date) ask", async () => {
    const date = new Date(Date.now() + 3000).toUTCString();
    answers = [
      json(429, {}, { "X-RateLimit-Reset": "250" }),
      json(503, {}, { "Retry-After": "1" }),
      json(503, {}, { "Retry-After": date }),
    ];
    const delays: number[] = [];
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const pending = upload(new Blob(["x"]), options({ onRetry: ({ delay }) => delays.push(delay) }));
    await vi.runAllTimersAsync();
    await pending;
    vi.useRealTimers();
    expect(delays[0]).toBeGreaterThanOrEqual(250);
    expect(delays[1]).toBeGreaterThanOrEqual(1000);
    expect(delays[2]).toBeGreaterThan(1000);
  });

  it("backs off exponentially with jitter", async () => {
    answers = Array.from({ length: 4 }, () => json(500, {}));
    const delays: number[] = [];
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const pending = upload(
      new Blob(["x"]),
      options({ retryDelay: 100, retries: 4, onRetry: ({ delay }) => delays.push(delay) }),
    );
    await vi.runAllTimersAsync();
    await pending;
    vi.useRealTimers();
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(50 * 2 ** i);
      expect(delay).toBeLessThanOrEqual(100 * 2 ** i);
    });
  });

  it("replaces a token ImageKit refuses once, outside the retry budget", async () => {
    answers = [json(400, { message: "Your request contains invalid signature." })];
    await upload(new Blob(["x"]), options({ retries: 0 }));
    expect(sent.map((form) => form.get("token"))).toEqual(["tok-1", "tok-2"]);
    answers = [
      json(403, { message: "Your account cannot be authenticated." }),
      json(403, { message: "Your account cannot be authenticated." }),
    ];
    const error = await rejection(upload(new Blob(["x"]), options()));
    expect(error).toMatchObject({ code: "AUTH", status: 403 });
  });

  it("refuses an authenticator that repeats a token, and one that fails", async () => {
    const same = vi.fn(async () => ({ token: "same", expire: 2e9, signature: "s" }));
    answers = [json(500, {})];
    const reused = await rejection(upload(new Blob(["x"]), options({ authenticator: same })));
    expect(reused.code).toBe("AUTH");
    expect(sent).toHaveLength(1);
    const failing = await rejection(
      upload(new Blob(["x"]), options({ authenticator: () => Promise.reject(new Error("401 from /auth")) })),
    );
    expect(failing).toMatchObject({ code: "AUTH", retryable: false });
    expect(failing.message).toContain("401 from /auth");
    const malformed = await rejection(upload(new Blob(["x"]), options({ authenticator: async () => ({}) as never })));
    expect(malformed.code).toBe("AUTH");
  });

  it("sends fixed credentials once: no retry could reuse the token", async () => {
    answers = [json(503, {})];
    const fixed = { fileName: "a.txt", publicKey: "public_x", token: "t", expire: 2e9, signature: "s" };
    expect((await rejection(upload(new Blob(["x"]), fixed))).status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it("stops waiting for a retry as soon as the signal aborts", async () => {
    answers = [json(503, {})];
    const controller = new AbortController();
    const pending = upload(new Blob(["x"]), options({ retryDelay: 60_000, signal: controller.signal }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    controller.abort("stop");
    const error = await rejection(pending);
    expect(error).toMatchObject({ code: "ABORT", value: "stop" });
  });

  it("stops at once when the signal aborts while the authenticator is still thinking, and sends nothing", async () => {
    let answer: (auth: { token: string; expire: number; signature: string }) => void = () => {};
    const slow = () =>
      new Promise<{ token: string; expire: number; signature: string }>((resolve) => (answer = resolve));
    const controller = new AbortController();
    const pending = upload(new Blob(["x"]), options({ authenticator: slow, signal: controller.signal }));
    await new Promise((done) => setTimeout(done, 10));
    controller.abort("cancelled");
    expect(await rejection(pending)).toMatchObject({ code: "ABORT", value: "cancelled" });
    answer({ token: "late", expire: Math.floor(Date.now() / 1000) + 600, signature: "s" });
    await new Promise((done) => setTimeout(done, 10));
    expect(sent).toHaveLength(0);
  });

  it("asks for no token and sends nothing when the signal is already aborted", async () => {
    const error = await rejection(upload(new Blob(["x"]), options({ signal: AbortSignal.abort("gone") })));
    expect(error).toMatchObject({ code: "ABORT", value: "gone" });
    expect(authenticator).not.toHaveBeenCalled();
    expect(sent).toHaveLength(0);
  });

  it("fails with TIMEOUT when fetch gets no answer in time", async () => {
    vi.stubGlobal(
      "fetch",
      (_url: string, init: RequestInit) =>
        new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    );
    const error = await rejection(upload(new Blob(["x"]), options({ timeout: 20, retries: 0 })));
    expect(error.code).toBe("TIMEOUT");
  });

  it("sends to `endpoint` and reports the end of a fetch upload as progress 1", async () => {
    const progress: number[] = [];
    await upload(
      new Uint8Array(10),
      options({ endpoint: "http://127.0.0.1:9/up", onProgress: (p) => progress.push(p.fraction) }),
    );
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe("http://127.0.0.1:9/up");
    expect(progress).toEqual([1]);
  });
});

describe("the multipart form", () => {
  it("serializes every parameter as ImageKit reads it and leaves local options out", async () => {
    // A File: happy-dom names a plain Blob part "blob" whatever the filename (Chromium's parity test covers Blobs).
    const file = new File(["hello"], "original.txt", { type: "text/plain" });
    await upload(file, {
      ...options(),
      tags: ["a", "b"],
      responseFields: ["tags", "metadata"],
      useUniqueFileName: false,
      isPrivateFile: true,
      customMetadata: { price: 10, colours: ["red"] },
      extensions: [{ name: "remove-bg" }],
      transformation: { pre: "w-10" },
      maxFileSize: 100,
      accept: ["text/*"],
      timeout: 1000,
    });
    const form = sent[0] as FormData;
    const fields = Object.fromEntries([...form.entries()].filter(([name]) => name !== "file"));
    expect(fields).toEqual({
      fileName: "a.txt",
      publicKey: "public_x",
      tags: "a,b",
      responseFields: "tags,metadata",
      useUniqueFileName: "false",
      isPrivateFile: "true",
      customMetadata: '{"price":10,"colours":["red"]}',
      extensions: '[{"name":"remove-bg"}]',
      transformation: '{"pre":"w-10"}',
      token: "tok-1",
      expire: String((await authenticator.mock.results[0]?.value)?.expire),
      signature: "sig",
    });
    const sentFile = form.get("file") as File;
    expect(sentFile.name).toBe("a.txt");
    expect(await sentFile.text()).toBe("hello");
  });
});
