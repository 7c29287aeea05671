// Tree-shaking, verified on the built package: a bundler that imports only `buildSrc` gets no signing, webhook or
// parsing code, and `signUrl` alone gets no URL builder. Runs after `pnpm build` (npm test builds first).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const dist = resolve(import.meta.dirname, "../dist/index.js");

async function bundle(names: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names} } from ${JSON.stringify(dist)};`, resolveDir: import.meta.dirname },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
  });
  return result.outputFiles[0]?.text ?? "";
}

describe.skipIf(!existsSync(dist))("tree-shaking of the built package", () => {
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
