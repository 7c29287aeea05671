import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

// Killing the server, or watching it exit, needs a process of its own: the built CLI, as users run it.
const CLI = resolve(import.meta.dirname, "../../dist/cli.js");

/** A running `ikit-emulator` child process. */
export interface CliServer {
  child: ChildProcess;
  apiBase: string;
  urlEndpoint: string;
  port: number;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
}

/**
 * Starts the built CLI with `args` and waits for its banner. Throws "build first" when `dist/` is missing: a test
 * that needs the build fails rather than skips.
 */
export async function startCli(args: string[]): Promise<CliServer> {
  if (!existsSync(CLI)) {
    throw new Error(`build first: ${CLI} is missing (run \`npx pnpm --filter @ikit/emulator run build\`).`);
  }
  const child = spawn(process.execPath, [CLI, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const found: Record<string, string> = {};
  await new Promise<void>((done, fail) => {
    child.once("exit", (code) => fail(new Error(`the CLI exited with ${code} before its banner: ${stderr}`)));
    lines.on("line", (line) => {
      const match = /^\s*(URL endpoint|API base):\s+(\S+)/.exec(line);
      if (match) found[match[1] as string] = match[2] as string;
      if (found["URL endpoint"] && found["API base"]) done();
    });
  });
  const apiBase = found["API base"] as string;
  return {
    child,
    apiBase,
    urlEndpoint: found["URL endpoint"] as string,
    port: Number(new URL(apiBase).port),
    stderr: () => stderr,
  };
}

/** Sends SIGKILL and waits for the process to be gone. */
export function kill(server: CliServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    server.child.once("exit", () => done());
    server.child.kill("SIGKILL");
  });
}
