// sync under the faults a real network and a busy account produce, through the built binary:
// - 2,000 files under a 429 storm with 20% injected 5xx and dropped connections: every file present exactly once
//   (one file per path, one version each), though some uploads arrived with their answer lost;
// - a sync killed with SIGKILL half-way and run again: finishes without sending again what had arrived.
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { AdminClient } from "@ikit/admin";
import type { Emulator } from "@ikit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ikit, setup, writeTree } from "./support/cli.js";

let emu: Emulator;
let env: NodeJS.ProcessEnv;
let dir: string;
let admin: AdminClient;

beforeAll(async () => {
  ({ emu, env, dir, admin } = await setup({ requestLogSize: 50_000 }));
});
afterAll(() => emu?.close());

/** `count` tiny files spread over `folders` sub-folders; returns their remote paths under `remote`. */
async function makeTree(root: string, count: number, folders: number, remote: string): Promise<string[]> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`d${i % folders}/f${i}.txt`] = `${i}`;
  await writeTree(root, files);
  return Object.keys(files).map((rel) => `${remote}/${rel}`);
}

/** Every file and file version under `folder`, with faults off. */
async function remoteState(folder: string) {
  const paths: string[] = [];
  let olderVersions = 0;
  const queue = [folder];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    for await (const item of admin.iterateFiles({ path, type: "all", limit: 1000 })) {
      if (item.type === "folder") queue.push(item.folderPath ?? "");
      else paths.push(item.filePath ?? "");
    }
    for await (const _ of admin.iterateFiles({ path, type: "file-version", limit: 1000 })) olderVersions++;
  }
  return { paths, olderVersions };
}

describe("sync under faults", () => {
  it("2,000 files through a 429 storm, 20% 5xx and dropped connections: each present exactly once", async () => {
    const expected = await makeTree(join(dir, "storm"), 2000, 20, "/storm");
    emu.requests.clear();
    // Sixteen uploads at once against a window of twelve per 100 ms: a steady storm of 429s.
    emu.rateLimits.upload = { limit: 12, intervalMs: 100 };
    emu.rateLimits["*"] = { limit: 20, intervalMs: 100 };
    Object.assign(emu.faults, { errorRate: 0.2, dropRate: 0.1 });
    let r: Awaited<ReturnType<typeof ikit>>;
    try {
      r = await ikit(["sync", join(dir, "storm"), "/storm", "--concurrency", "16", "--json", "--quiet"], env);
    } finally {
      Object.assign(emu.faults, { errorRate: 0, dropRate: 0 });
      // The server reads this very object: empty it (assigning a new one would leave the limits on).
      delete emu.rateLimits.upload;
      delete emu.rateLimits["*"];
    }
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}").summary;
    expect(summary).toMatchObject({ uploaded: 2000, failed: 0 });

    // The faults did happen: rate-limited, failed and cut uploads, some of which had arrived (recovered).
    const statuses = new Map<number, number>();
    for (const u of emu.requests.list("upload")) statuses.set(u.status, (statuses.get(u.status) ?? 0) + 1);
    expect(statuses.get(429) ?? 0).toBeGreaterThan(100);
    expect((statuses.get(500) ?? 0) + (statuses.get(503) ?? 0)).toBeGreaterThan(100);
    expect(summary.recovered).toBeGreaterThan(20);

    const state = await remoteState("/storm");
    expect(state.paths.length).toBe(2000);
    expect(new Set(state.paths).size).toBe(2000);
    expect([...state.paths].sort()).toEqual([...expected].sort());
    expect(state.olderVersions).toBe(0);
  });

  it("changed files under the same faults: each gets exactly one new version", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`c${i}.txt`] = `${i}`;
    await writeTree(join(dir, "changed"), files);
    expect((await ikit(["sync", join(dir, "changed"), "/changed", "--quiet"], env)).code).toBe(0);
    for (const name of Object.keys(files)) files[name] = `${files[name]} and more`;
    await writeTree(join(dir, "changed"), files);
    Object.assign(emu.faults, { errorRate: 0.2, dropRate: 0.1 });
    let r: Awaited<ReturnType<typeof ikit>>;
    try {
      r = await ikit(["sync", join(dir, "changed"), "/changed", "--concurrency", "8", "--json", "--quiet"], env);
    } finally {
      Object.assign(emu.faults, { errorRate: 0, dropRate: 0 });
    }
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const summary = JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}").summary;
    expect(summary).toMatchObject({ uploaded: 150, failed: 0 });
    expect(summary.recovered).toBeGreaterThan(0);
    const current = await admin.listFiles({ path: "/changed", limit: 1000 });
    expect(current).toHaveLength(150);
    expect(current.every((f) => f.type === "file" && f.versionInfo?.name === "Version 2")).toBe(true);
    const older = await admin.listFiles({ path: "/changed", type: "file-version", limit: 1000 });
    expect(older).toHaveLength(150);
  });

  it("a sync killed with SIGKILL half-way, run again, sends only what had not arrived", async () => {
    const expected = await makeTree(join(dir, "resume"), 300, 3, "/resume");
    emu.faults.latencyMs = 20;
    emu.faults.routes = ["upload"];
    const child = spawn(
      process.execPath,
      [BIN, "sync", join(dir, "resume"), "/resume", "--concurrency", "4", "--json"],
      {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    await new Promise<void>((resolve, reject) => {
      let uploaded = 0;
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        uploaded += chunk.split('"action":"uploaded"').length - 1;
        if (uploaded >= 120 && child.exitCode === null) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => reject(new Error("the sync ended before it could be killed half-way")));
    });
    await new Promise((resolve) => child.on("close", resolve));
    expect(child.signalCode).toBe("SIGKILL");
    // Uploads the server had whole when the client died finish; then the remote holds what arrived.
    await new Promise((resolve) => setTimeout(resolve, 300));
    emu.faults.latencyMs = 0;
    emu.faults.routes = undefined;
    const arrived = (await remoteState("/resume")).paths;
    expect(arrived.length).toBeGreaterThanOrEqual(120);
    expect(arrived.length).toBeLessThan(300);

    emu.requests.clear();
    const again = await ikit(["sync", join(dir, "resume"), "/resume", "--json", "--quiet"], env);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout.trim().split("\n").at(-1) ?? "{}").summary;
    expect(summary).toMatchObject({ uploaded: 300 - arrived.length, unchanged: arrived.length, failed: 0 });
    const sent = emu.requests
      .list("upload")
      .map((u) => `/resume/${String(u.fields.folder).split("/").pop()}/${u.fields.fileName}`);
    expect(sent.filter((path) => arrived.includes(path))).toEqual([]);
    expect(sent).toHaveLength(300 - arrived.length);

    const state = await remoteState("/resume");
    expect([...state.paths].sort()).toEqual([...expected].sort());
    expect(state.olderVersions).toBe(0);
  });
});
