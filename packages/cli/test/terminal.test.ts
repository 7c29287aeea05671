// A progress bar on a terminal, plain lines in a pipe. The terminal is a real pseudo-terminal from util-linux
// `script` (no native module): the CLI sees isTTY on stdout and stdin, as in an interactive shell.
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import type { Emulator } from "@ikit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ikit, setup, writeTree } from "./support/cli.js";

let emu: Emulator;
let env: NodeJS.ProcessEnv;
let dir: string;

const SCRIPT = "/usr/bin/script";
try {
  execFileSync(SCRIPT, ["--version"]);
} catch {
  throw new Error(`${SCRIPT} (util-linux) is needed for the terminal tests: apt-get install bsdutils`);
}

beforeAll(async () => {
  ({ emu, env, dir } = await setup());
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`f${i}.txt`] = `${i}`;
  await writeTree(join(dir, "tty"), files);
  await writeTree(join(dir, "pipe"), files);
});
afterAll(() => emu?.close());

/** Runs `ikit args…` inside a pseudo-terminal; `input` is typed into it after `delay` ms. */
function inTerminal(args: string[], input = "", delay = 0): Promise<{ code: number | null; output: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
  return new Promise((resolve, reject) => {
    // -e: the child's exit code; -q: no banner; -f: flush as written; /dev/null: no typescript file.
    const child = spawn(SCRIPT, ["-qefc", quoted, "/dev/null"], { env: { ...env, COLUMNS: "120", TERM: "xterm" } });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
    setTimeout(() => child.stdin.end(input), delay);
  });
}

describe("progress on a terminal, lines in a pipe", () => {
  it("a terminal shows the bar redrawn in place, and no per-file lines", async () => {
    emu.faults.latencyMs = 20; // long enough for the bar to be drawn more than once
    const r = await inTerminal(["sync", join(dir, "tty"), "/tty", "--concurrency", "2"]);
    emu.faults.latencyMs = 0;
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/sync █+░* *\d+% \| \d+\/40 files/);
    expect(r.output).toContain("100% | 40/40 files");
    expect(r.output).toContain("\x1b[1G"); // the cursor goes back to column 1: redrawn, not scrolled
    expect(r.output).not.toContain("uploaded /tty/");
    expect(r.output).toMatch(/sync: 40 uploaded, 0 deleted, 0 unchanged, 0 failed/);
  });

  it("a pipe gets one plain line per file and no control characters", async () => {
    const r = await ikit(["sync", join(dir, "pipe"), "/pipe"], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.filter((l) => /^uploaded \/pipe\/f\d+\.txt$/.test(l))).toHaveLength(40);
    expect(lines.at(-1)).toMatch(/^sync: 40 uploaded, 0 deleted, 0 unchanged, 0 failed in [\d.]+ s$/);
    expect(r.stdout).not.toMatch(/[\x1b\r█░]/);
  });

  it("on a terminal, rm asks and goes ahead on y; anything else deletes nothing (exit 7)", async () => {
    const no = await inTerminal(["rm", "/pipe/f1.txt"], "n\n", 800);
    expect(no.output).toContain("Delete 1 file(s)? [y/N]");
    expect(no.code).toBe(7);
    expect((await ikit(["ls", "/pipe/f1.txt"], env)).code).toBe(0);
    const yes = await inTerminal(["rm", "/pipe/f1.txt"], "y\n", 800);
    expect(yes.code).toBe(0);
    expect(yes.output).toContain("deleted /pipe/f1.txt");
    expect((await ikit(["ls", "/pipe/f1.txt"], env)).code).toBe(4);
  });
});
