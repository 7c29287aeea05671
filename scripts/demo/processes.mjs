// Long-running servers the demo starts (vite preview; wrangler through packages/worker's helper), each in its own
// process group, so that stopping one ends exactly what this script started and nothing else.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

/**
 * `preferred` when it is free on 127.0.0.1, else any free port.
 * @param {number} [preferred]
 * @returns {Promise<number>}
 */
export function port(preferred = 0) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once("error", () => resolvePort(preferred ? port(0) : Promise.reject(new Error("no free port"))));
    server.listen(preferred, "127.0.0.1", () => {
      const address = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolvePort(address.port));
    });
  });
}

/**
 * Runs a command to completion, its output kept for the error message.
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
 * Starts a server in a process group of its own and waits until `url` answers 200.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, url: string, env?: Record<string, string>, timeoutMs?: number }} options
 * @returns {Promise<{ pid: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function startServer(command, args, { cwd, url, env = {}, timeoutMs = 30_000 }) {
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
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(pid);
    await Promise.race([exited, new Promise((resolveWait) => setTimeout(resolveWait, 5000))]);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return { pid, output: () => output, stop };
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
}

/**
 * SIGTERM to the process group `pid` leads (one this script started with `detached: true`), synchronously, so it also
 * works from an `exit` handler.
 * @param {number} pid
 */
export function killGroup(pid) {
  try {
    process.kill(-pid, "SIGTERM");
  } catch {}
}
