// Tree-shaking, verified on the built package: a bundler that imports only `buildSrc` or `url` gets no strict
// checks, signing, webhook or parsing code, and `signUrl` alone gets no URL builder. Needs `pnpm build` first
// (npm test builds first); without a build it fails rather than skips.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleEntry } from "../../../scripts/bundle-size.mjs";

const dist = resolve(import.meta.dirname, "../dist/index.js");
const strictDist = resolve(import.meta.dirname, "../dist/strict.js");

/** The browser bundle of an entry importing `names` from the built package. */
const bundle = (names: string, from = dist) => bundleEntry(esbuild, from, names);

// What only the strict checks contain: their error codes and the wording of their messages.
const STRICT = ["UNKNOWN_PARAMETER", "INVALID_EXPRESSION", "MISSING_SOURCE", "unknown transformation parameter"];

describe("tree-shaking of the built package", () => {
  it("has a build to check", () => {
    expect(existsSync(dist) && existsSync(strictDist), "build first: pnpm --filter @ikit/core run build").toBe(true);
  });

  it.each(["buildSrc", "url", "getResponsiveImageAttributes"])(
    "import { %s } carries no strict checks",
    async (name) => {
      const code = await bundle(name);
      expect(code).toContain("tr");
      for (const marker of STRICT) expect(code, marker).not.toContain(marker);
    },
  );

  it("import { buildSrc } from @ikit/core/strict does carry them", async () => {
    const code = await bundle("buildSrc", strictDist);
    for (const marker of STRICT) expect(code, marker).toContain(marker);
  });

  it("import { buildSrc } carries no signing, webhook or parsing code", async () => {
    const code = await bundle("buildSrc");
    expect(code).toContain("tr:");
    for (const marker of ["HMAC", "subtle", "ik-s", "x-ik-signature", "webhook", "1732584193", "0x67452301"]) {
      expect(code, marker).not.toContain(marker);
    }
  });

  it("import { signUrl } carries no URL builder or overlay code", async () => {
    const code = await bundle("signUrl");
    expect(code).toContain("ik-s");
    for (const marker of ["l-text", "aspectRatio", "i-ik_canvas"]) expect(code, marker).not.toContain(marker);
  });

  it("import { signUrlSync } carries no WebCrypto code", async () => {
    const code = await bundle("signUrlSync");
    expect(code).not.toContain("subtle");
  });
});
