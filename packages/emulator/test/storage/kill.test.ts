import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { api, basic, runCli, start } from "../helpers.js";

// SIGKILL needs a separate process, which runs the built CLI (the test fails with "build first" without it).
it("loses nothing and keeps nothing half-written when killed mid-upload", async () => {
  const data = await mkdtemp(join(tmpdir(), "ikit-kill-"));
  try {
    const { child, apiBase } = await runCli(["--port", "0", "--data", data, "--private-key", "private_kill"]);
    const auth = `Basic ${Buffer.from("private_kill:").toString("base64")}`;
    const bytes = new Uint8Array(256 * 1024).fill(3);
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    // Four clients upload one file after another until the server dies under them.
    const clients = Array.from({ length: 4 }, async () => {
      while (!killed && next < 400) {
        const i = next++;
        const form = new FormData();
        form.append("file", new Blob([bytes]));
        form.append("fileName", `f${i}.bin`);
        form.append("useUniqueFileName", "false");
        try {
          const response = await fetch(`${apiBase}/api/v1/files/upload`, {
            method: "POST",
            body: form,
            headers: { authorization: auth },
          });
          if (response.status === 200) acknowledged.push(`/f${i}.bin`);
        } catch {
          // cut off by the kill
        }
      }
    });
    while (acknowledged.length < 10) await new Promise((done) => setTimeout(done, 5));
    child.kill("SIGKILL");
    killed = true;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);

    const emu = await start({ data, privateKey: "private_kill" });
    const listed = (await api(emu, "GET", "/v1/files?limit=1000", undefined, basic(emu))).body as {
      filePath: string;
      size: number;
    }[];
    const paths = listed.map((file) => file.filePath);
    for (const path of acknowledged) expect(paths).toContain(path);
    for (const file of listed) {
      expect(file.size).toBe(bytes.length);
      const delivered = await fetch(`${emu.urlEndpoint}${file.filePath}`);
      expect((await delivered.arrayBuffer()).byteLength).toBe(bytes.length);
    }
    expect(await readdir(join(data, "tmp"))).toEqual([]);
    await emu.close();
  } finally {
    await rm(data, { recursive: true, force: true });
  }
});
