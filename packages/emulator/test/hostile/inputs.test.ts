import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { api, basic, blob, png, start, upload } from "../helpers.js";
import { deepJson } from "./bombs.js";

// Huge, deep and odd inputs: every parser is bounded and answers 400, names that are JavaScript object keys are just
// names, and nothing is stored from input that did not decode.

let emu: Emulator;
let image: Buffer;
beforeAll(async () => {
  emu = await start();
  image = await png(8, 8);
  expect((await upload(emu, { file: blob(image), fileName: "a.png", useUniqueFileName: "false" })).status).toBe(200);
});
afterAll(() => emu.close());

describe("transformation text", () => {
  it.each([
    "/a.png?tr=w-4%2Cx-5%0A",
    "/a.png?tr=w-10%0Aa",
    "/a.png?tr=e-foo%0Dbar",
    "/tr:w-10%0A/a.png",
    "/tr:w-4,l-text,i-a%00b,l-end/a.png",
  ])("refuses a transformation holding a control character with a 400: %s", async (target) => {
    const response = await fetch(`${emu.urlEndpoint}${target}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/control character \(U\+00/);
  });

  it("names ignored parameters with non-ASCII text percent-encoded in the response header", async () => {
    const response = await fetch(`${emu.urlEndpoint}/a.png?tr=w-4%2Cl-text%E2%82%AC`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ikit-ignored-transformation")).toBe("l-text%E2%82%AC");
  });
});

describe("the file field", () => {
  it("refuses a data URI with malformed percent-encoding", async () => {
    const result = await upload(emu, { file: "data:text/plain,%E0%A4%A", fileName: "p.txt" });
    expect(result.status).toBe(400);
    expect(String(result.body.message)).toMatch(/percent-encoding/);
  });

  it("refuses a data URI whose payload decodes to nothing, instead of storing an empty file", async () => {
    for (const file of ["data:image/png;base64,!!!!", "data:image/png;base64,", "data:text/plain,"]) {
      const result = await upload(emu, { file, fileName: "empty.png" });
      expect(result.status, file).toBe(400);
      expect(String(result.body.message), file).toMatch(/invalid file parameter/);
    }
    expect((await api(emu, "GET", '/v1/files?searchQuery=name%20%3A%20"empty"')).body).toEqual([]);
  });

  it("refuses text fields over 1 MB other than a base64 or data-URI file, before buffering more of them", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    const result = await upload(emu, { file: blob("x"), fileName: "f.txt", junk1: big, junk2: big, junk3: big });
    expect(result.status).toBe(400);
    expect(String(result.body.message)).toMatch(/junk1 field is larger than 1 MB/);
  });

  it("refuses a text file sent twice, which would hold two 64 MB fields in memory", async () => {
    const form = new FormData();
    form.append("file", "aGVsbG8=");
    form.append("file", "aGVsbG8=");
    form.append("fileName", "twice.txt");
    const response = await fetch(emu.uploadUrl, { method: "POST", body: form, headers: { authorization: basic(emu) } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/more than one file parameter/);
  });

  it("runs an extension listed a thousand times once, with one webhook", async () => {
    let hooks = 0;
    const receiver = createServer((req, res) => {
      hooks++;
      req.resume();
      res.end();
    });
    await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
    const hooked = await start();
    try {
      const result = await upload(hooked, {
        file: blob(image),
        fileName: "x.png",
        extensions: JSON.stringify(Array(1000).fill({ name: "remove-bg" })),
        webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      });
      expect(result.status).toBe(200);
    } finally {
      await hooked.close(); // waits for the webhooks
      receiver.close();
    }
    expect(hooks).toBe(1);
  });
});

describe("the request log", () => {
  it("keeps a bounded copy of a huge body: the first 100 items of a list, and how many more there were", async () => {
    const fileIds = Array.from({ length: 200_000 }, (_, i) => `id${i}`);
    expect((await api(emu, "POST", "/v1/files/addTags", { fileIds, tags: ["a"] })).status).toBe(400);
    const logged = emu.requests.list("files.addTags").at(-1)?.fields.fileIds as string[];
    expect(logged).toHaveLength(101);
    expect(logged.at(-1)).toBe("… 199900 more");
  });
});

describe("nesting", () => {
  it("refuses checks nested thousands deep with a 400, not a stack overflow", async () => {
    const checks = `${"(".repeat(5000)}"file.size" < "1mb"${")".repeat(5000)}`;
    const result = await upload(emu, { file: blob(image), fileName: "c.png", checks });
    expect(result.status).toBe(400);
    expect(String(result.body.message)).toMatch(/checks.*nested deeper than 32/);
  });

  it("refuses a searchQuery nested thousands deep with a 400", async () => {
    const query = `${"(".repeat(4000)}name = "a.png"${")".repeat(4000)}`;
    const result = await api(emu, "GET", `/v1/files?searchQuery=${query}`);
    expect(result.status).toBe(400);
    expect(result.body.message).toMatch(/searchQuery.*nested deeper than 32/);
  });

  it("refuses JSON nested thousands deep in transformation, extensions, customMetadata and API bodies", async () => {
    const deep = deepJson(20_000);
    const fields = {
      transformation: `{"post":[{"type":"x","value":${deep}}]}`,
      extensions: `[{"name":"remove-bg","options":${deep}}]`,
      customMetadata: `{"x":${deep}}`,
      tags: deep,
    };
    for (const [name, value] of Object.entries(fields)) {
      const result = await upload(emu, { file: blob(image), fileName: "d.png", [name]: value });
      expect(result.status, name).toBe(400);
      expect(String(result.body.message), name).toMatch(new RegExp(`${name}.*nested deeper than 32`));
    }
    const response = await fetch(`${emu.apiBase}/v1/files/addTags`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${emu.privateKey}:`).toString("base64")}` },
      body: `{"fileIds":${deep}}`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/nested deeper than 32/);
  });

  it("refuses a folder 20,000 levels deep, on upload and in the folder API", async () => {
    const folder = "a/".repeat(20_000);
    const result = await upload(emu, { file: blob(image), fileName: "deep.png", folder });
    expect(result.status).toBe(400);
    expect(String(result.body.message)).toMatch(/folder.*longer than 1024 characters/);
    const created = await api(emu, "POST", "/v1/folder", { folderName: "x", parentFolderPath: folder });
    expect(created.status).toBe(400);
    expect((await api(emu, "GET", "/v1/files?type=folder")).body).toEqual([]);
  });
});

describe("names that are JavaScript object keys", () => {
  it("keeps custom metadata fields named constructor and __proto__ like any other field", async () => {
    for (const name of ["constructor", "__proto__", "toString"]) {
      const created = await api(emu, "POST", "/v1/customMetadataFields", {
        name,
        label: `L ${name}`,
        schema: { type: "Text", isValueRequired: true, defaultValue: `default ${name}` },
      });
      expect(created.status, name).toBe(201);
    }
    const defaults = await upload(emu, { file: blob(image), fileName: "p1.png", responseFields: "customMetadata" });
    expect(defaults.status).toBe(200);
    expect(JSON.parse(JSON.stringify(defaults.body.customMetadata))).toEqual(
      JSON.parse('{"constructor":"default constructor","__proto__":"default __proto__","toString":"default toString"}'),
    );
    const given = await upload(emu, {
      file: blob(image),
      fileName: "p2.png",
      responseFields: "customMetadata",
      customMetadata: '{"constructor":"c","__proto__":"p"}',
    });
    expect(given.status).toBe(200);
    const details = await api(emu, "GET", `/v1/files/${given.body.fileId}/details`);
    expect(Object.getOwnPropertyDescriptor(details.body.customMetadata, "__proto__")?.value).toBe("p");
    expect(Object.getOwnPropertyDescriptor(details.body.customMetadata, "constructor")?.value).toBe("c");
    const found = await api(
      emu,
      "GET",
      `/v1/files?searchQuery=${encodeURIComponent('"customMetadata.__proto__" = "p"')}`,
    );
    expect(found.body.map((file: { fileId: string }) => file.fileId)).toEqual([given.body.fileId]);
  });

  it("refuses __proto__ or constructor as unknown keys, as it refuses any other unknown key", async () => {
    const other = await start();
    try {
      for (const customMetadata of ['{"__proto__":{"x":1}}', '{"constructor":"x"}', '{"hasOwnProperty":"x"}']) {
        const result = await upload(other, { file: blob(image), fileName: "u.png", customMetadata });
        expect(result.status, customMetadata).toBe(400);
        expect(String(result.body.message), customMetadata).toMatch(/Invalid custom metadata/);
      }
      for (const type of ["constructor", "__proto__", "toString"]) {
        const transformation = JSON.stringify({ post: [{ type }] });
        const result = await upload(other, { file: blob(image), fileName: "t.png", transformation });
        expect(result.status, type).toBe(400);
      }
    } finally {
      await other.close();
    }
  });
});

describe("URL sources", () => {
  let source: Server;
  let origin: string;
  beforeAll(async () => {
    source = createServer((req, res) => {
      if (req.url?.startsWith("/stall")) {
        // Headers and one byte, then nothing: the body never ends.
        res.writeHead(200, { "content-type": "image/png", "content-length": "100000" });
        res.write("x");
        return;
      }
      if (req.url?.startsWith("/huge")) {
        res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(2 ** 40) });
        res.write("x");
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("hello");
    });
    await new Promise<void>((done) => source.listen(0, "127.0.0.1", done));
    origin = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    source.closeAllConnections();
    await new Promise((done) => source.close(done));
  });

  it("bounds the whole fetch of a source that sends headers and a byte then stalls (urlSourceTimeoutMs)", async () => {
    const quick = await start({ urlSourceTimeoutMs: 300 });
    try {
      const result = await upload(quick, { file: `${origin}/stall.png`, fileName: "s.png" });
      expect(result.status).toBe(400);
      expect(String(result.body.message)).toMatch(/300 ms.*urlSourceTimeoutMs/);
    } finally {
      await quick.close();
    }
  });

  it("refuses a source that announces more bytes than maxUploadBytes without reading them", async () => {
    const result = await upload(emu, { file: `${origin}/huge.bin`, fileName: "h.bin" });
    expect(result.status).toBe(400);
    expect(String(result.body.message)).toMatch(/exceeds limits/);
  });

  it("takes a source whose path has malformed percent-encoding, named by the fileName sent", async () => {
    const result = await upload(emu, { file: `${origin}/%E0%A4%A`, fileName: "named.txt", useUniqueFileName: "false" });
    expect(result.status).toBe(200);
    expect(result.body.name).toBe("named.txt");
  });
});
