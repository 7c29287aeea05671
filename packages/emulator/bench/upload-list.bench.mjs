// Benchmark of @ikit/emulator on loopback (bounded in count and time, stops by itself):
//   1. 1,000 uploads of ~100 KB JPEGs at concurrency 16: files/s, p50/p99 latency, server peak RSS.
//   2. Fill the library to 10,000 files, then list it page by page (limit 1000 and limit 100): p50/p99 per page.
//   3. One 200 MB upload streamed from the client: the server's peak RSS growth while it streams to disk.
// The server runs in a child process; its memory is read from /proc/<pid>/status (VmRSS, VmHWM).
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createInterface } from "node:readline";
import sharp from "sharp";

const DEADLINE = Date.now() + 240_000;
const MB = 1024 * 1024;

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

function resetPeak(pid) {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50).toFixed(1), p99: percentile(sorted, 99).toFixed(1) };
}

async function runPool(count, concurrency, task) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        if (Date.now() > DEADLINE) throw new Error("benchmark deadline passed");
        const index = next++;
        const t0 = performance.now();
        await task(index);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

const child = spawn(process.execPath, [new URL("./server.mjs", import.meta.url).pathname], {
  stdio: ["ignore", "pipe", "inherit"],
});
const server = JSON.parse(
  await new Promise((resolve) => createInterface({ input: child.stdout }).once("line", resolve)),
);
const auth = `Basic ${Buffer.from(`${server.privateKey}:`).toString("base64")}`;
const results = {};

try {
  async function upload(bytes, fileName, type) {
    const form = new FormData();
    form.append("file", new Blob([bytes], { type }));
    form.append("fileName", fileName);
    form.append("folder", "/bench");
    const response = await fetch(server.uploadUrl, { method: "POST", body: form, headers: { authorization: auth } });
    if (response.status !== 200) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }

  // ~100 KB JPEG of noise: a real image, so every upload goes through sharp's header read.
  let jpeg = Buffer.alloc(0);
  for (let side = 200; jpeg.length < 100 * 1024; side += 20) {
    jpeg = await sharp({
      create: { width: side, height: side, channels: 3, noise: { type: "gaussian", mean: 128, sigma: 50 } },
    })
      .jpeg({ quality: 92 })
      .toBuffer();
  }
  resetPeak(server.pid);
  const before = memory(server.pid);
  const uploads = await runPool(1000, 16, (i) => upload(jpeg, `photo-${i}.jpg`, "image/jpeg"));
  results.uploads = {
    files: 1000,
    fileKB: Math.round(jpeg.length / 1024),
    concurrency: 16,
    filesPerSecond: Math.round(1000 / uploads.seconds),
    ...summary(uploads.latencies),
    serverRssMB: Math.round(memory(server.pid).rss),
    serverPeakMB: Math.round(memory(server.pid).peak),
    serverRssBeforeMB: Math.round(before.rss),
  };
  console.log("uploads", results.uploads);

  const tiny = Buffer.from("x");
  const fill = await runPool(9000, 16, (i) => upload(tiny, `tiny-${i}.txt`, "text/plain"));
  results.fill = { files: 9000, filesPerSecond: Math.round(9000 / fill.seconds) };
  console.log("fill to 10,000", results.fill);

  for (const limit of [1000, 100]) {
    resetPeak(server.pid);
    const latencies = [];
    let total = 0;
    const started = performance.now();
    for (let skip = 0; ; skip += limit) {
      if (Date.now() > DEADLINE) throw new Error("benchmark deadline passed");
      const t0 = performance.now();
      const response = await fetch(`${server.apiBase}/v1/files?path=/bench&limit=${limit}&skip=${skip}`, {
        headers: { authorization: auth },
      });
      const page = await response.json();
      latencies.push(performance.now() - t0);
      total += page.length;
      if (page.length < limit) break;
    }
    const seconds = (performance.now() - started) / 1000;
    if (total !== 10000) throw new Error(`listing found ${total} files, expected 10000`);
    results[`list${limit}`] = {
      pages: latencies.length,
      files: total,
      seconds: seconds.toFixed(2),
      ...summary(latencies),
      serverPeakMB: Math.round(memory(server.pid).peak),
    };
    console.log(`list limit=${limit}`, results[`list${limit}`]);
  }

  // 200 MB streamed in 1 MB chunks, never held whole by the client either.
  resetPeak(server.pid);
  const baseline = memory(server.pid).rss;
  const size = 200 * MB;
  const boundary = "ikitbench";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\nbig.bin\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(MB, 7);
  const t0 = performance.now();
  const big = await new Promise((resolve, reject) => {
    const req = request(server.uploadUrl, {
      method: "POST",
      headers: {
        authorization: auth,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": head.length + size + tail.length,
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode, body: JSON.parse(body) }));
    });
    req.on("error", reject);
    req.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += MB;
        if (!req.write(chunk)) return req.once("drain", pump);
      }
      req.end(tail);
    };
    pump();
  });
  if (big.status !== 200 || big.body.size !== size) throw new Error(`200 MB upload failed: ${JSON.stringify(big)}`);
  const after = memory(server.pid);
  results.bigUpload = {
    sizeMB: 200,
    seconds: ((performance.now() - t0) / 1000).toFixed(2),
    serverRssBeforeMB: Math.round(baseline),
    serverPeakDuringMB: Math.round(after.peak),
    peakGrowthMB: Math.round(after.peak - baseline),
  };
  console.log("200 MB upload", results.bigUpload);
  if (results.bigUpload.peakGrowthMB > 64)
    throw new Error(`the 200 MB upload grew server RSS by ${results.bigUpload.peakGrowthMB} MB`);
  console.log(JSON.stringify(results));
} finally {
  child.kill("SIGTERM");
}
