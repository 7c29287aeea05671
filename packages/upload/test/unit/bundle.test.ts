// @vitest-environment node
// What a browser bundle gets from the built package: the browser entry never reaches the server entry or any
// signing code, and takes from @ikit/core at run time only what it names here. Runs after `pnpm build` (npm test
// builds first).
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
    const built = readFileSync(resolve(dist, "index.js"), "utf8");
    expect(built).not.toMatch(/from\s*["']\.\/server/);
    // The one run-time import from core: how long a 429/503 asked to wait, read the same way admin reads it.
    const fromCore = [...built.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']@ikit\/core["']/g)].map((m) => m[1]?.trim());
    expect(fromCore).toEqual(["retryAfterMs"]);
  });

  it("while the server entry does sign", async () => {
    const server = await bundle(`export * from "./server.js";`);
    expect(server).toContain("HMAC");
  });
});
