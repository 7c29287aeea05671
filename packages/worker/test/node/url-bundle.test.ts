// What a browser bundle gets from the built `@ikit/worker/url` entry: URL building only. It never reaches the
// worker's signing, key handling or request code, and takes from @ikit/core at run time only what it names here.
// Runs after `pnpm build` (npm test builds first).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleEntry } from "../../../../scripts/bundle-size.mjs";

const dist = resolve(import.meta.dirname, "../../dist");

/** The browser bundle of a built entry (`"url.js"`), every export kept: what a bundler could keep at most. */
const bundle = (entry: string) => bundleEntry(esbuild, resolve(dist, entry), "*");

describe("the built @ikit/worker/url entry", () => {
  it("exists (build first: pnpm --filter @ikit/worker run build)", () => {
    expect(existsSync(resolve(dist, "url.js")), "dist/url.js is missing: build first").toBe(true);
  });

  it("carries no signing, key or request-handling code, whatever a bundler keeps", async () => {
    const everything = await bundle("url.js");
    expect(everything).toContain("/img");
    for (const marker of ["HMAC", "subtle", "privateKey", "IMAGEKIT_PRIVATE_KEY", "ik-s", "signUrl", "Refusal"]) {
      expect(everything, marker).not.toContain(marker);
    }
    const built = readFileSync(resolve(dist, "url.js"), "utf8");
    const fromCore = [...built.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']@ikit\/core["']/g)].map((m) => m[1]?.trim());
    expect(fromCore).toEqual(["IkitError, getResponsiveImageAttributes"]);
    expect(built).not.toMatch(/@ikit\/core\/strict/);
  });

  it("while the worker's own entry does sign", async () => {
    const server = await bundle("index.js");
    expect(server).toContain("HMAC");
  });
});
