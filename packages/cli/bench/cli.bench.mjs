// Benchmarks of the built `ikit` binary against an emulator in this process (so the CLI's memory is its own):
//   1. `ls --recursive` over 10,000 files: time to the first line, files/s, the CLI's peak RSS;
//   2. `sync` of 2,000 small files at concurrency 8: files/s, without faults and under the fault test's faults;
//   3. resume overhead: a re-run over 2,000 files that all arrived, and a run SIGKILLed half-way plus its re-run
//      against one uninterrupted run.
// Bounded: about a minute on two cores. Run `pnpm --filter @ikit/cli run bench` after a build.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { AdminClient } from "@ikit/admin";
import { startEmulator } from "@ikit/emulator";

const BIN = resolve(import.meta.dirname, "../dist/bin.js");
if (!existsSync(BIN)) throw new Error("build first: pnpm --filter @ikit/cli run build");

const emu = await startEmulator({ port: 0, requestLogSize: 0 });
const admin = new AdminClient({ privateKey: emu.privateKey, apiBase: emu.apiBase, uploadUrl: emu.uploadUrl });
const env = {
  PATH: process.env.PATH,
  HOME: await mkdtemp(join(tmpdir(), "ikit-bench-home-")),
  IMAGEKIT_PRIVATE_KEY: emu.privateKey,
  IMAGEKIT_API_BASE: emu.apiBase,
  IMAGEKIT_URL_ENDPOINT: emu.urlEndpoint,
};
const work = await mkdtemp(join(tmpdir(), "ikit-bench-"));

/** Peak resident memory of a process so far (VmHWM), in MiB; undefined once it is gone. */
function peakRss(pid) {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    // A process that has exited but not been reaped has a status without VmHWM.
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs ikit; resolves with its time, first-line time, line count, peak RSS and exit code. */
function ikit(args, { killAfterLines } = {}) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "inherit"] });
    let first;
    let lines = 0;
    let tail = "";
    let peak = 0;
    const sample = setInterval(() => {
      peak = Math.max(peak, peakRss(child.pid) ?? 0);
    }, 10);
    child.stdout.on("data", (chunk) => {
      first ??= performance.now() - started;
      for (const byte of chunk) if (byte === 10) lines++;
      tail = (tail + chunk.toString("utf8")).slice(-4096);
      if (killAfterLines && lines >= killAfterLines && child.exitCode === null) child.kill("SIGKILL");
    });
    child.on("exit", () => {
      peak = Math.max(peak, peakRss(child.pid) ?? 0);
    });
    child.on("close", (code, signal) => {
      clearInterval(sample);
      const lastLine = tail.trim().split("\n").at(-1);
      done({ ms: performance.now() - started, firstMs: first, lines, lastLine, peakMiB: peak, code, signal });
    });
  });
}

async function tree(root, count, folders) {
  for (let f = 0; f < folders; f++) await mkdir(join(root, `d${f}`), { recursive: true });
  for (let i = 0; i < count; i++) await writeFile(join(root, `d${i % folders}`, `f${i}.txt`), String(i));
}

const fmt = (n, digits = 0) => n.toFixed(digits);
const results = [];
/** The uninterrupted 2,000-file sync, for the resume comparison. */
let cleanSyncMs = 0;

