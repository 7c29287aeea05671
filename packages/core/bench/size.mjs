// `pnpm size` (root, part of `npm test`; after `pnpm build`): what a browser bundle pays for each entry of
// @ikit/core, measured beside @imagekit/javascript 5.5.1 by one method, and checked against the budgets below.
//
// The method (scripts/bundle-size.mjs), identical for ours and theirs: an entry file that re-exports one named
// export, bundled with esbuild, then gzip level 9. Theirs is bundled from its ESM build (`dist/imagekit.esm.js`), the
// best case: resolved by package name with a browser platform, bundlers follow its `browser` field to a UMD build
// that does not tree-shake. 1 KB = 1000 bytes.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import * as esbuild from "esbuild";
import { checkBudgets } from "../../../scripts/bundle-size.mjs";

const root = resolve(import.meta.dirname, "..");
const ours = { main: resolve(root, "dist/index.js"), strict: resolve(root, "dist/strict.js") };
const theirs = resolve(
  dirname(createRequire(import.meta.url).resolve("@imagekit/javascript/package.json")),
  "dist/imagekit.esm.js",
);

// `budget` is enforced (KB); `target` is issue 7's goal where the budget does not meet it yet (see the README).
// +0.03 KB on the URL builders (2026-11-24; budgets round up to the next 10 B): an absolute src's dot segments that
// Node 20's URL parser leaves (`https://x.io/a/.-.//..`) are resolved as the URL standard and browsers do, not folded
// first (a fuzz finding).
// +0.03–0.05 KB on the builders and signing, +0.15 KB on everything (2026-11-24, core-review findings): an endpoint
// with user info refused, a `javascript:` src refused by url(), v5's reading of transformationPosition, the private
// key never echoed by signing, webhook header names in any case, parseUrl's http(s)-only check, fragment and
// one-parameter `?tr=` reading, upload tokens that already expired refused.
const CASES = [
  // +0.05–0.1 KB (core-helpers, review findings 11-16, 24-26): lists past 10,000 items refused by their length,
  // breakpoints checked one by one, no srcSet without a URL, exponent numbers refused in expressions.
  {
    label: "import { buildSrc }",
    row: "`{ buildSrc }`",
    ours: [ours.main, "buildSrc"],
    theirs: "buildSrc",
    budget: 3.16,
    target: 1.6,
  },
  { label: "import { url }", row: "`{ url }`", ours: [ours.main, "url"], budget: 3.37, target: 1.8 },
  {
    label: "import { getResponsiveImageAttributes }",
    row: "`{ getResponsiveImageAttributes }`",
    ours: [ours.main, "getResponsiveImageAttributes"],
    theirs: "getResponsiveImageAttributes",
    budget: 3.75,
    target: 2.0,
  },
  // signUrl: +0.1 KB for refusing a NaN clock, wrong types and lone surrogates with typed errors (core-parse); +0.14 KB
  // (2026-11-24) for never echoing a private key passed in the URL's or the endpoint's place, and refusing a URL as
  // the key (the two swapped).
  { label: "import { signUrl }", row: "`{ signUrl }`", ours: [ours.main, "signUrl"], budget: 1.69 },
  // strict: +0.08 KB and everything +0.02 KB for one list of ImageKit's closed words (vocabulary.ts) that the strict
  // check and parseTransformation share, where each had its own (parse's lacked v5's crop/cropMode literals).
  // strict: +1.04 KB (4.92 → 5.96, 6.05 with the builders' own growth since) for the review's findings and what fuzzing the strict check found (core-strict):
  // plain decimals only, "-" only for bare effects, no URL separators and no blank or padded text in values, layer
  // fields, times, layer depth, step count and transformationPosition checked, each checked value read once into the
  // copy that is built, and messages that say what to write instead.
  {
    label: 'import { buildSrc } from "@ikit/core/strict"',
    row: "`{ buildSrc }` from `@ikit/core/strict`",
    ours: [ours.strict, "buildSrc"],
    budget: 6.15,
  },
  // everything: +1.75 KB for parseTransformation (typed values and overlays read back, verified by rebuilding) and
  // +0.3 KB for the signing and webhook checks of hostile input (core-parse).
  // +0.12 KB for retryAfterMs, which upload and admin share, +0.21 KB for imageSize, which React and Vue share.
  {
    label: "everything (import *)",
    row: "everything (`import *`)",
    ours: [ours.main, "*"],
    theirs: "*",
    budget: 11.67,
    target: 8,
  },
];

await checkBudgets({
  esbuild,
  package: "@ikit/core",
  files: Object.values(ours),
  theirsFile: theirs,
  cases: CASES,
  readme: resolve(root, "README.md"),
});
