// The one way the size budgets are measured (packages/*/bench/size.mjs): an entry file re-exporting one import,
// bundled with esbuild (`--bundle --minify --format=esm --platform=browser`), then gzip level 9, ours and the
// official package's ESM build alike. 1 KB = 1000 bytes. Each package passes its own esbuild (the root has none),
// and may pass esbuild options for both sides (`external: ["vue"]` for a peer the app already has).
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";

/**
 * The minified browser bundle of an entry that imports `names` (`"url"`, `"a, b"` or `"*"`) from `file`: what the size
 * budgets weigh, and what the bundle tests search for code that must not be there.
 *
 * @example
 * const text = await bundleEntry(esbuild, "/repo/packages/upload/dist/index.js", "*"); // "var …"
 */
export async function bundleEntry({ build }, file, names, options = {}) {
  const contents =
    names === "*" ? `export * from ${JSON.stringify(file)};` : `export { ${names} } from ${JSON.stringify(file)};`;
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
    ...options,
  });
  return result.outputFiles[0].text;
}

/**
 * min+gzip bytes of {@link bundleEntry}'s bundle.
 *
 * @example
 * await gzipSize(esbuild, "/repo/packages/upload/dist/index.js", "upload"); // 2600
 */
export async function gzipSize(esbuild, file, names, options = {}) {
  return gzipSync(await bundleEntry(esbuild, file, names, options), { level: 9 }).length;
}

/**
 * Measures each case (`{ label, ours: [file, names], theirs?: names, budget, target? }`, KB), prints a table beside
 * the official package (`theirsFile`), and exits 1 when a case is over its budget or a file is missing (build first).
 *
 * @example
 * await checkBudgets({ esbuild, package: "@ikit/upload", files: [dist], theirsFile, cases: [{ label: "import { upload }", ours: [dist, "upload"], theirs: "upload", budget: 2.65 }] });
 */
export async function checkBudgets({
  esbuild,
  package: name,
  files,
  theirsFile,
  cases,
  theirsLabel = "@imagekit/javascript 5.5.1 (ESM)",
  esbuildOptions = {},
}) {
  for (const file of [...files, theirsFile]) {
    if (!existsSync(file)) {
      console.error(`✖ ${file} is missing: build first (pnpm --filter ${name} run build).`);
      process.exit(1);
    }
  }
  const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
  const rows = [];
  let over = 0;
  for (const c of cases) {
    const mine = await gzipSize(esbuild, ...c.ours, esbuildOptions);
    const official = c.theirs ? await gzipSize(esbuild, theirsFile, c.theirs, esbuildOptions) : undefined;
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
  const header = ["entry (min+gzip)", name, theirsLabel, "ours/theirs", "budget", "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  "));
  if (over) {
    console.error(`\n✖ ${over} entr${over === 1 ? "y is" : "ies are"} over budget.`);
    process.exit(1);
  }
}
