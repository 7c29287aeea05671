// Server-side uploads from Node: a file path (a file-backed Blob via @ikit/admin/node) and a Node stream.
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@ikit/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AdminClient } from "../src/index.js";
import { uploadFromPath } from "../src/node.js";

let emu: Emulator;
let admin: AdminClient;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  admin = new AdminClient({ privateKey: emu.privateKey, apiBase: emu.apiBase, uploadUrl: emu.uploadUrl });
  dir = await mkdtemp(join(tmpdir(), "ikit-admin-"));
});
afterAll(async () => {
  await emu?.close();
  await rm(dir, { recursive: true, force: true });
});

it("uploads a file from its path, named after it, with the fields given", async () => {
  const path = join(dir, "notes.txt");
  const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
  await writeFile(path, bytes);
  const res = await uploadFromPath(admin, path, { folder: "/disk", tags: ["a", "b"], useUniqueFileName: false });
  expect(res).toMatchObject({ name: "notes.txt", size: bytes.byteLength, filePath: "/disk/notes.txt" });
  const [sent] = emu.requests.list("upload");
  expect(sent?.fields).toMatchObject({
    fileName: "notes.txt",
    tags: "a,b",
    file: { filename: "notes.txt", size: bytes.byteLength },
  });
  const served = new Uint8Array(await (await fetch(res.url as string)).arrayBuffer());
  expect(Buffer.compare(served, bytes)).toBe(0);
});

it("streams a Node Readable (an async iterable of bytes) without knowing its length", async () => {
  const path = join(dir, "stream.bin");
  await writeFile(path, new Uint8Array(1024 * 1024).fill(7));
  const res = await admin.upload({ file: createReadStream(path), fileName: "stream.bin", useUniqueFileName: false });
  expect(res.size).toBe(1024 * 1024);
});
