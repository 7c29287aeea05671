// Bad input and failures: each a clear message on stderr, the documented exit code, and nothing half-done. And the
// private key never reaches stdout or stderr, whatever failed and however verbose the run.
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AdminClient } from "@ikit/admin";
import type { Emulator } from "@ikit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ikit, PRIVATE_KEY, setup, writeTree } from "./support/cli.js";

let emu: Emulator;
let env: NodeJS.ProcessEnv;
let dir: string;
let admin: AdminClient;

beforeAll(async () => {
  ({ emu, env, dir, admin } = await setup());
});
afterAll(() => emu?.close());

describe("usage errors exit 2 and send nothing", () => {
  it("an unknown command, with a suggestion", async () => {
    emu.requests.clear();
    const r = await ikit(["lss", "/"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'lss'");
    expect(r.stderr).toContain("(Did you mean one of ls, lsd?)");
    expect(emu.requests.list()).toHaveLength(0);
  });

  it("an unknown flag, a missing argument, a bad number", async () => {
    const flag = await ikit(["ls", "--colour"], env);
    expect([flag.code, flag.stderr]).toEqual([2, expect.stringContaining("unknown option '--colour'")]);
    const missing = await ikit(["mkdir"], env);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("missing required argument 'path'")]);
    const number = await ikit(["sync", dir, "/x", "--concurrency", "many"], env);
    expect([number.code, number.stderr]).toEqual([2, expect.stringContaining("--concurrency takes a whole number")]);
  });

  it("as JSON on stderr with --json", async () => {
    const r = await ikit(["ls", "--colour", "--json"], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(JSON.parse(r.stderr)).toEqual({
      error: { code: "USAGE", message: "unknown option '--colour'", exitCode: 2 },
    });
    const missing = await ikit(["details", "/no.jpg", "--json"], env);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: "NOT_FOUND", exitCode: 4 } });
  });

  it("a remote path with ..", async () => {
    const r = await ikit(["ls", "/a/../b"], env);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('cannot hold "." or ".."')]);
  });
});

describe("configuration errors exit 3", () => {
  it("no private key: says the three ways to give one, before any request", async () => {
    emu.requests.clear();
    const r = await ikit(["ls", "/"], { ...env, IMAGEKIT_PRIVATE_KEY: "" });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'ikit: `ikit ls` needs your privateKey: set IMAGEKIT_PRIVATE_KEY, or "privateKey" in the config file, or pass --private-key.\n',
    );
    expect(emu.requests.list()).toHaveLength(0);
  });

  it("a key ImageKit refuses, and an unreadable config file", async () => {
    const wrong = await ikit(["ls", "/"], { ...env, IMAGEKIT_PRIVATE_KEY: "private_not_the_right_one" });
    expect([wrong.code, wrong.stderr]).toEqual([3, expect.stringContaining("ImageKit refused the private key (403)")]);
    const missing = await ikit(["--config", join(dir, "nope.json"), "ls"], env);
    expect([missing.code, missing.stderr]).toEqual([3, expect.stringContaining("cannot read the config file")]);
  });
});

describe("not found exits 4 with nothing done", () => {
  it("a local folder or file that does not exist", async () => {
    emu.requests.clear();
    const sync = await ikit(["sync", join(dir, "missing"), "/x"], env);
    expect([sync.code, sync.stderr]).toEqual([4, expect.stringContaining("missing does not exist")]);
    await writeTree(dir, { "here.txt": "here" });
    const upload = await ikit(["upload", join(dir, "here.txt"), join(dir, "gone.txt"), "/x"], env);
    expect([upload.code, upload.stderr]).toEqual([
      4,
      expect.stringContaining("gone.txt does not exist; nothing was uploaded"),
    ]);
    expect(emu.requests.list("upload")).toHaveLength(0);
  });

  it("a remote file for details, download, tag, mv", async () => {
    for (const args of [
      ["details", "/no.jpg"],
      ["download", "/no.jpg"],
      ["tag", "add", "a", "/no.jpg"],
      ["mv", "/no.jpg", "/b.jpg"],
      ["cat", "/no.jpg"],
    ]) {
      const r = await ikit(args, env);
      expect({ args, code: r.code }).toEqual({ args, code: 4 });
      expect(r.stderr).toMatch(/\/no\.jpg (does not exist|is not there)/);
    }
  });
});

