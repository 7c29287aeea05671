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

  it("signs overlays whose inputs are under allow.paths, at any depth", async () => {
    const overlay = {
      type: "image",
      input: "products/bag.png",
      transformation: [{ width: 10, overlay: { type: "image", input: "/media/hero.png" } }],
    };
    const response = await call(
      worker,
      "/sign",
      signRequest({
        items: [{ path: "/products/shoe.png", transformation: [{ width: 40 }, { overlay }] }],
      }),
    );
    expect(response.status).toBe(200);
    const { urls } = (await response.json()) as { urls: string[] };
    expect(urls[0]).toContain("l-image,i-products@@bag.png,w-10,l-image,i-media@@hero.png,l-end,l-end");
    await expectSignedByKey(urls[0] as string);
  });

  const onShoe = (step: object) => ({ items: [{ path: "/products/shoe.png", transformation: [{ width: 40 }, step] }] });
  it.each([
    [
      onShoe({ overlay: { type: "image", input: "/private/secret.png" } }),
      'items[0].transformation[1].overlay.input: path "/private/secret.png" is not under an allowed prefix',
    ],
    [
      onShoe({ overlay: { type: "image", input: "private/secret.png" } }),
      'items[0].transformation[1].overlay.input: path "/private/secret.png" is not under an allowed prefix',
    ],
    [
      onShoe({ overlay: { type: "image", input: "/products/../private/secret.png" } }),
      "items[0].transformation[1].overlay.input",
    ],
    [
      onShoe({
        overlay: {
          type: "image",
          input: "/products/bag.png",
          transformation: [{ overlay: { type: "image", input: "/private/secret.png" } }],
        },
      }),
      'items[0].transformation[1].overlay.transformation[0].overlay.input: path "/private/secret.png" is not under an allowed prefix',
    ],
    [
      onShoe({ overlay: { type: "video", input: "/private/clip.mp4" } }),
      "items[0].transformation[1].overlay.input: path",
    ],
    [
      onShoe({ overlay: { type: "subtitle", input: "/private/captions.srt" } }),
      "items[0].transformation[1].overlay.input: path",
    ],
    [onShoe({ raw: "l-image,i-private@@secret.png,l-end" }), "items[0].transformation[1].raw: raw is not accepted"],
    [onShoe({ raw: "e-grayscale" }), "items[0].transformation[1].raw: raw is not accepted"],
    [
      onShoe({ background: "red,l-image,i-private@@secret.png,l-end" }),
      'items[0].transformation[1].background: "red,l-image,i-private@@secret.png,l-end" holds "," or ":"',
    ],
    [onShoe({ sharpen: "1:l-image,i-private@@secret.png,l-end" }), 'items[0].transformation[1].sharpen: "1:l-image'],
    [
      onShoe({
        overlay: {
          type: "image",
          input: "/products/bag.png",
          layerMode: "multiply,l-image,i-private@@secret.png,l-end",
        },
      }),
      "items[0].transformation[1].overlay.layerMode",
    ],
    [
      onShoe({
        overlay: { type: "image", input: "/products/bag.png,l-image,i-private@@secret.png,l-end", encoding: "plain" },
      }),
      "items[0].transformation[1].overlay.input",
    ],
  ])("refuses %j: overlays and raw cannot reach outside allow.paths", async (body, message) => {
    const response = await call(worker, "/sign", signRequest(body));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });

  it("keeps a text layer's commas as text (core encodes them)", async () => {
    const response = await call(
      worker,
      "/sign",
      signRequest(onShoe({ overlay: { type: "text", text: "Sale, 20% off: today" } })),
    );
    expect(response.status).toBe(200);
    const { urls } = (await response.json()) as { urls: string[] };
    expect(urls[0]).toMatch(/l-text,ie-[A-Za-z0-9%]+,l-end/);
  });

  it("takes POST only", async () => {
    expect((await call(worker, "/sign")).status).toBe(405);
  });
});
