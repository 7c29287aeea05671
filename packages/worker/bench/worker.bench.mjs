// `pnpm bench`: requests/s, p99 and CPU time per request of our image route vs a bare pass-through Worker, both under
// `wrangler dev` on 127.0.0.1 in front of the same local origin, with autocannon (-d 3 -c 10, at most 3,000 requests a
// run): once with a warm cache (one URL) and once with every request a cache miss (a new path each time), in 5
// alternating rounds whose medians and ranges are reported. A second baseline, the pass-through plus one Cache API
// lookup and write (bench/passthrough-cache.ts), shows what the local Cache API itself costs a miss. Not a test: it
// prints figures. Wrangler's local state (its Cache API simulation) goes to /dev/shm when there is one (IKIT_BENCH_TMP
// overrides): on disk, local cache writes measure the disk, not the worker.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startWranglerDev, workerdCpuSeconds } from "./wrangler-dev.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const DURATION = 3;
const MAX_REQUESTS = 3000;
const ROUNDS = 5;
const CONNECTIONS = 10;
const BODY = randomBytes(20 * 1024); // a 20 KiB "image"

if (!existsSync(resolve(here, "../../core/dist/index.js"))) {
  console.error("build first: @ikit/core has no dist/ (pnpm --filter @ikit/core run build)");
  process.exit(1);
}

/** The local origin both workers fetch from: the same 20 KiB for every path. */
async function startOrigin() {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "image/jpeg", "content-length": BODY.length, etag: '"bench"' }).end(BODY);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", () => r(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

/** One bounded autocannon run; `path(n)` gives the n-th request's path. */
async function load(url, path, pgid) {
  let n = 0;
  const cpuBefore = await workerdCpuSeconds(pgid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    maxOverallRequests: MAX_REQUESTS,
    requests: [{ setupRequest: (request) => ({ ...request, path: path(n++) }) }],
  });
  const cpu = (await workerdCpuSeconds(pgid)) - cpuBefore;
  const total = result.requests.total;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuMsPerRequest: total ? (cpu * 1000) / total : Number.NaN,
    errors: result.errors + result.non2xx,
    total,
  };
}

