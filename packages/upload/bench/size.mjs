// `pnpm size` (root, part of `npm test`; after `pnpm build`): what a browser bundle pays for @ikit/upload, beside
// @imagekit/javascript 5.5.1's upload(), by the method of packages/core/bench/size.mjs: an entry file re-exporting
// one named export, bundled with esbuild (`--bundle --minify --format=esm --platform=browser`), then gzip level 9,
// theirs from its ESM build (`dist/imagekit.esm.js`). 1 KB = 1000 bytes.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const ours = resolve(root, "dist/index.js");
const theirs = resolve(
  dirname(createRequire(import.meta.url).resolve("@imagekit/javascript/package.json")),
  "dist/imagekit.esm.js",
);

// `budget` is enforced (KB); `target` is issue 8's goal where the budget does not meet it yet (see the README).
const CASES = [
  { label: "import { upload }", names: "upload", theirs: "upload", budget: 2.65, target: 2.0 },
  { label: "import { createUploader }", names: "createUploader", budget: 3.5 },
];

/** min+gzip bytes of a bundle that imports `names` from `file`. */
async function gzipSize(file, names) {
  const result = await build({
    stdin: { contents: `export { ${names} } from ${JSON.stringify(file)};`, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;

for (const file of [ours, theirs]) {
  if (!existsSync(file)) {
    console.error(`✖ ${file} is missing: build first (pnpm --filter @ikit/upload run build).`);
    process.exit(1);
  }
}

const rows = [];
let over = 0;
for (const c of CASES) {
  const mine = await gzipSize(ours, c.names);
  const official = c.theirs ? await gzipSize(theirs, c.theirs) : undefined;
  const ok = mine <= c.budget * 1000;
  if (!ok) over++;
  rows.push([
    c.label,
    kb(mine),
    official === undefined ? "(no such export)" : kb(official),
    official === undefined ? "" : `${(mine / official).toFixed(2)}x`,
    `${ok ? "✓" : "✖"} ≤ ${c.budget} KB`,
    c.target === undefined ? "" : `${mine <= c.target * 1000 ? "met" : "not met"}: ≤ ${c.target} KB`,
  ]);
}

const header = [
  "entry (min+gzip)",
  "@ikit/upload",
  "@imagekit/javascript 5.5.1 (ESM)",
  "ours/theirs",
  "budget",
  "target",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  "));
if (over) {
  console.error(`\n✖ ${over} entr${over === 1 ? "y is" : "ies are"} over budget.`);
  process.exit(1);
}
