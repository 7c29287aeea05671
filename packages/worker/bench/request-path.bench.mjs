// Part of `pnpm bench`: the CPU time of the worker's own JavaScript per image request, without I/O. Runs
// bench/request-path.ts under `wrangler dev` on 127.0.0.1 and asks it, in 5 alternating rounds, to push 20,000
// requests through `createImageWorker` in redirect mode (routing, checks, URL building, signature, 302 response) or
// only to build them (the baseline). The workerd CPU time of each batch, the baseline's subtracted, divided by the
// requests, is what the worker's code costs a request; beside a miss's total (`bench/worker.bench.mjs`) it shows how
// much of that total is the worker's and how much the runtime's fetch and Cache API calls. Not a test: it prints.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startWranglerDev, workerdCpuSeconds } from "./wrangler-dev.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const REQUESTS = 20_000;
const ROUNDS = 5;

if (!existsSync(resolve(here, "../../core/dist/index.js"))) {
  console.error("build first: @ikit/core has no dist/ (pnpm --filter @ikit/core run build)");
  process.exit(1);
}

const dev = await startWranglerDev({
  config: join(here, "request-path.jsonc"),
  vars: { IMAGEKIT_PRIVATE_KEY: `private_bench_${randomBytes(8).toString("hex")}` },
});
/** Workerd CPU milliseconds of one batch of `n` requests (`op` "worker" or "baseline"). */
async function batch(op, n) {
  const before = await workerdCpuSeconds(dev.pid);
  const response = await fetch(`${dev.url}/?op=${op}&n=${n}`, { signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  if (text !== String(n)) throw new Error(`the ${op} batch failed: ${response.status} ${text.slice(0, 300)}`);
  return ((await workerdCpuSeconds(dev.pid)) - before) * 1000;
}
const perRequestUs = [];
try {
  await batch("worker", 2000); // warm-up, not reported
  await batch("baseline", 2000);
  for (let round = 0; round < ROUNDS; round++) {
    const worker = await batch("worker", REQUESTS);
    const baseline = await batch("baseline", REQUESTS);
    perRequestUs.push(((worker - baseline) * 1000) / REQUESTS);
  }
} finally {
  await dev.stop();
}
const sorted = [...perRequestUs].sort((a, b) => a - b);
console.log(
  `\nthe worker's own code per image request (redirect mode, no I/O), ${ROUNDS} rounds of ${REQUESTS} requests: ` +
    `${sorted[Math.floor(ROUNDS / 2)].toFixed(1)} µs median (${sorted[0].toFixed(1)}–${sorted[ROUNDS - 1].toFixed(1)} µs) of workerd CPU`,
);
