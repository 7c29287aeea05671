// Runs the built `ikit` binary in a child process, as a user would, against an emulator the test started.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { AdminClient } from "@ikit/admin";
import { type Emulator, type EmulatorOptions, startEmulator } from "@ikit/emulator";

export const BIN = resolve(import.meta.dirname, "../../dist/bin.js");
if (!existsSync(BIN)) {
  throw new Error(`build first: ${BIN} is missing (pnpm --filter @ikit/cli run build, or pnpm run ci).`);
}

/** A fixed private key, so every test can assert it never appears in any output. */
export const PRIVATE_KEY = "private_cli_test_Zq8vW3nK5tR1";

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment pointing `ikit` at `emu`, with a HOME where no config file exists. */
export function envFor(emu: Emulator, home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    IMAGEKIT_PRIVATE_KEY: PRIVATE_KEY,
    IMAGEKIT_PUBLIC_KEY: emu.publicKey,
    IMAGEKIT_URL_ENDPOINT: emu.urlEndpoint,
    IMAGEKIT_API_BASE: emu.apiBase,
  };
}

/** Runs `ikit args…` and resolves with its exit code and output; `onStdout` hears the output as it comes. */
export function ikit(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { input?: string; onStdout?: (soFar: string, child: ChildProcess) => unknown } = {},
): Promise<Result> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(stdout, child);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** Starts an emulator with the test key, a client to check its state, and a scratch folder for HOME and files. */
export async function setup(options: EmulatorOptions = {}) {
  const emu = await startEmulator({ port: 0, bulkJobDelayMs: 20, privateKey: PRIVATE_KEY, ...options });
  const dir = await mkdtemp(join(tmpdir(), "ikit-cli-"));
  const home = join(dir, "home");
  await mkdir(home);
  const admin = new AdminClient({ privateKey: PRIVATE_KEY, apiBase: emu.apiBase, uploadUrl: emu.uploadUrl });
  return { emu, dir, home, admin, env: envFor(emu, home) };
}

/** Writes `files` (relative path → content) under `root`. */
export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}