// 1. ls --recursive over 10,000 files (100 folders), seeded through the API 16 at a time.
{
  const seeded = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < 10_000) {
        const i = next++;
        await admin.upload({
          file: new Blob([String(i)]),
          fileName: `f${i}.txt`,
          folder: `/big/d${i % 100}`,
          useUniqueFileName: false,
        });
      }
    }),
  );
  console.log(`seeded 10,000 files in ${fmt((performance.now() - seeded) / 1000, 1)} s`);
  // 1,000 more in 10 folders: if the peak memory of listing 10,000 is that of listing 1,000, the listing streams.
  for (let i = 0; i < 1000; i++) {
    await admin.upload({
      file: new Blob([String(i)]),
      fileName: `f${i}.txt`,
      folder: `/small/d${i % 10}`,
      useUniqueFileName: false,
    });
  }
  const idle = await ikit(["--version"]);
  const small = await ikit(["ls", "/small", "--recursive"]);
  results.push([
    "ls --recursive, 1,000 files (for scale)",
    `${fmt(small.lines - 10)} files + 10 folders in ${fmt(small.ms / 1000, 2)} s; peak RSS ${fmt(small.peakMiB, 1)} MiB`,
  ]);
  for (const flags of [[], ["--json"]]) {
    const r = await ikit(["ls", "/big", "--recursive", ...flags]);
    const files = r.lines - 100; // folders are listed too
    results.push([
      `ls --recursive ${flags.join(" ")}`.trim(),
      `${fmt(files)} files + 100 folders in ${fmt(r.ms / 1000, 2)} s = ${fmt((files / r.ms) * 1000)} files/s; first line after ${fmt(r.firstMs)} ms; peak RSS ${fmt(r.peakMiB, 1)} MiB (\`ikit --version\`: ${fmt(idle.peakMiB, 1)} MiB)`,
    ]);
  }
}

// 2. sync of 2,000 small files at concurrency 8, without and with faults.
{
  await tree(join(work, "s"), 2000, 20);
  const clean = await ikit(["sync", join(work, "s"), "/s", "--concurrency", "8", "--quiet"]);
  cleanSyncMs = clean.ms;
  results.push([
    "sync 2,000 files, concurrency 8",
    `${fmt(clean.ms / 1000, 2)} s = ${fmt(2_000_000 / clean.ms)} files/s; peak RSS ${fmt(clean.peakMiB, 1)} MiB (exit ${clean.code})`,
  ]);

  const noop = await ikit(["sync", join(work, "s"), "/s", "--concurrency", "8", "--quiet"]);
  results.push([
    "re-run, all 2,000 arrived (resume cost when nothing is left)",
    `${fmt(noop.ms / 1000, 2)} s (${fmt((noop.ms / clean.ms) * 100)} % of the full sync)`,
  ]);

  emu.rateLimits.upload = { limit: 12, intervalMs: 100 };
  emu.rateLimits["*"] = { limit: 20, intervalMs: 100 };
  Object.assign(emu.faults, { errorRate: 0.2, dropRate: 0.1 });
  const faulty = await ikit(["sync", join(work, "s"), "/faulty", "--concurrency", "8", "--quiet", "--json"]);
  Object.assign(emu.faults, { errorRate: 0, dropRate: 0 });
  // The server reads this very object: empty it (assigning a new one would leave the limits on).
  delete emu.rateLimits.upload;
  delete emu.rateLimits["*"];
  const summary = JSON.parse(readLast(faulty)).summary ?? {};
  results.push([
    "sync 2,000 files, concurrency 8, 429 storm + 20% 5xx + 10% drops",
    `${fmt(faulty.ms / 1000, 2)} s = ${fmt(2_000_000 / faulty.ms)} files/s; ${summary.recovered} answers lost and recovered by the arrival check (exit ${faulty.code})`,
  ]);
}

// 3. A run killed after 1,000 of 2,000 files, then re-run, against the uninterrupted run above.
{
  await tree(join(work, "k"), 2000, 20);
  const killed = await ikit(["sync", join(work, "k"), "/k", "--concurrency", "8"], { killAfterLines: 1000 });
  const rerun = await ikit(["sync", join(work, "k"), "/k", "--concurrency", "8", "--json", "--quiet"]);
  const summary = JSON.parse(readLast(rerun)).summary ?? {};
  results.push([
    "SIGKILL after 1,000 of 2,000, then re-run",
    `killed at ${fmt(killed.ms / 1000, 2)} s, re-run ${fmt(rerun.ms / 1000, 2)} s (uploaded ${summary.uploaded}, unchanged ${summary.unchanged}); together ${fmt(((killed.ms + rerun.ms) / cleanSyncMs) * 100)} % of one uninterrupted run`,
  ]);
}

function readLast(run) {
  return run.lastLine ?? "{}";
}

console.log("| scenario | result |\n| --- | --- |");
for (const [name, value] of results) console.log(`| ${name} | ${value} |`);
await emu.close();
