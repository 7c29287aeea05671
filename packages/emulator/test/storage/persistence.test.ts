import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { api, blob, clientAuth, png, start, upload } from "../helpers.js";

let data: string;
beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), "ikit-persist-"));
});
afterAll(() => rm(data, { recursive: true, force: true }));

it("keeps files, versions, fields, keys and spent tokens across a restart, and drops half-written leftovers", async () => {
  const first = await start({ data });
  await api(first, "POST", "/v1/customMetadataFields", { name: "sku", label: "SKU", schema: { type: "Text" } });
  const base = { fileName: "p.png", folder: "/keep", useUniqueFileName: "false", customMetadata: '{"sku":"A1"}' };
  const v1 = await upload(first, { ...base, file: blob(await png(30, 20)) });
  await upload(first, { ...base, file: blob(await png(60, 40)) });
  const auth = clientAuth(first);
  expect((await upload(first, { file: blob("x"), fileName: "t.txt", ...auth }, { auth: null })).status).toBe(200);
  const keys = { publicKey: first.publicKey, privateKey: first.privateKey, webhookSecret: first.webhookSecret };
  await first.close();

  // What a kill in the middle of writes leaves behind: a temporary record and a partial upload.
  await writeFile(join(data, "meta", "files", `${v1.body.fileId}.json.abc.tmp`), '{"fileId":"half');
  await writeFile(join(data, "tmp", "partial-upload"), Buffer.alloc(1024));

  const second = await start({ data });
  expect({ publicKey: second.publicKey, privateKey: second.privateKey, webhookSecret: second.webhookSecret }).toEqual(
    keys,
  );
  const details = await api(second, "GET", `/v1/files/${v1.body.fileId}/details`);
  expect(details.body).toMatchObject({
    filePath: "/keep/p.png",
    width: 60,
    customMetadata: { sku: "A1" },
    versionInfo: { name: "Version 2" },
  });
  expect((await api(second, "GET", `/v1/files/${v1.body.fileId}/versions`)).body).toHaveLength(2);
  expect((await api(second, "GET", "/v1/customMetadataFields")).body.map((f: { name: string }) => f.name)).toEqual([
    "sku",
  ]);
  const delivered = await fetch(`${second.urlEndpoint}/keep/p.png`);
  expect(delivered.status).toBe(200);
  const replay = await upload(second, { file: blob("x"), fileName: "t.txt", ...auth }, { auth: null });
  expect(replay.body.message).toMatch(/has been used before/);
  expect(await readdir(join(data, "tmp"))).toEqual([]);
  expect((await readdir(join(data, "meta", "files"))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  await second.close();
});

it("removes an in-memory run's temporary folder on close", async () => {
  // os.tmpdir() reads TMPDIR, so this run's temporary folder lands where no other test file looks.
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = join(data, "scratch");
  await mkdir(process.env.TMPDIR);
  const emu = await start();
  if (previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previous;
  const created = await readdir(join(data, "scratch"));
  expect(created).toEqual([expect.stringMatching(/^ikit-emulator-/)]);
  await upload(emu, { file: blob("x"), fileName: "a.txt" });
  await emu.close();
  expect(await readdir(join(data, "scratch"))).toEqual([]);
});
