import { describe, expect, it } from "vitest";
import { retryAfterMs } from "../src/index.js";

const from = (headers: Record<string, string>) => (name: string) => headers[name];
const NOW = Date.parse("2026-11-23T12:00:00Z");

describe("retryAfterMs", () => {
  it("reads X-RateLimit-Reset as milliseconds, as ImageKit sends it on a 429", () => {
    expect(retryAfterMs(from({ "x-ratelimit-reset": "1200" }))).toBe(1200);
    expect(retryAfterMs(from({ "x-ratelimit-reset": " 12.5 " }))).toBe(13);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(retryAfterMs(from({ "retry-after": "3" }))).toBe(3000);
    expect(retryAfterMs(from({ "retry-after": "Mon, 23 Nov 2026 12:00:05 GMT" }), NOW)).toBe(5000);
    expect(retryAfterMs(from({ "retry-after": "Mon, 23 Nov 2026 11:00:00 GMT" }), NOW)).toBe(0);
  });

  it("prefers X-RateLimit-Reset when both come", () => {
    expect(retryAfterMs(from({ "x-ratelimit-reset": "250", "retry-after": "60" }))).toBe(250);
  });

  it("falls back to Retry-After when X-RateLimit-Reset is unreadable", () => {
    expect(retryAfterMs(from({ "x-ratelimit-reset": "soon", "retry-after": "2" }))).toBe(2000);
  });

  it("gives undefined for nothing readable, never NaN or a negative wait", () => {
    for (const headers of [{}, { "retry-after": "-1" }, { "retry-after": "later" }, { "x-ratelimit-reset": "-5" }]) {
      expect(retryAfterMs(from(headers))).toBeUndefined();
    }
  });

  it("works with a Headers object", () => {
    const headers = new Headers({ "Retry-After": "1" });
    expect(retryAfterMs((name) => headers.get(name))).toBe(1000);
  });
});

describe("retryAfterMs on absurd values", () => {
  it("never answers Infinity", () => {
    expect(retryAfterMs(from({ "x-ratelimit-reset": "1e999" }))).toBeUndefined();
    expect(retryAfterMs(from({ "retry-after": "9".repeat(400) }))).toBeUndefined();
  });
});

describe("retryAfterMs on values a timer cannot hold or a reader should not give", () => {
  it("falls back to Retry-After when X-RateLimit-Reset asks for more than 2^31-1 ms", () => {
    expect(retryAfterMs(from({ "x-ratelimit-reset": "1e308", "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(from({ "x-ratelimit-reset": String(2 ** 31 - 1) }))).toBe(2 ** 31 - 1);
    expect(retryAfterMs(from({ "x-ratelimit-reset": String(2 ** 31) }))).toBeUndefined();
  });

  it("reads what is not text (Node's array of values, a number, a symbol) as unreadable", () => {
    for (const value of [["5"], 5, Symbol("5")]) expect(retryAfterMs(() => value as never)).toBeUndefined();
  });
});
