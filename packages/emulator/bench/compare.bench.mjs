// Compares two builds of @ikit/emulator on the same work, for a change that must not make it slower:
//   node bench/compare.bench.mjs <dist of build A> [dist of build B, default ./dist]
// Both run in this process, their runs interleaved (A B, B A, …) so machine load falls on both alike, and what is
// compared is the process's CPU time per run (user + system, all threads), which load disturbs far less than the wall
// clock. Medians of several runs: JPEG uploads, listing 10,000 files at limit 100 and 1000, one 200 MB upload.
// Bounded: stops with an error after 300 s.
import { request } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";

const [pathA, pathB = "dist"] = process.argv.slice(2);
if (!pathA) {
  console.error("usage: node bench/compare.bench.mjs <dist of build A> [dist of build B, default ./dist]");
  process.exit(2);
}
const DEADLINE = Date.now() + 300_000;
const MB = 1024 * 1024;
const load = async (dist) => (await import(pathToFileURL(resolve(dist, "index.js")).href)).startEmulator;
const builds = { A: await load(pathA), B: await load(pathB) };
const emus = {
  A: await builds.A({ port: 0, log: () => {} }),
  B: await builds.B({ port: 0, log: () => {} }),
};
const auth = (emu) => `Basic ${Buffer.from(`${emu.privateKey}:`).toString("base64")}`;

function checkDeadline() {
  if (Date.now() > DEADLINE) throw new Error("comparison deadline passed");
}

/** CPU seconds `work` took in this process. */
async function cpuSeconds(work) {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

async function uploadAll(emu, count, bytes, prefix) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        checkDeadline();
        const i = next++;
        const form = new FormData();
        form.append("file", new Blob([bytes]));
        form.append("fileName", `${prefix}${i}.jpg`);
        form.append("folder", "/bench");
        const response = await fetch(emu.uploadUrl, {
          method: "POST",
          body: form,
          headers: { authorization: auth(emu) },
        });
        if (response.status !== 200) throw new Error(`upload answered ${response.status}`);
        await response.arrayBuffer();
      }
    }),
  );
}

async function listAll(emu, limit) {
  for (let skip = 0; ; skip += limit) {
    checkDeadline();
    const response = await fetch(`${emu.apiBase}/v1/files?path=/bench&limit=${limit}&skip=${skip}`, {
      headers: { authorization: auth(emu) },
    });
    if ((await response.json()).length < limit) return;
  }
}

function bigUpload(emu) {
  const boundary = "ikitcompare";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\nbig.bin\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(MB, 7);
  return new Promise((done, fail) => {
    const headers = {
      authorization: auth(emu),
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": head.length + 200 * MB + tail.length,
    };
    const req = request(emu.uploadUrl, { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? done() : fail(new Error(`200 MB upload: ${res.statusCode}`))));
    });
    req.on("error", fail);
    req.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < 200) {
        sent++;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end(tail);
    };
    pump();
  });
}

/** Runs `work` on A and B `runs` times each, alternating which goes first; medians of CPU seconds. */
async function compare(name, runs, work) {
  const seconds = { A: [], B: [] };
  for (let run = 0; run < runs; run++) {
    for (const key of run % 2 ? ["B", "A"] : ["A", "B"])
      seconds[key].push(await cpuSeconds(() => work(emus[key], run)));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const [a, b] = [median(seconds.A), median(seconds.B)];
  console.log(`${name}: A ${a.toFixed(3)} CPU s, B ${b.toFixed(3)} CPU s (B/A ${(b / a).toFixed(2)})`);
}

const jpeg = await sharp({
  create: { width: 400, height: 300, channels: 3, noise: { type: "gaussian", mean: 128, sigma: 30 } },
})
  .jpeg({ quality: 90 })
  .toBuffer();
try {
  await compare(`100 uploads of a ${Math.round(jpeg.length / 1024)} KB JPEG`, 8, (emu, run) =>
    uploadAll(emu, 100, jpeg, `jpeg${run}-`),
  );
  for (const key of ["A", "B"]) await uploadAll(emus[key], 10_000 - 800, Buffer.from("x"), "fill");
  await compare("list 10,000 files at limit=100", 10, (emu) => listAll(emu, 100));
  await compare("list 10,000 files at limit=1000", 10, (emu) => listAll(emu, 1000));
  await compare("one 200 MB upload", 4, (emu) => bigUpload(emu));
} finally {
  await emus.A.close();
  await emus.B.close();
}
