// Starts `wrangler dev` on 127.0.0.1 and stops it by the process group it started: shared by the end-to-end test and
// the benchmark. Wrangler is run from node_modules/.bin (never npx, whose PID would not own the workerd child).
import { spawn } from "node:child_process";
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
  const child = spawn(WRANGLER, args, {
    cwd: dirname(config),
    env: { ...process.env, ...WRANGLER_ENV },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  const pid = /** @type {number} */ (child.pid);
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-pid, "SIGTERM"); // the group this call started: wrangler and its workerd
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${url}/__ready`, { signal: AbortSignal.timeout(1000) });
      return { url, pid, output: () => output, stop };
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
