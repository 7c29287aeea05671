// @vitest-environment node
// What a browser bundle gets from the built package: the browser entry never reaches the server entry or any
// signing code, and imports nothing from @ikit/core at run time. Runs after `pnpm build` (npm test builds first).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const dist = resolve(import.meta.dirname, "../../dist");

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: dist },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("the built browser entry", () => {
  it("exists (build first: pnpm --filter @ikit/upload run build)", () => {
    expect(existsSync(resolve(dist, "index.js")), "dist/index.js is missing: build first").toBe(true);
  });

  it("carries no server or signing code, whatever a bundler keeps", async () => {
    const everything = await bundle(`export * from "./index.js";`);
    expect(everything).toContain("XMLHttpRequest");
    for (const marker of ["getAuthenticationParameters", "createUploadAuthHandler", "HMAC", "subtle", "privateKey"]) {
      expect(everything, marker).not.toContain(marker);
    }
    expect(readFileSync(resolve(dist, "index.js"), "utf8")).not.toMatch(/from\s*["'](@ikit\/core|\.\/server)/);
  });

  it("while the server entry does sign", async () => {
    const server = await bundle(`export * from "./server.js";`);
    expect(server).toContain("HMAC");
  });
});
