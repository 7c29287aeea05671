#!/usr/bin/env node
// `npm run demo` (after scripts/run.mjs installed and built): the whole system on 127.0.0.1.
//   @ikit/emulator, seeded with sample images drawn here (public under /samples, private under /private)
//   examples/worker under `wrangler dev`, pointed at the emulator (signs /img, issues /auth tokens)
//   examples/react-vite, built with the URLs above and served by `vite preview`
// It prints one URL; Ctrl-C stops everything it started. `--check` also serves examples/vue-vite, drives both once
// in Chromium (scripts/demo/check.mjs) and exits 0 or 1.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startInGroup, startWranglerDev } from "../../packages/worker/bench/wrangler-dev.mjs";
import { killGroup, port, runToEnd } from "./processes.mjs";
import { seedSamples } from "./samples.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const check = process.argv.includes("--check");

/** The front ends: the demo serves React; the check drives both. Preferred ports are vite's own defaults. */
const FRONT_ENDS = [
  { name: "react", dir: "examples/react-vite", preferredPort: 5173 },
  { name: "vue", dir: "examples/vue-vite", preferredPort: 5174 },
].filter((front) => check || front.name === "react");

function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

for (const { dir, name } of FRONT_ENDS) {
  if (!existsSync(join(root, dir, "package.json"))) fail(`${dir} missing: the demo needs the ${name} example.`);
  if (!existsSync(join(root, dir, "node_modules/.bin/vite"))) fail(`${dir} has no vite: run pnpm install first.`);
}
for (const pkg of ["core", "emulator", "upload", "worker"]) {
  if (!existsSync(join(root, `packages/${pkg}/dist/index.js`))) fail(`build first: @ikit/${pkg} has no dist/.`);
}
const { startEmulator } = await import("../../packages/emulator/dist/index.js");

/** What was started, stopped in reverse order (and killed synchronously if the process exits first). */
const started = [];
let stopping;
function stopAll() {
  stopping ??= (async () => {
    // Taken off the list as they are stopped, so the exit handler never signals a group that is gone.
    for (const entry of started.splice(0).reverse()) await entry.stop().catch(() => {});
  })();
  return stopping;
}
process.on("exit", () => {
  for (const { pid } of started) if (pid) killGroup(pid);
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    console.log("\nstopping the demo…");
    await stopAll();
    process.exit(check ? 1 : 0);
  });
}

// The check is bounded as a whole, whatever hangs: it normally takes about 20 s.
const CHECK_LIMIT_MS = 110_000;
if (check) {
  setTimeout(async () => {
    console.error(`✖ the demo check did not finish within ${CHECK_LIMIT_MS / 1000} s`);
    await stopAll();
    process.exit(1);
  }, CHECK_LIMIT_MS).unref();
}

try {
  const scratch = await mkdtemp(join(tmpdir(), "ikit-demo-"));
  started.push({ stop: () => rm(scratch, { recursive: true, force: true }) });

  const emulator = await startEmulator({ port: check ? 0 : await port(3030) });
  started.push({ stop: () => emulator.close() });
  const { samples, privateSamples } = await seedSamples(root, emulator);

  const fronts = [];
  for (const front of FRONT_ENDS) {
    const frontPort = await port(check ? 0 : front.preferredPort);
    fronts.push({ ...front, port: frontPort, url: `http://127.0.0.1:${frontPort}` });
  }

  // The private key reaches wrangler in a .dev.vars file of our own, never on a command line.
  const envFile = join(scratch, ".dev.vars");
  await writeFile(envFile, `IMAGEKIT_PRIVATE_KEY=${emulator.privateKey}\n`, { mode: 0o600 });
  const worker = await startWranglerDev({
    config: join(root, "examples/worker/wrangler.jsonc"),
    envFile,
    persistTo: join(scratch, "wrangler-state"),
    vars: {
      IMAGEKIT_URL_ENDPOINT: emulator.urlEndpoint,
      IMAGEKIT_PUBLIC_KEY: emulator.publicKey,
      FRONTEND_ORIGINS: fronts.map((front) => front.url).join(","),
      UPLOAD_TOKENS: "frontend",
    },
  });
  started.push({ pid: worker.pid, stop: worker.stop });

  const viteEnv = {
    VITE_IKIT_URL_ENDPOINT: emulator.urlEndpoint,
    VITE_IKIT_WORKER_URL: worker.url,
    VITE_IKIT_UPLOAD_URL: emulator.uploadUrl,
    VITE_IKIT_PUBLIC_KEY: emulator.publicKey,
    VITE_IKIT_SAMPLES: samples.join(","),
    VITE_IKIT_PRIVATE_SAMPLES: privateSamples.join(","),
  };
  await Promise.all(
    fronts.map(async (front) => {
      const cwd = join(root, front.dir);
      const vite = join(cwd, "node_modules/.bin/vite");
      const outDir = join(scratch, front.name);
      await runToEnd(vite, ["build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], { cwd, env: viteEnv });
      const preview = await startInGroup(
        vite,
        ["preview", "--outDir", outDir, "--host", "127.0.0.1", "--port", String(front.port), "--strictPort"],
        { cwd, url: front.url, timeoutMs: 30_000 },
      );
      started.push(preview);
    }),
  );

  if (check) {
    const { checkDemo } = await import("./check.mjs");
    const ok = await checkDemo({ root, fronts, worker: worker.url, emulator, samples, privateSamples });
    await stopAll();
    process.exit(ok ? 0 : 1);
  }
  console.log(`\nikit demo: open ${fronts[0].url}\n(emulator, worker and React example running; Ctrl-C stops them)`);
} catch (error) {
  console.error(`✖ the demo could not start: ${error instanceof Error ? error.message : error}`);
  await stopAll();
  process.exit(1);
}
