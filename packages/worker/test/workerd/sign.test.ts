import { describe, expect, it } from "vitest";
import { call, expectNoSecret, expectSignedByKey, secrets, sniff, testWorker } from "./helpers.js";

const worker = testWorker({ sign: { maxBatch: 100 } });

function signRequest(body: unknown, token = secrets.IKIT_SIGN_SECRET): RequestInit {
  return {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

describe("POST /sign", () => {
  it("signs a batch in order; each URL loads from ImageKit and carries the key's HMAC", async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await call(
      worker,
      "/sign",
      signRequest({
        items: [
          { path: "/products/shoe.png", transformation: [{ width: 40 }] },
          { path: "/products/bag.png", transformation: [{ width: "iw_div_2" }, { rotation: 90 }], expireSeconds: 300 },
          { path: "/media/hero.png" },
        ],
      }),
    );
    expect(response.status).toBe(200);
    const { urls } = (await response.json()) as { urls: string[] };
    expect(urls).toHaveLength(3);
    expect(urls[0]).toMatch(/\/emulator\/tr:w-40\/products\/shoe\.png\?ik-s=[0-9a-f]{40}$/);
    expect(urls[1]).toMatch(/\/emulator\/tr:w-iw_div_2:rt-90\/products\/bag\.png\?ik-t=\d+&ik-s=/);
    expect(await expectSignedByKey(urls[1] as string)).toBeGreaterThanOrEqual(before + 300);
    for (const url of urls) {
      await expectSignedByKey(url);
      const image = await fetch(url);
      expect(image.status).toBe(200);
      expect(sniff(await image.arrayBuffer())).toBe("png");
    }
  });

  it("signs the largest batch allowed under one Promise.all", async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({
      path: "/products/shoe.png",
      transformation: [{ width: i + 1 }],
    }));
    const response = await call(worker, "/sign", signRequest({ items }));
    const { urls } = (await response.json()) as { urls: string[] };
    expect(urls).toHaveLength(100);
    expect(urls[99]).toContain("tr:w-100/");
    await expectSignedByKey(urls[57] as string);
  });

  it("refuses callers without the shared secret", async () => {
    for (const init of [signRequest({ items: [] }, "wrong"), { method: "POST", body: "{}" }]) {
      const response = await call(worker, "/sign", init);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      await expectNoSecret(response);
    }
  });

  it.each([
    [{ items: [] }, "1 to 100 items"],
    [{ items: Array.from({ length: 101 }, () => ({ path: "/products/shoe.png" })) }, "1 to 100 items"],
    [{ items: [{ path: "/products/shoe.png" }, { path: "/products/../private/secret.png" }] }, "items[1].path"],
    [
      { items: [{ path: "/private/secret.png" }] },
      'items[0].path: path "/private/secret.png" is not under an allowed prefix',
    ],
    [
      { items: [{ path: "/products/shoe.png", transformation: [{ widht: 3 }] }] },
      'items[0].transformation[0]: unknown transformation parameter "widht"',
    ],
    [{ items: [{ path: "/products/shoe.png", expireSeconds: 1e9 }] }, "items[0].expireSeconds must be whole seconds"],
    [{ items: [7] }, 'items[0] must be an object with a "path" string'],
    ["not json", "the body is not JSON"],
  ])("refuses %j with a 400 that says what is wrong", async (body, message) => {
    const response = await call(worker, "/sign", signRequest(body));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });

  it("takes POST only", async () => {
    expect((await call(worker, "/sign")).status).toBe(405);
  });
});
