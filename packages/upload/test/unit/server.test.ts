// @vitest-environment node
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUploadAuthHandler } from "../../src/server.js";

const privateKey = "private_test_key";

describe("createUploadAuthHandler", () => {
  it("answers a fresh signed token on every GET or POST, never cached", async () => {
    const handler = createUploadAuthHandler({ privateKey, anonymous: true, expiresIn: 600 });
    const seen = new Set<string>();
    for (const method of ["GET", "POST", "GET"]) {
      const response = await handler(new Request("https://app.test/api/upload-auth", { method }));
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const { token, expire, signature } = await response.json();
      expect(signature).toBe(createHmac("sha1", privateKey).update(`${token}${expire}`).digest("hex"));
      expect(expire - Date.now() / 1000).toBeGreaterThan(590);
      expect(expire - Date.now() / 1000).toBeLessThanOrEqual(600);
      seen.add(token);
    }
    expect(seen.size).toBe(3);
  });

  it("answers 403 when authorize says no or throws, and 405 to other methods", async () => {
    const handler = createUploadAuthHandler({
      privateKey,
      authorize: (request) => {
        if (request.headers.get("x-boom")) throw new Error("session store down");
        return request.headers.get("cookie") === "session=ok";
      },
    });
    const ask = (headers: Record<string, string>, method = "GET") =>
      handler(new Request("https://app.test/auth", { method, headers }));
    expect((await ask({ cookie: "session=ok" })).status).toBe(200);
    expect((await ask({})).status).toBe(403);
    expect((await ask({ "x-boom": "1", cookie: "session=ok" })).status).toBe(403);
    const put = await ask({ cookie: "session=ok" }, "PUT");
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    for (const response of [await ask({}), put]) expect(await response.text()).not.toContain(privateKey);
  });

  it("refuses a missing private key or an expiry ImageKit would reject, when created", () => {
    expect(() => createUploadAuthHandler({ privateKey: "", anonymous: true })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
    expect(() => createUploadAuthHandler({ privateKey, anonymous: true, expiresIn: 3601 })).toThrow(/3600/);
  });

  it("fails closed: without authorize it needs anonymous: true, and refuses both", () => {
    const untyped = createUploadAuthHandler as (options: unknown) => unknown;
    for (const options of [
      { privateKey },
      { privateKey, anonymous: false },
      { privateKey, anonymous: "yes" },
      { privateKey, authorize: () => true, anonymous: true },
    ]) {
      expect(() => untyped(options)).toThrow(
        expect.objectContaining({ code: "VALIDATION", message: expect.stringMatching(/anonymous: true/) }),
      );
    }
    // @ts-expect-error: neither authorize nor anonymous is a compile error too
    expect(() => createUploadAuthHandler({ privateKey })).toThrow(/authorize/);
  });
});
