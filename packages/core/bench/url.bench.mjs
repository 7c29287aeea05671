// `pnpm bench` (in packages/core, after `pnpm build`; on an idle machine): @ikit/core against ImageKit's official
// builders, case by case, in one process. Each case's contenders must build the same URL before they are timed;
// the ratio is the fastest official builder's time over ours, each its fastest sample. Issue 7 asks ≥ 5x for every case.
import { buildSrc as v5BuildSrc } from "@imagekit/javascript";
import ImageKitNode from "@imagekit/nodejs";
import ImageKitLegacy from "imagekit";
import { bench, do_not_optimize, group, run, summary } from "mitata";
import { buildSrc, signUrlSync, url } from "../dist/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";
const privateKey = "private_bench_key";
const node = new ImageKitNode({ privateKey });
const legacy = new ImageKitLegacy({ publicKey: "public_bench", privateKey, urlEndpoint });
const TARGET = 5;

const text = (value) => ({ overlay: { type: "text", text: value, position: { x: 10, y: 20 } } });
const image = (input) => ({ overlay: { type: "image", input, transformation: [{ width: 100 }] } });

/** Each case: buildSrc options (url() gets the same with `path`), in both positions where it matters. */
const CASES = [
  ["plain", "query", [{ width: 300, height: 200 }]],
  ["chain", "path", [{ width: 400, height: 300 }, { rotation: 90 }, { quality: 80 }]],
  ["expressions", "path", [{ width: "iw_div_4", height: "ih_mul_0.5", border: "cw_mul_0.05_yellow" }]],
  ["text overlay, spaces, path", "path", [{ width: 800 }, text("Summer sale 50%")]],
  ["text overlay, spaces, query", "query", [{ width: 800 }, text("Summer sale 50%")]],
  ["text overlay, Unicode, path", "path", [{ width: 800 }, text("Größe 日本 👋")]],
  ["text overlay, Unicode, query", "query", [{ width: 800 }, text("Größe 日本 👋")]],
  ["image overlay, spaces, path", "path", [image("/logos/brand mark.png")]],
  ["image overlay, Unicode, query", "query", [image("/logos/marké ü.png")]],
].map(([name, transformationPosition, transformation]) => ({
  name,
  options: { urlEndpoint, src: "/products/shoe.jpg", transformationPosition, transformation },
}));

function same(label, ours, theirs) {
  if (ours !== theirs) throw new Error(`${label}: ours ${ours} ≠ official ${theirs}`);
}

const OFFICIAL_BUILDSRC = {
  "@imagekit/javascript buildSrc": (options) => v5BuildSrc(options),
  "@imagekit/nodejs helper.buildSrc": (options) => node.helper.buildSrc(options),
};

const rows = [];
for (const { name, options } of CASES) {
  const ours = buildSrc(options);
  same(`${name} (v5)`, ours, v5BuildSrc(structuredClone(options)));
  // @imagekit/nodejs writes a space in a layer's path unescaped (a divergence the README lists): not timed there.
  const officials = Object.keys(OFFICIAL_BUILDSRC).filter(
    (official) => OFFICIAL_BUILDSRC[official](structuredClone(options)) === ours,
  );
  rows.push({ name: `${name}: buildSrc`, ours: `@ikit/core buildSrc · ${name}`, officials, name0: name });
  group(name, () => {
    summary(() => {
      bench(`@ikit/core buildSrc · ${name}`, () => do_not_optimize(buildSrc({ ...options })));
      for (const official of officials) {
        const build = OFFICIAL_BUILDSRC[official];
        bench(`${official} · ${name}`, () => do_not_optimize(build({ ...options })));
      }
    });
  });
}

// url(): the Node.js SDK dialect, against imagekit 6 (its only official counterpart), transformation in the path.
// imagekit 6 has no typed overlays: its layers are `raw` strings.
const URL_CASES = [
  ["plain", [{ width: 300, height: 200 }]],
  ["chain", [{ width: 400, height: 300 }, { rotation: 90 }, { quality: 80 }]],
  ["expressions", [{ width: "iw_div_4", height: "ih_mul_0.5", border: "cw_mul_0.05_yellow" }]],
  ["raw text layer, spaces", [{ width: 800 }, { raw: "l-text,i-Summer sale,fs-40,lx-10,l-end" }]],
  ["raw text layer, Unicode", [{ width: 800 }, { raw: "l-text,i-Größe 日本,fs-40,l-end" }]],
];
for (const [name, transformation] of URL_CASES) {
  const options = { path: "/products/shoe.jpg", transformation };
  same(`${name} (imagekit 6)`, url({ urlEndpoint, ...options }), legacy.url(structuredClone(options)));
  rows.push({ name: `${name}: url`, ours: `@ikit/core url · ${name}`, officials: ["imagekit (v6) url"], name0: name });
  group(`url · ${name}`, () => {
    bench(`@ikit/core url · ${name}`, () => do_not_optimize(url({ urlEndpoint, ...options })));
    bench(`imagekit (v6) url · ${name}`, () => do_not_optimize(legacy.url({ ...options })));
  });
}

// Signed, with an expiry: ours signs what buildSrc built; the official Node packages sign inside their builder.
{
  const name = "signed";
  const options = CASES[1].options;
  const { src, urlEndpoint: _, ...rest } = options;
  group(name, () => {
    bench(`@ikit/core signUrlSync(buildSrc) · ${name}`, () =>
      do_not_optimize(signUrlSync(buildSrc({ ...options }), { urlEndpoint, privateKey, expireSeconds: 300 })),
    );
    bench(`@imagekit/nodejs helper.buildSrc · ${name}`, () =>
      do_not_optimize(node.helper.buildSrc({ ...options, signed: true, expiresIn: 300 })),
    );
    bench(`imagekit (v6) url · ${name}`, () =>
      do_not_optimize(legacy.url({ ...rest, path: src, signed: true, expireSeconds: 300 })),
    );
  });
  rows.push({
    name: `${name}: signUrlSync(buildSrc)`,
    ours: `@ikit/core signUrlSync(buildSrc) · ${name}`,
    officials: ["@imagekit/nodejs helper.buildSrc", "imagekit (v6) url"],
    name0: name,
  });
}

const { benchmarks } = await run({ format: "mitata", colors: false });
// Each contender's fastest sample (a sample is the mean of a batch of calls), not the mean of all: load from other
// processes only ever adds time, and on a shared machine it pulls the mean (and even the median) of either side off.
const best = Object.fromEntries(benchmarks.map((b) => [b.alias, b.runs[0].stats.min]));
const ns = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} µs` : `${value.toFixed(0)} ns`);

console.log("\n| case | @ikit/core | fastest official | ratio |\n| --- | --- | --- | --- |");
let slowest = Number.POSITIVE_INFINITY;
for (const row of rows) {
  const [fastest] = row.officials
    .map((official) => [official, best[`${official} · ${row.name0}`]])
    .sort((a, b) => a[1] - b[1]);
  const ratio = fastest[1] / best[row.ours];
  slowest = Math.min(slowest, ratio);
  console.log(`| ${row.name} | ${ns(best[row.ours])} | ${fastest[0]} ${ns(fastest[1])} | ${ratio.toFixed(1)}x |`);
}
console.log(`\nSlowest case: ${slowest.toFixed(1)}x faster than the fastest official builder (target ≥ ${TARGET}x).`);
if (slowest < TARGET) process.exitCode = 1;
