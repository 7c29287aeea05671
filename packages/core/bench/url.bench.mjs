// `pnpm bench` (in packages/core, after `pnpm build`): @ikit/core against ImageKit's official packages on one mixed
// workload, in one process, with ratios. Run on an idle machine; numbers are per URL.
import { buildSrc as v5BuildSrc } from "@imagekit/javascript";
import ImageKitNode from "@imagekit/nodejs";
import ImageKitLegacy from "imagekit";
import { bench, do_not_optimize, group, run } from "mitata";
import { buildSrc, signUrl, signUrlSync, url } from "../dist/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";
const privateKey = "private_bench_key";

// The mixed workload: path and query position, a two-step chain, one overlay, one arithmetic expression.
const workload = [
  { src: "/products/shoe.jpg", transformationPosition: "query", transformation: [{ width: 300, height: 200 }] },
  {
    src: "/products/shoe.jpg",
    transformationPosition: "path",
    transformation: [{ width: 400, height: 300 }, { rotation: 90 }],
  },
  {
    src: "/banners/sale.png",
    transformationPosition: "query",
    transformation: [{ width: 800 }, { overlay: { type: "text", text: "Sale 50%", position: { x: 10, y: 20 } } }],
  },
  { src: "/hero.jpg", transformationPosition: "path", transformation: [{ width: "iw_div_4", quality: 80 }] },
].map((options) => ({ urlEndpoint, ...options }));
// url() (Node SDK dialect) takes `path`.
const legacyWorkload = workload.map(({ src, ...rest }) => ({ ...rest, path: src }));

const node = new ImageKitNode({ privateKey });
const legacy = new ImageKitLegacy({ publicKey: "public_bench", privateKey, urlEndpoint });

// Every contender must produce the same URLs before we time it.
for (const options of workload) {
  const ours = buildSrc(options);
  if (ours !== v5BuildSrc(structuredClone(options))) throw new Error(`differs from v5: ${ours}`);
  if (ours !== node.helper.buildSrc(structuredClone(options)))
    throw new Error(`differs from @imagekit/nodejs: ${ours}`);
}

let i = 0;
const next = (list) => list[i++ & 3];

group("unsigned URL", () => {
  bench("@ikit/core buildSrc", () => do_not_optimize(buildSrc(next(workload))));
  bench("@imagekit/javascript buildSrc", () => do_not_optimize(v5BuildSrc({ ...next(workload) })));
  bench("@imagekit/nodejs helper.buildSrc", () => do_not_optimize(node.helper.buildSrc({ ...next(workload) })));
  bench("@ikit/core url", () => do_not_optimize(url(next(legacyWorkload))));
  bench("imagekit (v6) url", () => do_not_optimize(legacy.url({ ...next(legacyWorkload) })));
});

group("signed URL", () => {
  bench("@ikit/core signUrlSync(buildSrc)", () =>
    do_not_optimize(signUrlSync(buildSrc(next(workload)), { urlEndpoint, privateKey, expireSeconds: 300 })),
  );
  bench("@imagekit/nodejs helper.buildSrc signed", () =>
    do_not_optimize(node.helper.buildSrc({ ...next(workload), signed: true, expiresIn: 300 })),
  );
  bench("imagekit (v6) url signed", () =>
    do_not_optimize(legacy.url({ ...next(legacyWorkload), signed: true, expireSeconds: 300 })),
  );
  bench("@ikit/core signUrl (WebCrypto, awaited one by one)", async () =>
    do_not_optimize(await signUrl(buildSrc(next(workload)), { urlEndpoint, privateKey, expireSeconds: 300 })),
  );
});

const { benchmarks } = await run({ format: "mitata", colors: false });
const avg = Object.fromEntries(benchmarks.map((b) => [b.alias, b.runs[0].stats.avg]));
const ratio = (slow, fast) => `${(avg[slow] / avg[fast]).toFixed(1)}x`;
console.log("\nRatios (how many times faster @ikit/core is):");
console.log(
  `  buildSrc vs @imagekit/javascript buildSrc:        ${ratio("@imagekit/javascript buildSrc", "@ikit/core buildSrc")}`,
);
console.log(
  `  buildSrc vs @imagekit/nodejs helper.buildSrc:     ${ratio("@imagekit/nodejs helper.buildSrc", "@ikit/core buildSrc")}`,
);
console.log(`  url vs imagekit (v6) url:                         ${ratio("imagekit (v6) url", "@ikit/core url")}`);
console.log(
  `  signUrlSync vs @imagekit/nodejs signed buildSrc:  ${ratio("@imagekit/nodejs helper.buildSrc signed", "@ikit/core signUrlSync(buildSrc)")}`,
);
console.log(
  `  signUrlSync vs imagekit (v6) signed url:          ${ratio("imagekit (v6) url signed", "@ikit/core signUrlSync(buildSrc)")}`,
);
console.log(
  `  WebCrypto signUrl, awaited one by one:            ${(avg["@ikit/core signUrl (WebCrypto, awaited one by one)"] / 1000).toFixed(1)} µs per URL`,
);
