// @vitest-environment node
// What a browser bundle gets from the built package: the browser entry never reaches the server entry or any
// signing code, and takes from @ikit/core at run time only what it names here. Runs after `pnpm build` (npm test
// builds first).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleEntry } from "../../../../scripts/bundle-size.mjs";

const dist = resolve(import.meta.dirname, "../../dist");

/** The browser bundle of a built entry (`"url.js"`), every export kept: what a bundler could keep at most. */
const bundle = (entry: string) => bundleEntry(esbuild, resolve(dist, entry), "*");

describe("the built browser entry", () => {
  it("exists (build first: pnpm --filter @ikit/upload run build)", () => {
    expect(existsSync(resolve(dist, "index.js")), "dist/index.js is missing: build first").toBe(true);
  });

  it("carries no server or signing code, whatever a bundler keeps", async () => {
    const everything = await bundle("index.js");
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
    const server = await bundle("server.js");
    expect(server).toContain("HMAC");
  });
});
