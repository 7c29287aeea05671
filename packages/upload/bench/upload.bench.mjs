// Benchmark of @ikit/upload in Chromium against the emulator on loopback (bounded: ~55 uploads, stops by itself).
//   1. A 10 MB file through upload() vs a bare XMLHttpRequest posting the same form: median of interleaved rounds.
//   2. JS heap growth while upload() sends a 100 MB Blob: V8's used heap sampled over CDP during the upload.
// Run after `pnpm build` (core, emulator, upload): `pnpm --filter @ikit/upload bench`.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { getAuthenticationParameters } from "@ikit/core";
import { startEmulator } from "@ikit/emulator";
import { chromium } from "playwright-core";

const ROUNDS = 25;
const dist = resolve(import.meta.dirname, "../dist/index.js");
const emu = await startEmulator({ port: 0 });
const page = `<!doctype html><link rel="icon" href="data:,"><script type="module">
import { upload } from "/upload.js";
window.upload = upload;
</script>`;
const server = createServer((req, res) => {
  if (req.url === "/upload.js") res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync(dist));
  else res.writeHead(200, { "content-type": "text/html" }).end(page);
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
try {
  const tab = await browser.newPage();
  await tab.exposeFunction("issueToken", () => getAuthenticationParameters({ privateKey: emu.privateKey }));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => typeof window.upload === "function");

  const times = await tab.evaluate(
    async ({ uploadUrl, publicKey, rounds }) => {
      const bytes = new Uint8Array(10 * 1024 * 1024);
      for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
      const file = new Blob([bytes], { type: "application/octet-stream" });
      const bare = async () => {
        const form = new FormData();
        for (const [k, v] of Object.entries({ fileName: "bare.bin", publicKey, ...(await window.issueToken()) }))
          form.append(k, String(v));
        form.append("file", file, "bare.bin");
        await new Promise((ok, fail) => {
          const xhr = new XMLHttpRequest();
          xhr.open("POST", uploadUrl);
          xhr.onload = () => (xhr.status === 200 ? ok() : fail(new Error(xhr.responseText)));
          xhr.onerror = fail;
          xhr.send(form);
        });
      };
      const ours = () =>
        window.upload(file, { fileName: "ours.bin", publicKey, endpoint: uploadUrl, authenticator: window.issueToken });
      await bare();
      await ours(); // warm both paths (CORS preflight cache, connections)
      const result = { bare: [], ours: [] };
      for (let i = 0; i < rounds; i++) {
        for (const [name, run] of i % 2
          ? [
              ["bare", bare],
              ["ours", ours],
            ]
          : [
              ["ours", ours],
              ["bare", bare],
            ]) {
          const start = performance.now();
          await run();
          result[name].push(performance.now() - start);
        }
      }
      return result;
    },
    { uploadUrl: emu.uploadUrl, publicKey: emu.publicKey, rounds: ROUNDS },
  );
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = (label, xs, base) =>
    `  ${label.padEnd(20)} median ${median(xs).toFixed(1)} ms, best ${Math.min(...xs).toFixed(1)} ms` +
    (base
      ? `   (median ${((median(xs) / median(base) - 1) * 100).toFixed(1)}%, best ${((Math.min(...xs) / Math.min(...base) - 1) * 100).toFixed(1)}% vs bare)`
      : "");
  console.log(`10 MB upload, ${ROUNDS} interleaved rounds (on a loaded machine the best round is the steadier figure)`);
  console.log(row("bare XMLHttpRequest", times.bare));
  console.log(row("upload()", times.ours, times.bare));
  const ratio = median(times.ours) / median(times.bare);
  console.log(`  target (median within 5% of bare): ${ratio <= 1.05 ? "met" : "not met"}`);

  // 2. Heap growth during a 100 MB upload. The Blob's bytes live in the browser's blob store, not the JS heap.
  const cdp = await tab.context().newCDPSession(tab);
  await tab.evaluate(() => {
    const chunk = new Uint8Array(1024 * 1024);
    window.big = new Blob(Array.from({ length: 100 }, (_, i) => chunk.fill(i).slice()));
  });
  await cdp.send("HeapProfiler.collectGarbage");
  const before = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  let peak = before;
  const sending = tab.evaluate(
    ({ uploadUrl, publicKey }) =>
      window.upload(window.big, {
        fileName: "big.bin",
        publicKey,
        endpoint: uploadUrl,
        authenticator: window.issueToken,
      }),
    { uploadUrl: emu.uploadUrl, publicKey: emu.publicKey },
  );
  let done = false;
  sending.finally(() => {
    done = true;
  });
  while (!done) {
    peak = Math.max(peak, (await cdp.send("Runtime.getHeapUsage")).usedSize);
    await new Promise((ok) => setTimeout(ok, 10));
  }
  const result = await sending;
  if (result.size !== 100 * 1024 * 1024) throw new Error(`100 MB upload stored ${result.size} bytes`);
  console.log(
    `100 MB upload: JS heap ${(before / 1e6).toFixed(2)} MB before, peak growth ${((peak - before) / 1e6).toFixed(3)} MB`,
  );
  if (peak - before > 1e6) {
    console.error("✖ heap grew by more than 1 MB during the upload");
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
  await emu.close();
}
