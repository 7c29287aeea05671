// Starts `wrangler dev` (or any server: startInGroup) on 127.0.0.1 and stops it by the process group it started:
// shared by the end-to-end test, the benchmarks (with the CPU time of what they started) and the demo (scripts/demo). Wrangler is run from node_modules/.bin (never npx, whose PID would not own the workerd child).
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const WRANGLER = resolve(root, "node_modules/.bin/wrangler");

/** Wrangler quiet and offline. */
export const WRANGLER_ENV = {
  CI: "true",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  NO_COLOR: "1",
};

/**
 * A free TCP port on 127.0.0.1.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Runs wrangler with `args` to completion.
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ code: number | null, output: string }>}
 */
export function runWrangler(args, cwd) {
  return new Promise((resolveRun) => {
    const child = spawn(WRANGLER, args, { cwd, env: { ...process.env, ...WRANGLER_ENV } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolveRun({ code, output }));
  });
}

/**
 * Starts `wrangler dev --ip 127.0.0.1` for `config` and waits until it answers.
 * @param {{ config: string, vars?: Record<string, string>, envFile?: string, persistTo?: string, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, pid: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function startWranglerDev({ config, vars = {}, envFile, persistTo, timeoutMs = 60_000 }) {
  const [port, inspector] = [await freePort(), await freePort()];
  const args = [
    "dev",
    "--config",
    config,
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspector),
  ];
  args.push("--show-interactive-dev-session=false", "--log-level", "warn");
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  if (envFile) args.push("--env-file", envFile);
  if (persistTo) args.push("--persist-to", persistTo);
  return startInGroup(WRANGLER, args, {
    cwd: dirname(config),
    env: WRANGLER_ENV,
    url: `http://127.0.0.1:${port}`,
    probe: "/__ready",
    ready: () => true,
    timeoutMs,
  });
}

/**
 * Starts a server in a process group of its own (so that stopping it ends exactly what this call started, children
 * included) and waits until `url + probe` answers in a way `ready` accepts.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, url: string, env?: Record<string, string>, probe?: string, ready?: (response: Response) => boolean, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, pid: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function startInGroup(command, args, options) {
  const { cwd, url, env = {}, probe = "/", ready = (response) => response.ok, timeoutMs = 60_000 } = options;
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  const pid = /** @type {number} */ (child.pid);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-pid, "SIGTERM"); // the group this call started: the server and its children
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}${probe}`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (ready(response)) return { url, pid, output: () => output, stop };
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * CPU seconds (user + system) used so far by the workerd processes in process group `pgid` (a `wrangler dev` this
 * module started): what the benchmarks divide by the requests served.
 * @param {number} pgid
 * @returns {Promise<number>}
 */
export async function workerdCpuSeconds(pgid) {
  let ticks = 0;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && name.startsWith("workerd")) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100; // USER_HZ
}
