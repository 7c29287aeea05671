import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { api, blob, start, upload } from "../helpers.js";
import { pngBomb } from "./bombs.js";

// One URL must not be able to take gigabytes or minutes: every transformation is bounded before it starts, while it
// runs, and when its client goes away; image work never takes the threads plain file I/O needs.

let emu: Emulator;
let jpeg: Buffer;
beforeAll(async () => {
  emu = await start();
  jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 9, g: 99, b: 199 } } })
    .jpeg()
    .toBuffer();
  expect((await upload(emu, { file: blob(jpeg), fileName: "small.jpg", useUniqueFileName: "false" })).status).toBe(200);
});
afterAll(() => emu.close());

async function message(response: Response): Promise<string> {
  return ((await response.json()) as { message: string }).message;
}

describe("limits checked before any pixel is computed", () => {
  it.each([
    ["w-5000,dpr-5", /25000×18750.*100 megapixels.*maxOutputPixels/],
    ["w-16000,h-12000,rt-45", /16000×12000.*maxOutputPixels/],
    ["w-100000,h-100000,f-png", /100000.*65535.*maxOutputDimension/],
    ["c-at_least,w-10,h-20000", /maxOutputPixels/],
    ["w-iw_mul_5000", /200000.*maxOutputDimension/],
    ["w-2000,h-2000:rt-45:w-12000", /maxOutputPixels/],
    ["w-6000,h-6000,f-avif", /6000×6000 AVIF.*36 megapixels.*AVIF limit of 25 megapixels.*maxOutputPixels/],
  ])("refuses %s with a 400 naming the limit", async (tr, expected) => {
    const response = await fetch(`${emu.urlEndpoint}/tr:${tr}/small.jpg`);
    expect(response.status).toBe(400);
    expect(await message(response)).toMatch(expected);
  });

  it("picks WebP rather than AVIF for f-auto when the image is too large to encode as AVIF", async () => {
    const small = await start({ maxOutputPixels: 400_000 }); // AVIF up to 100,000 pixels
    try {
      await upload(small, { file: blob(jpeg), fileName: "small.jpg", useUniqueFileName: "false" });
      const accept = { accept: "image/avif,image/webp,*/*" };
      const avif = await fetch(`${small.urlEndpoint}/tr:w-300,h-300,f-auto/small.jpg`, { headers: accept });
      expect(avif.headers.get("content-type")).toBe("image/avif");
      const webp = await fetch(`${small.urlEndpoint}/tr:w-500,h-500,f-auto/small.jpg`, { headers: accept });
      expect(webp.status).toBe(200);
      expect(webp.headers.get("content-type")).toBe("image/webp");
      const refused = await fetch(`${small.urlEndpoint}/tr:w-500,h-500,f-avif/small.jpg`);
      expect(refused.status).toBe(400);
    } finally {
      await small.close();
    }
  });

  it("refuses the same through the metadata API and an upload's pre-transformation", async () => {
    const metadata = await api(
      emu,
      "GET",
      `/v1/metadata?url=${encodeURIComponent(`${emu.urlEndpoint}/tr:w-5000,dpr-5/small.jpg`)}`,
    );
    expect(metadata.status).toBe(400);
    expect(metadata.body.message).toMatch(/maxOutputPixels/);
    const pre = await upload(emu, { file: blob(jpeg), fileName: "pre.jpg", transformation: '{"pre":"w-5000,dpr-5"}' });
    expect(pre.status).toBe(400);
    expect(String(pre.body.message)).toMatch(/maxOutputPixels/);
  });

  it("refuses more chained steps than maxTransformationSteps", async () => {
    const response = await fetch(`${emu.urlEndpoint}/tr:${Array(300).fill("w-10").join(":")}/small.jpg`);
    expect(response.status).toBe(400);
    expect(await message(response)).toMatch(/300 steps.*50.*maxTransformationSteps/);
  });

  it("stores a 31 KB PNG that decodes to 16000×16000 but refuses to decode it (maxInputPixels)", async () => {
    const bomb = pngBomb(16000, 16000);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const stored = await upload(emu, { file: blob(bomb), fileName: "bomb.png", useUniqueFileName: "false" });
    expect(stored.status).toBe(200);
    const plain = await fetch(`${emu.urlEndpoint}/bomb.png`);
    expect(plain.status).toBe(200);
    expect((await plain.arrayBuffer()).byteLength).toBe(bomb.length);
    const transformed = await fetch(`${emu.urlEndpoint}/tr:w-100/bomb.png`);
    expect(transformed.status).toBe(400);
    expect(await message(transformed)).toMatch(/16000×16000.*100 megapixels.*maxInputPixels/);
    const metadata = await api(emu, "GET", `/v1/files/${stored.body.fileId}/metadata`);
    expect(metadata.status).toBe(400);
    expect(metadata.body.message).toMatch(/maxInputPixels/);
    const pre = await upload(emu, { file: blob(bomb), fileName: "bomb2.png", transformation: '{"pre":"w-100"}' });
    expect(pre.status).toBe(400);
    expect(String(pre.body.message)).toMatch(/maxInputPixels/);
  });
});

