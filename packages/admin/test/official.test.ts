// Differential: ImageKit's official @imagekit/nodejs 7.11.0 and this client, on the same flows against the same
// emulator, read the same results and see the same errors.
import { type Emulator, startEmulator } from "@ikit/emulator";
import Official, { toFile } from "@imagekit/nodejs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AdminClient, NotFoundError } from "../src/index.js";
import { PNG } from "./suite/client-suite.js";

let emu: Emulator;
let ours: AdminClient;
let official: Official;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  ours = new AdminClient({ privateKey: emu.privateKey, apiBase: emu.apiBase, uploadUrl: emu.uploadUrl });
  official = new Official({ privateKey: emu.privateKey, baseURL: emu.apiBase, maxRetries: 0 });
});
afterAll(() => emu?.close());

/** Plain data, as the official client returns it (ours carries a non-enumerable $ResponseMetadata). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

it("uploads the same file to the same record shape", async () => {
  const a = await ours.upload({
    file: new Blob([PNG]),
    fileName: "ours.png",
    folder: "/diff",
    useUniqueFileName: false,
  });
  const b = await official.files.upload({
    file: await toFile(Buffer.from(PNG), "official.png"),
    fileName: "official.png",
    folder: "/diff",
    useUniqueFileName: false,
  });
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  const same = ({ size, height, width, fileType }: typeof a) => ({ size, height, width, fileType });
  expect(same(a)).toEqual(same(b as typeof a));
});

it("reads the same list, details, versions and metadata", async () => {
  const list = await ours.listFiles({ path: "/diff", sort: "ASC_NAME" });
  expect(plain(list)).toEqual(plain(await official.assets.list({ path: "/diff", sort: "ASC_NAME" })));
  const id = list[0]?.type === "file" ? (list[0].fileId as string) : "";
  expect(plain(await ours.getFile(id))).toEqual(plain(await official.files.get(id)));
  expect(plain(await ours.listVersions(id))).toEqual(plain(await official.files.versions.list(id)));
  expect(plain(await ours.getMetadata(id))).toEqual(plain(await official.files.metadata.get(id)));
  const url = `${emu.urlEndpoint}/diff/ours.png`;
  expect(plain(await ours.getUrlMetadata(url))).toEqual(plain(await official.files.metadata.getFromURL({ url })));
});

it("sees each other's writes: tags, fields, purges, usage", async () => {
  const [file] = await ours.listFiles({ path: "/diff", sort: "ASC_NAME", limit: 1 });
  const id = (file as { fileId: string }).fileId;
  await ours.addTags([id], ["ours"]);
  await official.files.bulk.addTags({ fileIds: [id], tags: ["official"] });
  expect((await official.files.get(id)).tags).toEqual((await ours.getFile(id)).tags);
  await official.customMetadataFields.create({ name: "sku", label: "SKU", schema: { type: "Text" } });
  expect(plain(await ours.listFields())).toEqual(plain(await official.customMetadataFields.list()));
  const { requestId } = await ours.purge(`${emu.urlEndpoint}/diff/ours.png`);
  expect((await official.cache.invalidation.get(requestId)).status).toBe((await ours.purgeStatus(requestId)).status);
  const range = { startDate: "2026-01-01", endDate: "2026-01-31" };
  expect(plain(await ours.getUsage(range))).toEqual(plain(await official.accounts.usage.get(range)));
});

it("fails the same way on a missing file", async () => {
  const missing = "aaaaaaaaaaaaaaaaaaaaaaaa";
  const a = await ours.getFile(missing).catch((e: unknown) => e);
  const b = (await official.files.get(missing).catch((e: unknown) => e)) as {
    status: number;
    error: { message: string };
  };
  expect(a).toBeInstanceOf(NotFoundError);
  expect((a as NotFoundError).status).toBe(b.status);
  expect((a as NotFoundError).message).toBe(b.error.message);
});