describe("a local file that vanishes mid-sync", () => {
  it("is reported, the rest is uploaded, --delete is held back, exit 6; the next run finishes", async () => {
    const local = join(dir, "vanish");
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, "0")}.txt`] = `file ${i}`;
    await writeTree(local, files);
    await admin.upload({ file: new Blob(["stale"]), fileName: "stale.txt", folder: "/v", useUniqueFileName: false });
    // The upload order is the plan's order, which a dry run prints: the last one planned is removed mid-run.
    const plan = await ikit(["sync", local, "/v", "--dry-run", "--json"], env);
    const order = plan.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((o) => o.action === "would upload");
    const victim =
      String(order.at(-1)?.path ?? "")
        .split("/")
        .pop() ?? "";
    emu.faults.latencyMs = 150;
    emu.faults.routes = ["upload"];
    // Removed once the first upload is reported: the file was planned, and is gone when its turn comes.
    const r = await ikit(["sync", local, "/v", "--concurrency", "1", "--delete", "--yes"], env, {
      onStdout: (text) => (text.includes("uploaded ") ? rm(join(local, victim), { force: true }) : undefined),
    });
    emu.faults.latencyMs = 0;
    emu.faults.routes = undefined;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`${victim} vanished from disk during the transfer; it was not uploaded`);
    expect(r.stderr).toContain("not deleting 1 remote file(s): the upload did not complete");
    const names = (await admin.listFiles({ path: "/v", sort: "ASC_NAME" })).map((f) => f.name);
    expect(names).toEqual([...Object.keys(files).filter((n) => n !== victim), "stale.txt"].sort());
    const again = await ikit(["sync", local, "/v", "--delete", "--yes"], env);
    expect(again.code).toBe(0);
    expect((await admin.listFiles({ path: "/v" })).map((f) => f.name).sort()).toEqual((await readdir(local)).sort());
  });
});

describe("Ctrl-C", () => {
  it("finishes the uploads under way, starts no more, exits 130; the next run completes", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.txt`] = `${i}`;
    await writeTree(join(dir, "interrupt"), files);
    emu.faults.latencyMs = 100;
    emu.faults.routes = ["upload"];
    let sent = false;
    const r = await ikit(["sync", join(dir, "interrupt"), "/i", "--concurrency", "2"], env, {
      onStdout: (text, child) => {
        if (!sent && text.includes("uploaded ")) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    });
    emu.faults.latencyMs = 0;
    emu.faults.routes = undefined;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("stopping after the transfers under way");
    expect(r.stderr).toMatch(/interrupted: \d+ upload\(s\) not started; run the same sync again to finish/);
    const arrived = (await admin.listFiles({ path: "/i" })).length;
    expect(arrived).toBeGreaterThan(0);
    expect(arrived).toBeLessThan(30);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("uploaded "))).toHaveLength(arrived);
    const again = await ikit(["sync", join(dir, "interrupt"), "/i"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${30 - arrived} uploaded, 0 deleted, ${arrived} unchanged`);
  });
});

describe("the private key is never printed", () => {
  it("not in errors, --verbose logs, --json output, nor commander's messages", async () => {
    const badConfig = join(dir, "bad.json");
    await writeFile(badConfig, JSON.stringify({ [PRIVATE_KEY]: "a key pasted as a name" }));
    const brokenJson = join(dir, "broken.json");
    await writeFile(brokenJson, `{"privateKey": "${PRIVATE_KEY}",}`);
    const runs = [
      ["ls", "/", "--verbose"],
      ["ls", "/", "--verbose", "--json"],
      ["details", "/nothing.jpg", "--json", "--verbose"],
      ["auth", "--json"],
      ["auth"],
      ["sign", "/a.jpg", "--verbose"],
      ["--config", badConfig, "ls"],
      ["--config", brokenJson, "ls", "--json"],
      [PRIVATE_KEY],
      ["ls", "--private-key", PRIVATE_KEY, "--api-base", "http://127.0.0.1:9", "--retries", "0", "--verbose"],
      ["--private-key", PRIVATE_KEY, "url", "/a.jpg", "--tr", PRIVATE_KEY],
    ];
    for (const args of runs) {
      const r = await ikit(args, env);
      expect({ args, out: r.stdout.includes(PRIVATE_KEY), err: r.stderr.includes(PRIVATE_KEY) }).toEqual({
        args,
        out: false,
        err: false,
      });
    }
    // The runs above did fail where they should, and said so with the key scrubbed.
    const pasted = await ikit(["--config", badConfig, "ls"], env);
    expect([pasted.code, pasted.stderr]).toEqual([3, expect.stringContaining('unknown key "[redacted]"')]);
    const unknown = await ikit([PRIVATE_KEY], env);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("unknown command '[redacted]'")]);
  });
});
