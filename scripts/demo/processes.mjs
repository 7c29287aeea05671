// The demo's child processes: builds run to completion, servers each in a process group of its own (started by
// packages/worker's startInGroup), so that stopping one ends exactly what this script started and nothing else.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

/**
 * `preferred` when it is free on 127.0.0.1, else any free port.
 * @param {number} [preferred]
 * @returns {Promise<number>}
 */
export function port(preferred = 0) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", (error) => (preferred ? resolvePort(port(0)) : reject(error)));
    server.listen(preferred, "127.0.0.1", () => {
      const address = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolvePort(address.port));
    });
  });
}

/**
 * Runs a command to completion; its output goes into the error when it fails or outlives `timeoutMs`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string>, timeoutMs?: number }} options
 */
export function runToEnd(command, args, { cwd, env = {}, timeoutMs = 120_000 }) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolveRun(output);
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/**
 * SIGTERM to the process group `pid` leads (one this script started), synchronously, for the `exit` handler.
 * @param {number} pid
 */
export function killGroup(pid) {
  try {
    process.kill(-pid, "SIGTERM");
  } catch {}
}
