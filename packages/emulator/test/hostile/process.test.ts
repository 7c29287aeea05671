import type { ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCli, start } from "../helpers.js";
import { exchange } from "./wire.js";

// Evidence at the level of the process users run: hostile requests do not end it, and a SIGKILL in the middle of a
// burst of uploads leaves a data folder with no bytes that no record points to.

const KEY = "private_hostile";
const auth = `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;

/** Sends SIGKILL and waits for the process to be gone. */
function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGKILL");
  });
}

it("keeps the process alive, and its in-memory files, through every malformed request", async () => {
  const server = await runCli(["--port", "0", "--private-key", KEY]);
  const port = Number(new URL(server.apiBase).port);
  try {
    const form = new FormData();
    form.append("file", new Blob(["kept"]));
    form.append("fileName", "kept.txt");
    form.append("useUniqueFileName", "false");
    const stored = await fetch(`${server.apiBase}/api/v1/files/upload`, {
      method: "POST",
      body: form,
      headers: { authorization: auth },
    });
    expect(stored.status).toBe(200);
    const hostile = [
      "GET // HTTP/1.1",
      "GET //[ HTTP/1.1",
      "OPTIONS //a:99999/ HTTP/1.1",
      "POST //[::1 HTTP/1.1",
      `GET /v1/files?searchQuery=${"(".repeat(3000)} HTTP/1.1`,
      "GET /emulator/kept.txt?tr=w-4%2Cx%0A HTTP/1.1",
    ];
    for (const line of hostile) {
      const reply = await exchange(port, `${line}\r\nHost: x\r\nAuthorization: ${auth}\r\nConnection: close\r\n\r\n`);
      expect(reply.status, line).toBeGreaterThanOrEqual(400);
      expect(reply.status, line).toBeLessThan(500);
    }
    expect(server.child.exitCode).toBeNull();
    const listed = await fetch(`${server.apiBase}/v1/files`, { headers: { authorization: auth } });
    expect(((await listed.json()) as { name: string }[]).map((file) => file.name)).toEqual(["kept.txt"]);
  } finally {
    await kill(server.child);
  }
});

it("leaves no orphaned bytes after a SIGKILL during a burst of uploads", async () => {
  const data = await mkdtemp(join(tmpdir(), "ikit-orphans-"));
  try {
    const server = await runCli(["--port", "0", "--data", data, "--private-key", KEY]);
    const bytes = new Uint8Array(64 * 1024).fill(5);
    let acknowledged = 0;
    let next = 0;
    let killed = false;
    const clients = Array.from({ length: 6 }, async () => {
      while (!killed && next < 300) {
        const form = new FormData();
        form.append("file", new Blob([bytes]));
        form.append("fileName", `f${next++}.bin`);
        try {
          const response = await fetch(`${server.apiBase}/api/v1/files/upload`, {
            method: "POST",
            body: form,
            headers: { authorization: auth },
          });
          if (response.status === 200) acknowledged++;
        } catch {
          // cut off by the kill
        }
      }
    });
    while (acknowledged < 30 && server.child.exitCode === null) await new Promise((done) => setTimeout(done, 2));
    await kill(server.child);
    killed = true;
    await Promise.all(clients);

    const emu = await start({ data, privateKey: KEY });
    await emu.close();
    const referenced = new Set<string>();
    for (const name of await readdir(join(data, "meta", "files"))) {
      const record = JSON.parse(await readFile(join(data, "meta", "files", name), "utf8")) as {
        versions: { blobId: string }[];
      };
      for (const version of record.versions) referenced.add(version.blobId);
    }
    expect(referenced.size).toBeGreaterThanOrEqual(acknowledged);
    expect((await readdir(join(data, "blobs"))).sort()).toEqual([...referenced].sort());
    expect(await readdir(join(data, "tmp"))).toEqual([]);
  } finally {
    await rm(data, { recursive: true, force: true });
  }
});
