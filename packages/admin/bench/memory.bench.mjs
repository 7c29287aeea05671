// Memory of a 200 MB streamed upload, and of iterateFiles over 10,000 files, against the emulator in a child process (so its memory is not counted):
// the heap the client retains while iterating page by page, beside collecting every page into one array.
// Run: pnpm --filter @ikit/admin run bench   (builds first: needs packages/admin/dist and packages/emulator/dist)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const here = import.meta.dirname;
const cli = resolve(here, "../../emulator/dist/cli.js");
const dist = resolve(here, "../dist/index.js");
for (const file of [cli, dist]) if (!existsSync(file)) throw new Error(`build first: ${file} is missing (pnpm build)`);
if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc");
const { AdminClient } = await import(dist);

const FILES = Number(process.env.FILES ?? 10_000);
const privateKey = `private_bench_${Date.now()}`;
const child = spawn(process.execPath, [cli, "--port", "0", "--private-key", privateKey], {
  stdio: ["ignore", "pipe", "inherit"],
});
const apiBase = await new Promise((resolveBase, reject) => {
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
    const match = /API base:\s+(\S+)/.exec(out);
    if (match) resolveBase(match[1]);
  });
  child.on("exit", () => reject(new Error(`emulator exited: ${out}`)));
  setTimeout(() => reject(new Error("emulator did not start in 20 s")), 20_000);
});
const admin = new AdminClient({ privateKey, apiBase, uploadUrl: `${apiBase}/api/v1/files/upload` });

try {
  // A 200 MB upload from an async iterable of 1 MB chunks (reused, so the source itself holds 1 MB): the client's
  // peak RSS growth shows whether anything buffers the file.
  const MB = 2 ** 20;
  const chunk = new Uint8Array(MB).fill(1);
  async function* source() {
    for (let i = 0; i < 200; i++) yield chunk;
  }
  gc();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const u0 = performance.now();
  const big = await admin.upload({ file: source(), fileName: "big.bin", useUniqueFileName: false });
  clearInterval(sampler);
  if (big.size !== 200 * MB) throw new Error(`uploaded ${big.size} bytes`);
  console.log(
    `200 MB streamed upload in ${((performance.now() - u0) / 1000).toFixed(2)} s, client peak RSS +${((rssPeak - rssBefore) / MB).toFixed(0)} MB`,
  );

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < FILES) {
        const n = next++;
        await admin.upload({
          file: new Blob([String(n % 10)]),
          fileName: `f${n}.txt`,
          folder: "/bench",
          useUniqueFileName: false,
        });
      }
    }),
  );
  console.log(`uploaded ${FILES} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  for (const limit of [100, 1000]) {
    const base = heap();
    let peak = 0;
    let count = 0;
    const t0 = performance.now();
    for await (const item of admin.iterateFiles({ path: "/bench", type: "file", limit })) {
      if (++count % limit === 0) peak = Math.max(peak, heap() - base);
      if (!item.name) throw new Error("an item without a name");
    }
    const iterMs = performance.now() - t0;
    if (count !== FILES) throw new Error(`iterated ${count} of ${FILES}`);
    const all = [];
    for await (const item of admin.iterateFiles({ path: "/bench", type: "file", limit })) all.push(item);
    const held = heap() - base;
    console.log(
      `limit=${limit}: iterateFiles ${count} items in ${(iterMs / 1000).toFixed(2)} s, peak retained heap ${(peak / 1024).toFixed(0)} KiB; all items collected in an array: ${(held / 1024).toFixed(0)} KiB`,
    );
    all.length = 0;
  }
} finally {
  child.kill();
}
