import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookEvent } from "@ikit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { api, blob, clientAuth, png, start, upload } from "../helpers.js";

let emu: Emulator;
let image: Buffer;
beforeAll(async () => {
  emu = await start();
  image = await png(40, 30);
});
afterAll(() => emu.close());

describe("authentication", () => {
  it("accepts a client-side upload signed with token + expire, and refuses the token a second time", async () => {
    const auth = clientAuth(emu);
    const first = await upload(emu, { file: blob(image), fileName: "c.png", ...auth }, { auth: null });
    expect(first.status).toBe(200);
    expect(first.body.width).toBe(40);
    const again = await upload(emu, { file: blob(image), fileName: "c.png", ...auth }, { auth: null });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/has been used before/);
  });

  it("spends the token even when the upload then fails validation", async () => {
    const auth = clientAuth(emu);
    const failed = await upload(
      emu,
      { file: blob(image), fileName: "x.png", tags: "bad%tag", ...auth },
      { auth: null },
    );
    expect(failed.status).toBe(400);
    const retry = await upload(emu, { file: blob(image), fileName: "x.png", ...auth }, { auth: null });
    expect(retry.status).toBe(400);
    expect(retry.body.message).toMatch(/has been used before/);
  });

  it("rejects a wrong signature, an expired or too distant expire, and a foreign public key", async () => {
    const wrong = await upload(
      emu,
      { file: blob(image), fileName: "a.png", ...clientAuth(emu, { privateKey: "private_other" }) },
      { auth: null },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/invalid signature/);
    const past = await upload(
      emu,
      { file: blob(image), fileName: "a.png", ...clientAuth(emu, { expire: Math.floor(Date.now() / 1000) - 5 }) },
      { auth: null },
    );
    expect(past.body.message).toMatch(/invalid expire parameter/);
    const far = await upload(
      emu,
      { file: blob(image), fileName: "a.png", ...clientAuth(emu, { expire: Math.floor(Date.now() / 1000) + 7200 }) },
      { auth: null },
    );
    expect(far.status).toBe(400);
    const foreign = await upload(
      emu,
      { file: blob(image), fileName: "a.png", ...clientAuth(emu), publicKey: "public_other" },
      { auth: null },
    );
    expect(foreign.status).toBe(403);
  });

  it("answers 401 without any credentials, 403 for a wrong private key, 400 for both methods at once", async () => {
    expect((await upload(emu, { file: blob(image), fileName: "a.png" }, { auth: null })).status).toBe(401);
    const wrongKey = await upload(
      emu,
      { file: blob(image), fileName: "a.png" },
      { auth: `Basic ${Buffer.from("private_nope:").toString("base64")}` },
    );
    expect(wrongKey.status).toBe(403);
    const both = await upload(emu, { file: blob(image), fileName: "a.png", ...clientAuth(emu) });
    expect(both.status).toBe(400);
    expect(both.body.message).toMatch(/both signature and basic auth/);
  });

  it("sets x-request-id and CORS headers for local origins, and answers preflight", async () => {
    const preflight = await fetch(emu.uploadUrl, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    const foreign = await fetch(emu.uploadUrl, { method: "OPTIONS", headers: { origin: "https://evil.example" } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const result = await upload(
      emu,
      { file: blob(image), fileName: "cors.png" },
      { headers: { origin: "http://127.0.0.1:8080" } },
    );
    expect(result.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:8080");
  });
});

describe("fields", () => {
  it("adds a unique suffix by default and keeps the name with useUniqueFileName=false", async () => {
    const unique = await upload(emu, { file: blob(image), fileName: "shoe.png", folder: "/u" });
    expect(unique.body.name).toMatch(/^shoe_[A-Za-z0-9]+\.png$/);
    const exact = await upload(emu, {
      file: blob(image),
      fileName: "shoe.png",
      folder: "/u",
      useUniqueFileName: "false",
    });
    expect(exact.body.name).toBe("shoe.png");
    expect(exact.body.filePath).toBe("/u/shoe.png");
    expect(exact.body.url).toBe(`${emu.urlEndpoint}/u/shoe.png`);
  });

  it("makes an overwrite a new version, keeping tags only with overwriteTags=false", async () => {
    const base = {
      file: blob(image),
      fileName: "v.png",
      folder: "/ver",
      useUniqueFileName: "false",
      responseFields: "tags",
    };
    const first = await upload(emu, { ...base, tags: "red,blue" });
    const second = await upload(emu, { ...base, overwriteTags: "false" });
    expect(second.body.fileId).toBe(first.body.fileId);
    expect(second.body.versionInfo).toMatchObject({ name: "Version 2" });
    expect(second.body.tags).toEqual(["red", "blue"]);
    const third = await upload(emu, base);
    expect(third.body.tags).toBeNull();
    const versions = await api(emu, "GET", `/v1/files/${first.body.fileId}/versions`);
    expect(versions.body).toHaveLength(3);
    const refused = await upload(emu, { ...base, overwriteFile: "false" });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/already exists at the exact location/);
  });

  it("turns concurrent uploads to one path into versions of one file", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        upload(emu, { file: blob(image), fileName: "race.png", folder: "/race", useUniqueFileName: "false" }),
      ),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(new Set(results.map((result) => result.body.fileId)).size).toBe(1);
    const listed = await api(emu, "GET", "/v1/files?path=/race");
    expect(listed.body).toHaveLength(1);
    expect((await api(emu, "GET", `/v1/files/${results[0]?.body.fileId}/versions`)).body).toHaveLength(6);
  });

  it("accepts tags as a comma string or a JSON array, and refuses % and more than 500 characters", async () => {
    const array = await upload(emu, {
      file: blob(image),
      fileName: "t.png",
      tags: '["a b","c"]',
      responseFields: "tags",
    });
    expect(array.body.tags).toEqual(["a b", "c"]);
    const long = await upload(emu, {
      file: blob(image),
      fileName: "t.png",
      tags: Array.from({ length: 60 }, (_, i) => `tag-${i}-xxx`).join(","),
    });
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/less than or equal to 500/);
  });

  it("takes the file as base64, as a data URI and as a URL it fetches", async () => {
    const b64 = await upload(emu, { file: image.toString("base64"), fileName: "b64.png" });
    expect(b64.body).toMatchObject({ fileType: "image", width: 40, size: image.length });
    const dataUri = await upload(emu, {
      file: `data:image/png;base64,${image.toString("base64")}`,
      fileName: "uri.png",
    });
    expect(dataUri.body.height).toBe(30);
    const fromUrl = await upload(emu, { file: String(b64.body.url), fileName: "copy.png" });
    expect(fromUrl.status).toBe(200);
    expect(fromUrl.body.size).toBe(image.length);
  });

  it("validates customMetadata against the defined fields", async () => {
    const field = await api(emu, "POST", "/v1/customMetadataFields", {
      name: "price",
      label: "Price",
      schema: { type: "Number", minValue: 1, maxValue: 100 },
    });
    expect(field.status).toBe(201);
    const ok = await upload(emu, {
      file: blob(image),
      fileName: "m.png",
      customMetadata: '{"price":10}',
      responseFields: "customMetadata",
    });
    expect(ok.body.customMetadata).toEqual({ price: 10 });
    const range = await upload(emu, { file: blob(image), fileName: "m.png", customMetadata: '{"price":1000}' });
    expect(range.status).toBe(400);
    expect(range.body.message).toMatch(/Invalid custom metadata.*price/);
    const unknown = await upload(emu, { file: blob(image), fileName: "m.png", customMetadata: '{"colour":"red"}' });
    expect(unknown.status).toBe(400);
    const notJson = await upload(emu, { file: blob(image), fileName: "m.png", customMetadata: "{price:" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.message).toMatch(/invalid JSON in the customMetadata/);
  });

  it("runs checks on size, mime and folder", async () => {
    const pass = await upload(emu, {
      file: blob(image),
      fileName: "k.png",
      folder: "marketing",
      checks: '"file.size" < "1mb" AND "file.mime" : "image/" AND "request.folder" : "marketing/"',
    });
    expect(pass.status).toBe(200);
    const fail = await upload(emu, { file: blob(image), fileName: "k.png", checks: '"file.size" < "10b"' });
    expect(fail.status).toBe(400);
    expect(fail.body.message).toBe("Your request failed 'checks' validation.");
    const syntax = await upload(emu, { file: blob(image), fileName: "k.png", checks: '"file.size" <' });
    expect(syntax.body.message).toMatch(/invalid syntax for the checks parameter/);
  });

  it("applies a pre transformation and validates post ones", async () => {
    const pre = await upload(emu, {
      file: blob(image),
      fileName: "p.png",
      transformation: JSON.stringify({ pre: "w-20", post: [{ type: "thumbnail", value: "w-10" }] }),
    });
    expect(pre.body).toMatchObject({ width: 20, height: 15 });
    const bad = await upload(emu, {
      file: blob(image),
      fileName: "p.png",
      transformation: JSON.stringify({ pre: "q-500" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/transformation field is invalid/);
    const text = await upload(emu, {
      file: blob("hello", "text/plain"),
      fileName: "p.txt",
      transformation: '{"pre":"w-10"}',
    });
    expect(text.body.message).toMatch(/only for image and video/);
  });

  it("records extensions and POSTs a webhook signed with the webhook secret", async () => {
    const received: { body: string; signature: string }[] = [];
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        received.push({ body, signature: String(req.headers["x-ik-signature"]) });
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    const port = (hook.address() as AddressInfo).port;
    const result = await upload(emu, {
      file: blob(image),
      fileName: "w.png",
      extensions: JSON.stringify([{ name: "google-auto-tagging", maxTags: 5, minConfidence: 90 }]),
      webhookUrl: `http://127.0.0.1:${port}/hook`,
    });
    expect(result.body.extensionStatus).toEqual({ "google-auto-tagging": "pending" });
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
    const { event } = await verifyWebhookEvent(received[0]?.body ?? "", received[0]?.signature, emu.webhookSecret);
    expect(event).toMatchObject({
      service: "google-auto-tagging",
      status: "SUCCESS",
      fileObject: { fileId: result.body.fileId },
    });
    const updated = await api(emu, "PATCH", `/v1/files/${result.body.fileId}/details`, {
      extensions: [{ name: "remove-bg" }],
      webhookUrl: `http://127.0.0.1:${port}/hook`,
    });
    expect(updated.body.extensionStatus).toEqual({ "remove-bg": "pending" });
    for (let i = 0; i < 50 && received.length === 1; i++) await new Promise((r) => setTimeout(r, 20));
    hook.close();
    const second = await verifyWebhookEvent(received[1]?.body ?? "", received[1]?.signature, emu.webhookSecret);
    expect(second.event).toMatchObject({ service: "remove-bg", status: "SUCCESS" });
  });
});