const origin = await startOrigin();
const folder = await mkdtemp(
  join(process.env.IKIT_BENCH_TMP ?? (existsSync("/dev/shm") ? "/dev/shm" : tmpdir()), "ikit-worker-bench-"),
);
const envFile = join(folder, ".dev.vars");
await writeFile(envFile, `IMAGEKIT_PRIVATE_KEY=private_bench_${randomBytes(8).toString("hex")}\n`);
const run = Date.now().toString(36);
const warmPath = (prefix) => () => `${prefix}/bench/warm.jpg?w=640`;
let round = 0;
const missPath = (prefix) => (n) => `${prefix}/bench/${run}-${round}-${n}.jpg?w=640`;
/** @type {Record<"bare" | "bareCache" | "ours" | "uncached", Record<"warm" | "miss", Array<Awaited<ReturnType<typeof load>>>>>} */
const results = {
  bare: { warm: [], miss: [] },
  bareCache: { warm: [], miss: [] },
  ours: { warm: [], miss: [] },
  uncached: { warm: [], miss: [] },
};
// The same worker with cache writes off (ttlSeconds and staleSeconds 0): what a miss costs without the Cache API.
const UNCACHED = JSON.stringify({
  allow: { paths: ["/bench/"], widths: [640] },
  cache: { ttlSeconds: 0, staleSeconds: 0 },
});
const devs = [];
try {
  // Both run side by side and the runs alternate, so load from elsewhere on the machine hits both alike.
  const [bare, bareCache, ours, uncached] = await Promise.all([
    startWranglerDev({
      config: join(here, "passthrough.jsonc"),
      vars: { ORIGIN: origin.url },
      persistTo: join(folder, "bare"),
    }),
    startWranglerDev({
      config: join(here, "passthrough-cache.jsonc"),
      vars: { ORIGIN: origin.url },
      persistTo: join(folder, "bare-cache"),
    }),
    startWranglerDev({
      config: join(here, "ours.jsonc"),
      vars: { IMAGEKIT_URL_ENDPOINT: `${origin.url}/ik` },
      envFile,
      persistTo: join(folder, "ours"),
    }),
    startWranglerDev({
      config: join(here, "ours.jsonc"),
      vars: { IMAGEKIT_URL_ENDPOINT: `${origin.url}/ik`, IKIT_CONFIG: UNCACHED },
      envFile,
      persistTo: join(folder, "uncached"),
    }),
  ]);
  devs.push(bare, bareCache, ours, uncached);
  await load(bare.url, warmPath(""), bare.pid); // warm-up runs, not reported
  await load(ours.url, warmPath("/img"), ours.pid);
  for (round = 0; round < ROUNDS; round++) {
    results.bare.warm.push(await load(bare.url, warmPath(""), bare.pid));
    results.ours.warm.push(await load(ours.url, warmPath("/img"), ours.pid));
    results.bare.miss.push(await load(bare.url, missPath(""), bare.pid));
    results.bareCache.miss.push(await load(bareCache.url, missPath(""), bareCache.pid));
    results.ours.miss.push(await load(ours.url, missPath("/img"), ours.pid));
    results.uncached.miss.push(await load(uncached.url, missPath("/img"), uncached.pid));
  }
} finally {
  await Promise.all(devs.map((dev) => dev.stop()));
  await origin.close();
  await rm(folder, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** "median (min–max)" of `values`, each shown by `format`. */
function spread(values, format) {
  const sorted = [...values].sort((a, b) => a - b);
  return `${format(median(values))} (${format(sorted[0])}–${format(sorted[sorted.length - 1])})`;
}
const ms = (value) => value.toFixed(2);
const percent = (value) => `${Math.round(100 * value)} %`;
/** One table row: medians and ranges over the rounds; ratios are per round, to `base`'s run of the same round. */
function row(label, runs, base, cacheBase) {
  const ratio = (to) =>
    to
      ? spread(
          runs.map((r, i) => r.rps / to[i].rps),
          percent,
        )
      : "";
  const errors = runs.reduce((sum, r) => sum + r.errors, 0);
  return `| ${label} | ${Math.round(median(runs.map((r) => r.rps)))} | ${median(runs.map((r) => r.p99))} ms | ${spread(
    runs.map((r) => r.cpuMsPerRequest),
    ms,
  )} ms | ${ratio(base) || "100 %"} | ${ratio(cacheBase)} | ${errors} |`;
}
const { bare, bareCache, ours, uncached } = results;
console.log(
  `\nautocannon -d ${DURATION} -c ${CONNECTIONS} (at most ${MAX_REQUESTS} requests a run), ${ROUNDS} alternating rounds (median (min–max)), against wrangler dev on 127.0.0.1; origin a local 20 KiB server\n`,
);
console.log(
  "| worker, cache | requests/s | p99 | workerd CPU per request | of pass-through | of pass-through + Cache API | errors |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
console.log(row("pass-through, one URL", bare.warm));
console.log(row("@ikit/worker, warm cache (HIT)", ours.warm, bare.warm));
console.log(row("pass-through, a new URL each request", bare.miss));
console.log(row("pass-through + Cache API lookup and write, every request a miss", bareCache.miss, bare.miss));
console.log(row("@ikit/worker, every request a miss", ours.miss, bare.miss, bareCache.miss));
console.log(row("@ikit/worker, cache writes off, every request a miss", uncached.miss, bare.miss));
const failed = Object.values(results).some((r) => [...r.warm, ...r.miss].some((run) => run.errors > 0));
if (failed) {
  console.error("\nsome requests failed: the figures above are not comparable");
  process.exitCode = 1;
}
