import ImageKit, { toFile } from "@imagekit/nodejs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { api, basic, blob, clientAuth, start, upload } from "../helpers.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(() => emu.requests.clear());

describe("emu.requests", () => {
  it("records what the official client sent to the upload API, file part as its name, size and type", async () => {
    const client = new ImageKit({ privateKey: emu.privateKey, baseURL: emu.apiBase });
    await client.files.upload({
      file: await toFile(Buffer.from("hello"), "hello.txt", { type: "text/plain" }),
      fileName: "hello.txt",
      tags: ["a", "b"],
      useUniqueFileName: false,
    });
    const [sent, ...others] = emu.requests.list("upload");
    expect(others).toEqual([]);
    expect(sent).toMatchObject({
      method: "POST",
      path: "/api/v1/files/upload",
      route: "upload",
      status: 200,
      fields: {
        fileName: "hello.txt",
        tags: "a,b",
        useUniqueFileName: "false",
        file: { filename: "hello.txt", size: 5, mime: "text/plain" },
      },
    });
    expect(sent?.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(sent?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("records JSON bodies, query parameters and the status of every route, 404s included", async () => {
    await api(emu, "POST", "/v1/files/addTags", { fileIds: ["nope"], tags: ["x"] });
    await api(emu, "GET", "/v1/files?limit=5&tags=a&tags=b");
    await api(emu, "GET", "/v1/nothing-here");
    const [addTags, list, missing] = emu.requests.list();
    expect(addTags).toMatchObject({
      route: "files.addTags",
      status: 404,
      fields: { fileIds: ["nope"], tags: ["x"] },
    });
    expect(list).toMatchObject({ route: "files.list", status: 200, query: { limit: "5", tags: ["a", "b"] } });
    expect(missing).toMatchObject({ route: undefined, status: 404, path: "/v1/nothing-here" });
  });

  it("never records a secret: no Authorization or Cookie header, and values holding a key read [redacted]", async () => {
    await api(emu, "POST", "/v1/files/addTags", { fileIds: ["x"], tags: [`leak ${emu.privateKey}`] });
    await fetch(`${emu.apiBase}/v1/files`, {
      headers: { authorization: basic(emu), cookie: "session=1", "x-debug": emu.webhookSecret },
    });
    await upload(emu, { file: blob("x"), fileName: "s.txt", ...clientAuth(emu) }, { auth: null });
    const logged = JSON.stringify(emu.requests.list());
    expect(logged).not.toContain(emu.privateKey);
    expect(logged).not.toContain(emu.webhookSecret);
    const [tags, list, signed] = emu.requests.list();
    expect(tags?.fields.tags).toEqual(["[redacted]"]);
    expect(list?.headers).not.toHaveProperty("authorization");
    expect(list?.headers).not.toHaveProperty("cookie");
    expect(list?.headers["x-debug"]).toBe("[redacted]");
    // What a browser upload sends in the clear (public key, token, expire, signature) stays comparable.
    expect(signed?.fields).toMatchObject({
      publicKey: emu.publicKey,
      signature: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
  });

  it("cuts long values so a base64 upload does not sit in the log", async () => {
    const base64 = Buffer.alloc(64 * 1024, 7).toString("base64");
    await upload(emu, { file: base64, fileName: "b.bin" });
    const file = emu.requests.list("upload")[0]?.fields.file as string;
    expect(file.length).toBe(1025);
    expect(file.endsWith("…")).toBe(true);
  });
});

describe("requestLogSize", () => {
  it("keeps only the newest requests, and none with 0", async () => {
    const small = await start({ requestLogSize: 2 });
    const none = await start({ requestLogSize: 0 });
    try {
      for (const path of ["/v1/a", "/v1/b", "/v1/c"]) {
        await api(small, "GET", path);
        await api(none, "GET", path);
      }
      expect(small.requests.list().map((entry) => entry.path)).toEqual(["/v1/b", "/v1/c"]);
      expect(none.requests.list()).toEqual([]);
      small.requests.clear();
      expect(small.requests.list()).toEqual([]);
    } finally {
      await small.close();
      await none.close();
    }
    await expect(start({ requestLogSize: -1 })).rejects.toMatchObject({ code: "INVALID_OPTION" });
  });
});

describe("RequestLog with a limit of 0", () => {
  it("copies nothing from a request it will not keep (headers, query, JSON body, form)", async () => {
    const { RequestLog } = await import("../../src/http/request-log.js");
    const log = new RequestLog(0, ["secret"]);
    const entry = log.open({ method: "POST", headers: { "x-a": "1", "x-b": "secret" } } as never, "req-1");
    log.query(entry, new URL("http://127.0.0.1/v1/files?limit=5&tags=a"));
    log.json(entry, { name: "a.jpg" });
    log.form(entry, { fields: new Map([["fileName", ["a.jpg"]]]), file: undefined } as never);
    log.close(entry, 200);
    expect(entry).toMatchObject({ path: "/v1/files", headers: {}, query: {}, fields: {} });
    expect(log.list()).toEqual([]);
  });
});
