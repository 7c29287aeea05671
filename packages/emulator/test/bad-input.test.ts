import { mkdtemp, readdir, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { api, basic, blob, png, start, upload } from "./helpers.js";

let emu: Emulator;
let parent: string;
let data: string;
let image: Buffer;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), "ikit-bad-input-"));
  data = join(parent, "data");
  emu = await start({ data });
  image = await png(8, 8);
});
afterAll(async () => {
  await emu.close();
  await rm(parent, { recursive: true, force: true });
});

/** Sends a raw body, as a broken client would. */
function raw(
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: { message?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emu.apiBase}${path}`,
      { method: "POST", headers: { authorization: basic(emu), ...headers } },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("malformed requests get a 4xx with a message, never a 500", () => {
  it("refuses multipart with a broken boundary, a truncated body, or no multipart at all", async () => {
    const truncated = await raw(
      "/api/v1/files/upload",
      { "content-type": "multipart/form-data; boundary=XYZ" },
      '--XYZ\r\nContent-Disposition: form-data; name="fileName"\r\n\r\na.png\r\n--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    );
    expect(truncated.status).toBe(400);
    expect(truncated.body.message).toMatch(/malformed multipart|aborted|missing file/);
    const noBoundary = await raw("/api/v1/files/upload", { "content-type": "multipart/form-data" }, "hello");
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.body.message).toMatch(/malformed multipart/);
    const json = await raw("/api/v1/files/upload", { "content-type": "application/json" }, '{"file":"x"}');
    expect(json.status).toBe(400);
    expect(json.body.message).toMatch(/multipart\/form-data/);
  });

  it("drops an upload whose client disconnects mid-body, leaving no record and no temporary file", async () => {
    const boundary = "cut";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\ncut.bin\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.bin"\r\n\r\n`;
    await new Promise<void>((resolve) => {
      const req = request(`${emu.apiBase}/api/v1/files/upload`, {
        method: "POST",
        headers: {
          authorization: basic(emu),
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(10 * 1024 * 1024),
        },
      });
      req.on("error", () => resolve());
      req.write(head);
      req.write(Buffer.alloc(256 * 1024, 1), () => setTimeout(() => req.destroy(), 50));
    });
    for (let i = 0; i < 50 && (await readdir(join(data, "tmp"))).length > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await readdir(join(data, "tmp"))).toEqual([]);
    expect((await api(emu, "GET", '/v1/files?searchQuery=name%20%3D%20"cut.bin"')).body).toEqual([]);
  });

  it("names a missing file or fileName", async () => {
    const noFile = await upload(emu, { fileName: "a.png" });
    expect(noFile).toMatchObject({ status: 400, body: { message: "Your request is missing file parameter." } });
    const noName = await upload(emu, { file: blob(image) });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toMatch(/fileName/);
    const notBase64 = await upload(emu, { file: "this is not base64!", fileName: "a.png" });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.help).toMatch(/support/);
  });

  it("refuses invalid JSON bodies and out-of-range list parameters on the media API", async () => {
    const badJson = await raw("/v1/files/addTags", { "content-type": "application/json" }, "{nope");
    expect(badJson.status).toBe(400);
    expect((await api(emu, "GET", "/v1/files?limit=2000")).body.message).toBe(
      "Maximum value of limit parameter is 1000. Value sent is 2000.",
    );
    expect((await api(emu, "GET", "/v1/files?skip=-1")).status).toBe(400);
    expect((await api(emu, "GET", "/v1/files?sort=SIDEWAYS")).status).toBe(400);
    expect((await api(emu, "GET", "/v1/files?type=blob")).status).toBe(400);
  });
});

describe("path traversal", () => {
  const names = ["../../escape.png", "..", "%2e%2e%2fescape.png", "/etc/passwd", "..\\..\\win.png", "C:\\temp\\x.png"];
  const folders = ["../../outside", "/a/../../b", "%2e%2e/%2e%2e/x", "a\\..\\b", "C:\\temp"];

  it("refuses traversal in fileName and folder with a 400 and writes nothing outside the data folder", async () => {
    for (const fileName of names) {
      const result = await upload(emu, { file: blob(image), fileName });
      expect(result.status, fileName).toBe(400);
      expect(String(result.body.message)).toMatch(/fileName/);
    }
    for (const folder of folders) {
      const result = await upload(emu, { file: blob(image), fileName: "ok.png", folder });
      expect(result.status, folder).toBe(400);
      expect(String(result.body.message)).toMatch(/folder/);
    }
    expect((await readdir(parent)).sort()).toEqual(["data"]);
    expect((await readdir(data)).sort()).toEqual(["blobs", "keys.json", "meta", "tmp"]);
    expect(await readdir(join(data, "tmp"))).toEqual([]);
    expect(await readdir(join(data, "blobs"))).toEqual([]);
  });

  it("refuses traversal in rename, copy, move and folder APIs", async () => {
    const file = await upload(emu, { file: blob(image), fileName: "safe.png", useUniqueFileName: "false" });
    expect(file.status).toBe(200);
    const rename = await api(emu, "PUT", "/v1/files/rename", { filePath: "/safe.png", newFileName: "../evil.png" });
    expect(rename.status).toBe(400);
    const copy = await api(emu, "POST", "/v1/files/copy", { sourceFilePath: "/safe.png", destinationPath: "/../../" });
    expect(copy.status).toBe(400);
    const move = await api(emu, "POST", "/v1/files/move", { sourceFilePath: "/../safe.png", destinationPath: "/x" });
    expect(move.status).toBe(400);
    const folder = await api(emu, "POST", "/v1/folder", { folderName: "..", parentFolderPath: "/" });
    expect(folder).toMatchObject({ status: 400, body: { message: "'.' & '..' can not be used as folder-name" } });
    const listed = await api(emu, "GET", "/v1/files?path=/../..");
    expect(listed.status).toBe(400);
    expect(await readdir(parent)).toEqual(["data"]);
  });

  it("serves nothing outside the media library through delivery URLs", async () => {
    for (const path of ["/../keys.json", "/%2e%2e/keys.json", "/..%2fkeys.json", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd"]) {
      const response = await fetch(`${emu.urlEndpoint}${path}`);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(await response.text()).not.toContain(emu.privateKey);
    }
  });
});