describe("limits while the work runs", () => {
  it("stops a transformation that runs longer than transformTimeoutMs", async () => {
    const quick = await start({ transformTimeoutMs: 5 });
    try {
      await upload(quick, { file: blob(jpeg), fileName: "small.jpg", useUniqueFileName: "false" });
      const response = await fetch(`${quick.urlEndpoint}/tr:w-2000,h-2000,bl-20:w-1000:w-2000,bl-20/small.jpg`);
      expect(response.status).toBe(400);
      expect(await message(response)).toMatch(/5 ms.*transformTimeoutMs/);
      expect((await fetch(`${quick.urlEndpoint}/small.jpg`)).status).toBe(200);
    } finally {
      await quick.close();
    }
  });

  it("abandons a chain of steps when its client disconnects", async () => {
    const heavy = `tr:${Array(20).fill("w-2500,h-2500,bl-30").join(":")}`;
    const controller = new AbortController();
    const request = fetch(`${emu.urlEndpoint}/${heavy}/small.jpg`, { signal: controller.signal }).catch(
      () => undefined,
    );
    await new Promise((done) => setTimeout(done, 300));
    controller.abort();
    await request;
    // The step running when the client left may finish; no further step may start.
    await new Promise((done) => setTimeout(done, 800));
    const before = process.cpuUsage();
    await new Promise((done) => setTimeout(done, 1000));
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(300);
  });

  it("keeps plain deliveries and uploads answering while heavy transformations occupy the image queue", async () => {
    // Heavy transformations that would run 5 s: a plain request that had to wait for one of their threads would
    // answer after one of them settled. Ordering, not a time limit, so a loaded machine cannot make it flaky.
    const busy = await start({ transformTimeoutMs: 5000 });
    try {
      await upload(busy, { file: blob(jpeg), fileName: "small.jpg", useUniqueFileName: "false" });
      await upload(busy, {
        file: blob(Buffer.alloc(1024 * 1024, 7)),
        fileName: "plain.bin",
        useUniqueFileName: "false",
      });
      const controller = new AbortController();
      let heavySettled = 0;
      const heavy = Array.from({ length: 6 }, () =>
        fetch(`${busy.urlEndpoint}/tr:w-10000,h-10000,f-png/small.jpg`, { signal: controller.signal })
          .then((response) => response.arrayBuffer())
          .catch(() => undefined)
          .finally(() => heavySettled++),
      );
      await new Promise((done) => setTimeout(done, 200));
      const delivery = await fetch(`${busy.urlEndpoint}/plain.bin`);
      expect((await delivery.arrayBuffer()).byteLength).toBe(1024 * 1024);
      const uploaded = await upload(busy, { file: blob("x"), fileName: "x.txt" });
      const settledMeanwhile = heavySettled;
      controller.abort();
      await Promise.all(heavy);
      expect(delivery.status).toBe(200);
      expect(uploaded.status).toBe(200);
      expect(settledMeanwhile, "a plain request waited for a heavy transformation").toBe(0);
    } finally {
      await busy.close();
    }
  });

  it("answers 429 when more transformations wait than the queue holds, and serves again once it drains", async () => {
    const narrow = await start({ imageConcurrency: 1 });
    try {
      await upload(narrow, { file: blob(jpeg), fileName: "small.jpg", useUniqueFileName: "false" });
      const controller = new AbortController();
      const heavy = `tr:${Array(10).fill("w-2500,h-2500,bl-30").join(":")}`;
      // One runs, sixteen wait (16 per unit of imageConcurrency), and the last three are refused at once.
      const answered: number[] = [];
      const requests = Array.from({ length: 20 }, () =>
        fetch(`${narrow.urlEndpoint}/${heavy}/small.jpg`, { signal: controller.signal })
          .then((response) => answered.push(response.status))
          .catch(() => undefined),
      );
      for (let waited = 0; answered.length < 3 && waited < 3000; waited += 20)
        await new Promise((done) => setTimeout(done, 20));
      controller.abort();
      await Promise.all(requests);
      expect(answered.slice(0, 3)).toEqual([429, 429, 429]);
      expect((await fetch(`${narrow.urlEndpoint}/tr:w-10/small.jpg`)).status).toBe(200);
    } finally {
      await narrow.close();
    }
  });
});
