#!/usr/bin/env node
// Entry point of the README quick start: `npm run demo` and `npm test` on a machine that has only Node 20 and npm.
// It fetches the pinned pnpm through npx (no global install), installs from the lockfile, makes sure a Chromium is
// there for the browser tests, then hands over to the workspace's own pnpm scripts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./chromium.mjs";

const PNPM = "pnpm@10.34.9";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const task = process.argv[2];

/** Runs a command in the repository root, exiting with its status when it fails. */
function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Runs scripts/demo/main.mjs and exits with its status. Ctrl-C reaches it from the terminal (same process group) and
 * it stops what it started, so this process waits for it instead of dying first; SIGTERM and SIGHUP are passed on.
 */
function runDemo(args) {
  const child = spawn(process.execPath, ["scripts/demo/main.mjs", ...args], { cwd: root, stdio: "inherit" });
  process.on("SIGINT", () => {});
  for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function pnpm(...args) {
  run("npx", ["--yes", PNPM, ...args], { npm_config_update_notifier: "false" });
}

/** Browser tests drive Debian's Chromium; install it when it is missing and we may. */
function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!existsSync("/usr/bin/apt-get")) {
    console.error(`✖ Chromium not found at ${chromiumPath}. Install Chromium and set CHROMIUM_PATH to its binary.`);
    process.exit(1);
  }
  console.log("• installing Debian's chromium for the browser tests (apt-get)");
  const [cmd, ...pre] = isRoot ? ["apt-get"] : ["sudo", "-n", "apt-get"];
  run(cmd, [...pre, "update", "-qq"]);
  run(cmd, [...pre, "install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" });
}

if (task === "test") {
  pnpm("install", "--frozen-lockfile", "--reporter=append-only");
  ensureChromium();
  pnpm("run", "ci");
} else if (task === "demo") {
  const check = process.argv.includes("--check");
  pnpm("install", "--frozen-lockfile", "--reporter=silent");
  if (check) ensureChromium();
  // What the demo runs, with what they import: the emulator, the example worker, the front-end examples' packages.
  const fronts = check ? ["react-vite", "vue-vite"] : ["react-vite"];
  const examples = ["worker", ...fronts].flatMap((name) => ["--filter", `{./examples/${name}}^...`]);
  pnpm("--filter", "@ikit/emulator...", ...examples, "run", "build");
  runDemo(check ? ["--check"] : []);
} else {
  console.error("usage: node scripts/run.mjs <test|demo>");
  process.exit(2);
}
