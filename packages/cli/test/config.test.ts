// Settings precedence (flag > environment > config file) and the config file's checks, in-process.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { redact } from "../src/errors.js";

describe("resolveConfig", () => {
  it("defaults to ImageKit's hosts; an API base alone also takes uploads (as @imagekit/nodejs does)", () => {
    const home = { HOME: "/nonexistent-home" };
    expect(resolveConfig({}, home)).toMatchObject({
      apiBase: "https://api.imagekit.io",
      uploadUrl: "https://upload.imagekit.io/api/v1/files/upload",
    });
    expect(resolveConfig({}, { ...home, IMAGEKIT_API_BASE: "http://127.0.0.1:3030/" })).toMatchObject({
      apiBase: "http://127.0.0.1:3030",
      uploadUrl: "http://127.0.0.1:3030/api/v1/files/upload",
    });
    expect(
      resolveConfig({ uploadBase: "http://up.example" }, { ...home, IMAGEKIT_API_BASE: "http://api.example" })
        .uploadUrl,
    ).toBe("http://up.example/api/v1/files/upload");
  });

  it("reads the default file under XDG_CONFIG_HOME, and refuses unknown keys and bad URLs", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ikit-config-"));
    await mkdir(join(dir, "ikit"));
    await writeFile(join(dir, "ikit/config.json"), JSON.stringify({ urlEndpoint: "https://ik.imagekit.io/demo" }));
    expect(resolveConfig({}, { XDG_CONFIG_HOME: dir }).urlEndpoint).toBe("https://ik.imagekit.io/demo");
    await writeFile(join(dir, "typo.json"), JSON.stringify({ urlEndPoint: "x" }));
    expect(() => resolveConfig({ config: join(dir, "typo.json") }, {})).toThrow(/unknown key "urlEndPoint"/);
    expect(() => resolveConfig({ apiBase: "ftp://x" }, { XDG_CONFIG_HOME: dir })).toThrow(/must be an http\(s\) URL/);
  });
});

describe("redact", () => {
  it("scrubs the key and its Basic auth form", () => {
    const key = "private_abc123";
    const basic = Buffer.from(`${key}:`).toString("base64");
    expect(redact(`key ${key}; header Basic ${basic}`, [key])).toBe("key [redacted]; header Basic [redacted]");
  });
});
