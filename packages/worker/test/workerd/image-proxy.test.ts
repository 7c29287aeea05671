import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { logged } from "./capture-logs.js";
import {
  call,
  deliveries,
  expectNoSecret,
  expectSignedByKey,
  secrets,
  setFaults,
  sniff,
  testWorker,
  upstream,
} from "./helpers.js";

const AVIF = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8";
const WEBP = "image/webp,image/apng,image/*,*/*;q=0.8";

describe("proxy mode: /img/<path>?w=…", () => {
  const worker = testWorker();

  it("serves the signed, transformed image and ImageKit (the emulator, refusing unsigned URLs) gets a valid signature", async () => {
    const response = await call(worker, "/img/products/shoe.png?w=64");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-ikit-cache")).toBe("MISS");
    expect(sniff(await response.arrayBuffer())).toBe("png");
    const [sent, ...more] = await deliveries("/emulator/tr:w-64/products/shoe.png");
    expect(more).toEqual([]);
    expect(sent?.status).toBe(200);
    expect(sent?.path).toMatch(/^\/emulator\/tr:w-64\/products\/shoe\.png\?ik-s=[0-9a-f]{40}$/);
    await expectSignedByKey(new URL(upstream.urlEndpoint).origin + sent?.path);
  });

  it("answers the second request from the edge cache: ImageKit is asked once", async () => {
    const first = await call(worker, "/img/products/bag.png?w=32&q=80");
    await first.arrayBuffer();
    // Same transformation, parameters in another order: the same normalised cache key.
    const second = await call(worker, "/img/products/bag.png?q=80&w=32");
    expect(second.headers.get("x-ikit-cache")).toBe("HIT");
    expect(sniff(await second.arrayBuffer())).toBe("png");
    expect(await deliveries("/emulator/tr:w-32,q-80/products/bag.png")).toHaveLength(1);
  });

  it("streams a body larger than cache.maxBodyBytes straight through, uncached, so no slow reader makes it buffer", async () => {
    const small = testWorker({ cache: { maxBodyBytes: 64 } });
    for (const expected of ["BYPASS", "BYPASS"]) {
      const response = await call(small, "/img/products/bag.png?w=64&q=50");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ikit-cache")).toBe(expected);
      expect(sniff(await response.arrayBuffer())).toBe("png");
    }
    expect(await deliveries("/emulator/tr:w-64,q-50/products/bag.png")).toHaveLength(2);
  });

  it("snaps a width to the nearest allowed one, sharing its cache entry", async () => {
    await (await call(worker, "/img/products/hat.png?w=64")).arrayBuffer();
    const snapped = await call(worker, "/img/products/hat.png?w=50");
    expect(snapped.headers.get("x-ikit-cache")).toBe("HIT");
    await snapped.arrayBuffer();
    const huge = await call(worker, "/img/products/hat.png?w=999999");
    expect(huge.headers.get("x-ikit-cache")).toBe("HIT");
    await huge.arrayBuffer();
    expect(await deliveries("/emulator/tr:w-64/products/hat.png")).toHaveLength(1);
    expect((await deliveries("/products/hat.png")).filter((d) => /tr:w-(50|999999)\//.test(d.path))).toEqual([]);
  });

  it("keeps one copy per Accept bucket (avif, webp, other), each from ImageKit once, with Vary: Accept", async () => {
    const avif = await call(worker, "/img/products/shoe.png?w=32&f=auto", { headers: { accept: AVIF } });
    // The emulator (sharp) labels AVIF as HEIF, its container.
    expect(avif.headers.get("content-type")).toMatch(/^image\/(avif|heif)$/);
    expect(avif.headers.get("vary")).toBe("Accept");
    expect(sniff(await avif.arrayBuffer())).toBe("avif");
    const webp = await call(worker, "/img/products/shoe.png?w=32&f=auto", { headers: { accept: WEBP } });
    expect(webp.headers.get("x-ikit-cache")).toBe("MISS");
    expect(sniff(await webp.arrayBuffer())).toBe("webp");
    const other = await call(worker, "/img/products/shoe.png?w=32&f=auto", { headers: { accept: "image/png,*/*" } });
    expect(sniff(await other.arrayBuffer())).not.toMatch(/avif|webp/);
    const webpAgain = await call(worker, "/img/products/shoe.png?w=32&f=auto", { headers: { accept: "image/webp" } });
    expect(webpAgain.headers.get("x-ikit-cache")).toBe("HIT");
    expect(sniff(await webpAgain.arrayBuffer())).toBe("webp");
    const sent = await deliveries("/emulator/tr:w-32,f-auto/products/shoe.png");
    expect(sent.map((d) => d.headers.accept)).toEqual([
      "image/avif,image/webp,image/*,*/*;q=0.8",
      "image/webp,image/*,*/*;q=0.8",
      "image/*,*/*;q=0.8",
    ]);
  });

  it("answers If-None-Match with a 304 and no body, with an ETag per format bucket", async () => {
    const first = await call(worker, "/img/products/etag.png?w=32&f=auto", { headers: { accept: WEBP } });
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[^"]+-webp"$/);
    for (const attempt of ["HIT", "HIT"]) {
      const again = await call(worker, "/img/products/etag.png?w=32&f=auto", {
        headers: { accept: WEBP, "if-none-match": `W/${etag}` },
      });
      expect(again.status).toBe(304);
      expect(again.headers.get("x-ikit-cache")).toBe(attempt);
      expect(again.headers.get("etag")).toBe(etag);
      expect(await again.text()).toBe("");
    }
    const otherBucket = await call(worker, "/img/products/etag.png?w=32&f=auto", {
      headers: { accept: AVIF, "if-none-match": etag ?? "" },
    });
    expect(otherBucket.status).toBe(200);
    await otherBucket.arrayBuffer();
  });

  it("answers HEAD with the headers only", async () => {
    const response = await call(worker, "/img/products/shoe.png?w=32&q=50", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(await response.text()).toBe("");
  });

  it("serves a named preset with any transformation: chained steps, expressions and overlays", async () => {
    const thumb = await call(worker, "/img/thumb/products/shoe.png");
    expect(thumb.status).toBe(200);
    await thumb.arrayBuffer();
    const half = await call(worker, "/img/half/products/shoe.png?dpr=2");
    expect(half.status).toBe(200);
    await half.arrayBuffer();
    const banner = await call(worker, "/img/banner/products/shoe.png");
    expect(banner.status).toBe(200);
    await banner.arrayBuffer();
    const paths = (await deliveries("/products/shoe.png")).map((d) => d.path.split("?")[0]);
    expect(paths).toContain("/emulator/tr:w-48,h-48/products/shoe.png");
    expect(paths).toContain("/emulator/tr:w-iw_div_2:rt-90,dpr-2/products/shoe.png");
    expect(paths.find((p) => p?.includes("l-text"))).toMatch(
      /^\/emulator\/tr:w-80,l-text,ie-[\w=-]+,lx-4,ly-bh_mul_0\.1,l-end\//,
    );
  });

  it("percent-encodes non-ASCII names, and the emulator accepts the signature of the encoded URL", async () => {
    const response = await call(worker, "/img/products/gr%C3%BC%C3%9Fe.png?w=32");
    expect(response.status).toBe(200);
    expect(sniff(await response.arrayBuffer())).toBe("png");
  });

  it("answers 404 with a clear body for a file ImageKit does not have", async () => {
    const response = await call(worker, "/img/products/missing.png?w=32");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });
});

describe("Range (video)", () => {
  it("passes Range to ImageKit and the answer back, uncached", async () => {
    const worker = testWorker();
    const response = await call(worker, "/img/products/clip.mp4", { headers: { range: "bytes=0-99" } });
    // The emulator ignores Range and sends the whole file: passed on as it is.
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ikit-cache")).toBe("BYPASS");
    expect((await response.arrayBuffer()).byteLength).toBe(4096);
    const [sent] = await deliveries("/products/clip.mp4");
    expect(sent?.headers.range).toBe("bytes=0-99");
  });

  it("streams a 206 with Content-Range from an upstream that serves ranges", async () => {
    const worker = testWorker({ urlEndpoint: `${upstream.siteUrl}/ranged` });
    const response = await call(worker, "/img/products/clip.mp4", { headers: { range: "bytes=100-199" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 100-199/4096");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes]).toEqual(Array.from({ length: 100 }, (_, i) => (100 + i) % 251));
    const unsatisfiable = await call(worker, "/img/products/clip.mp4", { headers: { range: "bytes=9000-" } });
    expect(unsatisfiable.status).toBe(416);
  });
});

describe("upstream faults", () => {
  afterEach(() => setFaults({ errorRate: 0, latencyMs: 0 }));
  const faulty = (overrides = {}) => testWorker({ urlEndpoint: upstream.faultyUrlEndpoint, ...overrides });

  it("answers 502 with a clear body when ImageKit answers 5xx and nothing is cached", async () => {
    await setFaults({ errorRate: 1, errorStatuses: [503] });
    const response = await call(faulty(), "/img/products/bag.png?w=64");
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: "upstream_unavailable",
      message: 'ImageKit answered 503. No cached copy of "/products/bag.png" to serve instead.',
    });
    expect(logged.some((line) => line.includes("ImageKit answered 503"))).toBe(true);
  });

  it("answers 502 when ImageKit does not answer in time", async () => {
    await setFaults({ latencyMs: 3000 });
    const response = await call(faulty({ upstreamTimeoutMs: 200 }), "/img/products/hat.png?w=32");
    expect(response.status).toBe(502);
    expect((await response.json()) as { message: string }).toMatchObject({
      message: expect.stringContaining("did not answer within 200 ms"),
    });
  });

  it("serves the stale cached copy when ImageKit fails after its time to live", async () => {
    // ttlSeconds 0: every copy is stale at once, so each request asks ImageKit, and a failure falls back to it.
    const worker = faulty({ cache: { ttlSeconds: 0, staleSeconds: 3600 } });
    const fresh = await call(worker, "/img/products/stale.png?w=32");
    expect(fresh.headers.get("x-ikit-cache")).toBe("MISS");
    const bytes = await fresh.arrayBuffer();
    await setFaults({ errorRate: 1, errorStatuses: [500] });
    const stale = await call(worker, "/img/products/stale.png?w=32");
    expect(stale.status).toBe(200);
    expect(stale.headers.get("x-ikit-cache")).toBe("STALE");
    expect(new Uint8Array(await stale.arrayBuffer())).toEqual(new Uint8Array(bytes));
    await setFaults({ errorRate: 0, latencyMs: 3000 });
    const slow = await call(
      faulty({ cache: { ttlSeconds: 0, staleSeconds: 3600 }, upstreamTimeoutMs: 200 }),
      "/img/products/stale.png?w=32",
    );
    expect(slow.headers.get("x-ikit-cache")).toBe("STALE");
    await slow.arrayBuffer();
  });
});

describe("redirect mode", () => {
  const worker = testWorker({ mode: "redirect", redirect: { expireSeconds: 600, roundSeconds: 300 } });

  it("answers a 302 to a short-lived signed URL, its expiry rounded so the same URL is reused", async () => {
    const before = Math.floor(Date.now() / 1000);
    const first = await call(worker, "/img/products/shoe.png?w=64&q=80");
    const second = await call(worker, "/img/products/shoe.png?q=80&w=64");
    expect(first.status).toBe(302);
    const location = first.headers.get("location") ?? "";
    expect(second.headers.get("location")).toBe(location);
    expect(location).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/emulator\/tr:w-64,q-80\/products\/shoe\.png\?ik-t=\d+&ik-s=[0-9a-f]{40}$/,
    );
    const expiry = await expectSignedByKey(location);
    expect(expiry % 300).toBe(0);
    expect(expiry - before).toBeGreaterThanOrEqual(600);
    expect(expiry - before).toBeLessThanOrEqual(900);
    const maxAge = Number(/max-age=(\d+)/.exec(first.headers.get("cache-control") ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(before + maxAge).toBeLessThan(expiry);
    const image = await fetch(location);
    expect(image.status).toBe(200);
    expect(sniff(await image.arrayBuffer())).toBe("png");
  });

  it("refuses what the configuration does not allow before signing anything", async () => {
    const response = await call(worker, "/img/products/shoe.png?w=64&q=99");
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });
});

describe("secrets", () => {
  it("answers 500 misconfigured, naming the missing secret, when IMAGEKIT_PRIVATE_KEY is not set", async () => {
    const response = await call(
      testWorker(),
      "/img/products/shoe.png?w=64",
      {},
      { ...env, IMAGEKIT_PRIVATE_KEY: undefined },
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: "misconfigured",
      message:
        "the IMAGEKIT_PRIVATE_KEY secret is not set: run `wrangler secret put IMAGEKIT_PRIVATE_KEY` (locally, add it to .dev.vars).",
    });
  });

  it("signs with the key env holds at each request: a rotated key signs the very next request, in the same isolate", async () => {
    const worker = testWorker({ mode: "redirect" });
    const path = "/img/products/shoe.png?w=64";
    const rotated = `${secrets.IMAGEKIT_PRIVATE_KEY}_rotated`;
    const before = (await call(worker, path)).headers.get("location") ?? "";
    const after =
      (await call(worker, path, {}, { ...env, IMAGEKIT_PRIVATE_KEY: rotated })).headers.get("location") ?? "";
    const back = (await call(worker, path)).headers.get("location") ?? "";
    await expectSignedByKey(before);
    await expectSignedByKey(after, upstream.urlEndpoint, rotated);
    await expectSignedByKey(back);
    expect(after).not.toBe(before);
    // The emulator holds the original key only: the rotated key's URL is refused there, as ImageKit would.
    expect((await fetch(after)).status).toBe(401);
  });

  it("never puts the private key in a response", async () => {
    for (const path of ["/img/products/shoe.png?w=64", "/img/products/shoe.png?w=7", "/img/nope/x.png"]) {
      await expectNoSecret(await call(testWorker(), path));
    }
  });
});
