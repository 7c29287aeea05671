import { signUrlSync } from "@ikit/core";
import ImageKit from "@imagekit/nodejs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { api, blob, png, start, upload } from "../helpers.js";

let emu: Emulator;
let restricted: Emulator;
let original: Buffer;
beforeAll(async () => {
  emu = await start();
  restricted = await start({ restrictUnsignedUrls: true });
  original = await png(200, 100, { r: 10, g: 120, b: 250 });
  await upload(emu, { file: blob(original), fileName: "photo.png", folder: "/img", useUniqueFileName: "false" });
  await upload(emu, {
    file: blob(original),
    fileName: "secret.png",
    isPrivateFile: "true",
    useUniqueFileName: "false",
  });
  await upload(emu, { file: blob("plain text"), fileName: "notes.txt", useUniqueFileName: "false" });
  await upload(restricted, { file: blob(original), fileName: "photo.png", useUniqueFileName: "false" });
});
afterAll(async () => {
  await emu.close();
  await restricted.close();
});

async function image(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  const bytes = Buffer.from(await response.arrayBuffer());
  const meta =
    response.ok && response.headers.get("content-type")?.startsWith("image/")
      ? await sharp(bytes).metadata()
      : undefined;
  return { response, bytes, meta };
}

describe("delivery", () => {
  it("serves the stored bytes unchanged without a transformation", async () => {
    const { response, bytes } = await image(`${emu.urlEndpoint}/img/photo.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(bytes.equals(original)).toBe(true);
    const text = await fetch(`${emu.urlEndpoint}/notes.txt`);
    expect(await text.text()).toBe("plain text");
    const head = await fetch(`${emu.urlEndpoint}/tr:w-20/img/photo.png`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect((await fetch(`${emu.urlEndpoint}/img/missing.png`)).status).toBe(404);
  });

  it("evaluates arithmetic expressions against the original (i*) and current (c*) size", async () => {
    // photo.png is 200×100.
    const quarter = await image(`${emu.urlEndpoint}/tr:w-iw_div_4/img/photo.png`);
    expect(quarter.meta).toMatchObject({ width: 50, height: 25 });
    expect(quarter.response.headers.get("x-ikit-ignored-transformation")).toBeNull();
    const precedence = await image(`${emu.urlEndpoint}/img/photo.png?tr=w-ih_mul_0.5_add_iw_div_4,c-at_max`);
    expect(precedence.meta?.width).toBe(100);
    const chained = await image(`${emu.urlEndpoint}/tr:w-100:h-ch_div_2,w-cw/img/photo.png`);
    expect(chained.meta).toMatchObject({ width: 100, height: 25 });
    const unknown = await image(`${emu.urlEndpoint}/tr:w-bw_div_2/img/photo.png`);
    expect(unknown.meta?.width).toBe(200);
    expect(unknown.response.headers.get("x-ikit-ignored-transformation")).toContain("w-bw_div_2");
  });

  it("resizes with the crop modes from tr: path segments and ?tr=", async () => {
    const cover = await image(`${emu.urlEndpoint}/tr:w-50,h-50/img/photo.png`);
    expect(cover.meta).toMatchObject({ width: 50, height: 50 });
    const atMax = await image(`${emu.urlEndpoint}/img/photo.png?tr=w-50,h-50,c-at_max`);
    expect(atMax.meta).toMatchObject({ width: 50, height: 25 });
    const noUpscale = await image(`${emu.urlEndpoint}/img/photo.png?tr=w-400,c-at_max`);
    expect(noUpscale.meta).toMatchObject({ width: 200, height: 100 });
    const force = await image(`${emu.urlEndpoint}/tr:w-30,h-90,c-force/img/photo.png`);
    expect(force.meta).toMatchObject({ width: 30, height: 90 });
    const fraction = await image(`${emu.urlEndpoint}/tr:w-0.5/img/photo.png`);
    expect(fraction.meta).toMatchObject({ width: 100, height: 50 });
    const dpr = await image(`${emu.urlEndpoint}/tr:w-40,dpr-2/img/photo.png`);
    expect(dpr.meta?.width).toBe(80);
  });

  it("converts formats, picks f-auto from Accept, rotates, blurs and greys", async () => {
    expect((await image(`${emu.urlEndpoint}/tr:f-jpg,q-50/img/photo.png`)).meta?.format).toBe("jpeg");
    const auto = await image(`${emu.urlEndpoint}/tr:f-auto/img/photo.png`, {
      headers: { accept: "image/webp,image/*" },
    });
    expect(auto.response.headers.get("content-type")).toBe("image/webp");
    expect(auto.response.headers.get("vary")).toBe("Accept");
    const autoPlain = await image(`${emu.urlEndpoint}/tr:f-auto/img/photo.png`, { headers: { accept: "image/png" } });
    expect(autoPlain.meta?.format).toBe("png");
    expect((await image(`${emu.urlEndpoint}/tr:rt-90/img/photo.png`)).meta).toMatchObject({ width: 100, height: 200 });
    const grey = await image(`${emu.urlEndpoint}/tr:e-grayscale/img/photo.png`);
    const { data } = await sharp(grey.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBe(data[1]);
    const blurred = await image(`${emu.urlEndpoint}/tr:bl-10:w-20/img/photo.png`);
    expect(blurred.meta?.width).toBe(20);
  });

  it("serves what it cannot apply untransformed, naming it in a header", async () => {
    const result = await image(`${emu.urlEndpoint}/tr:w-50,e-sharpen,r-10/img/photo.png`);
    expect(result.meta?.width).toBe(50);
    expect(result.response.headers.get("x-ikit-ignored-transformation")).toMatch(/e-sharpen/);
    expect(result.response.headers.get("x-ikit-ignored-transformation")).toMatch(/(^|,)r-10(,|$)/);
    const text = await fetch(`${emu.urlEndpoint}/tr:w-10/notes.txt`);
    expect(await text.text()).toBe("plain text");
    expect(text.headers.get("x-ikit-ignored-transformation")).toBe("w-10");
  });
});

describe("signed URLs", () => {
  it("requires a valid signature for private files", async () => {
    const unsigned = `${emu.urlEndpoint}/secret.png`;
    expect((await fetch(unsigned)).status).toBe(401);
    const signed = signUrlSync(unsigned, { urlEndpoint: emu.urlEndpoint, privateKey: emu.privateKey });
    expect((await fetch(signed)).status).toBe(200);
    const wrongKey = signUrlSync(unsigned, { urlEndpoint: emu.urlEndpoint, privateKey: "private_other" });
    expect((await fetch(wrongKey)).status).toBe(401);
    expect((await fetch(`${emu.urlEndpoint}/img/photo.png`)).status).toBe(200);
  });

  it("serves the url and thumbnail that the file details API returns, signed when private", async () => {
    const listed = await api(emu, "GET", "/v1/files?sort=ASC_NAME");
    const byName = Object.fromEntries(listed.body.map((file: { name: string }) => [file.name, file]));
    const photo = byName["photo.png"] as { url: string; thumbnail: string };
    expect((await image(photo.url)).meta?.width).toBe(200);
    expect((await image(photo.thumbnail)).meta?.width).toBeLessThanOrEqual(300);
    const secret = byName["secret.png"] as { url: string };
    expect((await fetch(secret.url)).status).toBe(401);
    const signed = signUrlSync(secret.url, {
      urlEndpoint: emu.urlEndpoint,
      privateKey: emu.privateKey,
      expireSeconds: 60,
    });
    expect((await fetch(signed)).status).toBe(200);
  });

  it("accepts URLs signed by the official SDK, with and without expiry", async () => {
    const client = new ImageKit({ privateKey: restricted.privateKey, baseURL: restricted.apiBase });
    for (const expiresIn of [undefined, 300]) {
      const src = client.helper.buildSrc({
        urlEndpoint: restricted.urlEndpoint,
        src: "/photo.png",
        transformation: [{ width: 25, rotation: 90 }],
        signed: true,
        ...(expiresIn && { expiresIn }),
      });
      expect(src).toContain("ik-s=");
      const { response, meta } = await image(src);
      expect(response.status, src).toBe(200);
      expect(meta).toMatchObject({ width: 13, height: 25 });
    }
  });

  it("with restrictUnsignedUrls, refuses missing, tampered and expired signatures", async () => {
    const base = `${restricted.urlEndpoint}/tr:w-20/photo.png`;
    const opts = { urlEndpoint: restricted.urlEndpoint, privateKey: restricted.privateKey };
    const missing = await fetch(base);
    expect(missing.status).toBe(401);
    expect((await missing.json()).message).toMatch(/needs a signature/);
    const expiring = signUrlSync(base, { ...opts, expireSeconds: 60 });
    expect(expiring).toContain("ik-t=");
    expect((await image(expiring)).meta?.width).toBe(20);
    const tampered = expiring.replace("w-20", "w-21");
    const tamperedResponse = await fetch(tampered);
    expect(tamperedResponse.status).toBe(401);
    expect((await tamperedResponse.json()).message).toMatch(/does not match/);
    const expired = signUrlSync(base, { ...opts, expireSeconds: 10, now: Date.now() - 60_000 });
    const expiredResponse = await fetch(expired);
    expect(expiredResponse.status).toBe(401);
    expect((await expiredResponse.json()).message).toMatch(/expired/);
    const withQuery = signUrlSync(`${restricted.urlEndpoint}/photo.png?v=2`, opts);
    expect((await fetch(withQuery)).status).toBe(200);
  });
});
