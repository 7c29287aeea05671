// What the largest transformations the default limits allow cost the server: one fresh emulator process per case
// (so its peak RSS, VmHWM from /proc/<pid>/status, is that case's alone), a 640×480 JPEG, one request each. Bounded:
// every case ends within transformTimeoutMs (10 s). Run after a build: `node bench/transform-memory.bench.mjs`.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import sharp from "sharp";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const KEY = "private_bench";
const auth = `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;
const CASES = [
  "w-300", // an ordinary thumbnail, for scale
  "w-5000,dpr-5", // refused: 468.8 megapixels
  "w-10000,h-10000", // 100 megapixels of JPEG, the most maxOutputPixels allows
  "w-10000,h-10000,f-png",
  "w-7000,h-7000,rt-45", // a 45° turn of 49 megapixels: a 98-megapixel canvas
  "w-5000,h-5000,f-avif", // 25 megapixels, the most AVIF may have
  "w-6000,h-6000,f-avif", // refused: over 25 megapixels of AVIF
  "w-5000,h-5000,f-webp",
];

const memory = (pid, field) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;
const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 40, b: 40 } } })
  .jpeg()
  .toBuffer();

for (const tr of CASES) {
  const child = spawn(process.execPath, [CLI, "--port", "0", "--private-key", KEY], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const lines = createInterface({ input: child.stdout });
    const apiBase = await new Promise((done) =>
      lines.on("line", (line) => {
        const match = /API base:\s+(\S+)/.exec(line);
        if (match) done(match[1]);
      }),
    );
    const form = new FormData();
    form.append("file", new Blob([jpeg]));
    form.append("fileName", "a.jpg");
    form.append("useUniqueFileName", "false");
    await fetch(`${apiBase}/api/v1/files/upload`, { method: "POST", body: form, headers: { authorization: auth } });
    const before = memory(child.pid, "VmRSS");
    const started = performance.now();
    const response = await fetch(`${apiBase}/emulator/tr:${tr}/a.jpg`);
    const bytes = (await response.arrayBuffer()).byteLength;
    console.log(
      JSON.stringify({
        tr,
        status: response.status,
        bytes,
        ms: Math.round(performance.now() - started),
        rssBeforeMB: Math.round(before),
        peakMB: Math.round(memory(child.pid, "VmHWM")),
      }),
    );
  } finally {
    child.kill("SIGKILL");
  }
}
