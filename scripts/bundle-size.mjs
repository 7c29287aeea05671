// The one way the size budgets are measured (packages/*/bench/size.mjs): an entry file re-exporting one import,
// bundled with esbuild (`--bundle --minify --format=esm --platform=browser`), then gzip level 9, ours and the
// official package's ESM build alike. 1 KB = 1000 bytes. Each package passes its own esbuild (the root has none),
// and may pass esbuild options for both sides (`external: ["vue"]` for a peer the app already has).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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

// The figures of a README size row after its first cell, in order.
const WHAT = ["size", "official size", "budget"];

/**
 * Checks the package README's size table against what was measured: the row whose first cell is a case's `row` must
 * give its min+gzip size, the official one and the budget as measured (`--write` rewrites those three figures).
 * Returns the problems found.
 */
function checkReadme(readme, measured, write) {
  const lines = readFileSync(readme, "utf8").split("\n");
  const problems = [];
  for (const { row, figures } of measured) {
    const at = lines.findIndex((line) => line.startsWith(`| ${row} |`));
    if (at === -1) {
      problems.push(`${readme} has no size row "| ${row} |"`);
      continue;
    }
    const cells = lines[at].split(" | ");
    figures.forEach((figure, i) => {
      const cell = cells[i + 1];
      if (figure === undefined || cell.startsWith(figure)) return;
      if (write) cells[i + 1] = cell.replace(/^(\d+(\.\d+)? KB|\(none\))/, figure);
      else problems.push(`${readme}, row ${row}: says "${cell}" where the ${WHAT[i]} is ${figure}`);
    });
    lines[at] = cells.join(" | ");
  }
  if (write) writeFileSync(readme, lines.join("\n"));
  return problems;
}

/**
 * Measures each case (`{ label, ours: [file, names], theirs?: names, budget, target?, row? }`, KB), prints a table
 * beside the official package (`theirsFile`), and exits 1 when a case is over its budget, a file is missing (build
 * first), or `readme`'s size table does not give the figures measured (each case's `row` names its row there; run with
 * `--write` to rewrite them).
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
  readme,
}) {
  for (const file of [...files, theirsFile]) {
    if (!existsSync(file)) {
      console.error(`✖ ${file} is missing: build first (pnpm --filter ${name} run build).`);
      process.exit(1);
    }
  }
  const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
  const rows = [];
  const measured = [];
  let over = 0;
  for (const c of cases) {
    const mine = await gzipSize(esbuild, ...c.ours, esbuildOptions);
    const official = c.theirs ? await gzipSize(esbuild, theirsFile, c.theirs, esbuildOptions) : undefined;
    const ok = mine <= c.budget * 1000;
    if (!ok) over++;
    if (c.row)
      measured.push({
        row: c.row,
        figures: [kb(mine), official === undefined ? "(none)" : kb(official), `${c.budget} KB`],
      });
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
  const problems = readme ? checkReadme(readme, measured, process.argv.includes("--write")) : [];
  if (problems.length) {
    console.error(`\n✖ The README's size table is not what was measured (pnpm size -- --write rewrites it):`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
}
