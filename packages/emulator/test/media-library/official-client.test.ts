import { pHashDistance } from "@ikit/core";
import ImageKit, { toFile } from "@imagekit/nodejs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { png, start } from "../helpers.js";

// The official Node SDK, pointed at the emulator, runs the flows an app runs against ImageKit.
let emu: Emulator;
let client: ImageKit;
beforeAll(async () => {
  emu = await start({ bulkJobDelayMs: 80 });
  client = new ImageKit({ privateKey: emu.privateKey, baseURL: emu.apiBase, maxRetries: 0 });
});
afterAll(() => emu.close());

async function uploadPng(fileName: string, folder: string, extra: Record<string, unknown> = {}) {
  return client.files.upload({
    file: await toFile(await png(64, 48), fileName),
    fileName,
    folder,
    useUniqueFileName: false,
    ...extra,
  });
}

async function waitForJob(jobId: string): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 100; i++) {
    const job = await client.folders.job.get(jobId);
    seen.push(job.status ?? "");
    if (job.status === "Completed") return seen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return seen;
}

describe("@imagekit/nodejs against the emulator", () => {
  it("uploads, reads, updates and tags files", async () => {
    const uploaded = await uploadPng("hero.png", "/site", { tags: ["home", "banner"], responseFields: ["tags"] });
    expect(uploaded).toMatchObject({
      name: "hero.png",
      filePath: "/site/hero.png",
      width: 64,
      height: 48,
      tags: ["home", "banner"],
    });
    const fileId = uploaded.fileId as string;
    const details = await client.files.get(fileId);
    expect(details).toMatchObject({ fileId, type: "file", mime: "image/png", isPrivateFile: false });
    const updated = await client.files.update(fileId, {
      tags: ["home"],
      customCoordinates: "1,2,3,4",
      description: "Hero",
    });
    expect(updated).toMatchObject({ tags: ["home"], customCoordinates: "1,2,3,4", description: "Hero" });
    await client.files.bulk.addTags({ fileIds: [fileId], tags: ["sale"] });
    await client.files.bulk.removeTags({ fileIds: [fileId], tags: ["home"] });
    expect((await client.files.get(fileId)).tags).toEqual(["sale"]);
    const unpublished = await client.files.update(fileId, { publish: { isPublished: false } });
    expect(unpublished.isPublished).toBe(false);
    expect((await fetch(`${emu.urlEndpoint}/site/hero.png`)).status).toBe(404);
  });

  it("lists and searches", async () => {
    await uploadPng("a.png", "/search", { tags: ["red"] });
    await uploadPng("b.png", "/search", { tags: ["blue"] });
    await client.files.upload({
      file: await toFile(Buffer.from("notes"), "c.txt"),
      fileName: "c.txt",
      folder: "/search",
      useUniqueFileName: false,
    });
    const inFolder = await client.assets.list({ path: "/search", sort: "ASC_NAME" });
    expect(inFolder.map((asset) => (asset as { name: string }).name)).toEqual(["a.png", "b.png", "c.txt"]);
    const images = await client.assets.list({ path: "/search", fileType: "non-image" });
    expect(images).toHaveLength(1);
    const red = await client.assets.list({ searchQuery: 'tags IN ["red"] AND createdAt > "1h"' });
    expect(red.map((asset) => (asset as { name: string }).name)).toEqual(["a.png"]);
    const either = await client.assets.list({
      searchQuery: '(name = "a.png" OR name = "b.png") AND size < "1mb"',
      sort: "DESC_NAME",
    });
    expect(either.map((asset) => (asset as { name: string }).name)).toEqual(["b.png", "a.png"]);
    const page = await client.assets.list({ path: "/search", limit: 1, skip: 1, sort: "ASC_NAME" });
    expect(page.map((asset) => (asset as { name: string }).name)).toEqual(["b.png"]);
    await expect(client.assets.list({ searchQuery: 'embeddedMetadata.Make = "x"' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("copies, moves and renames files, with 409 on a taken name", async () => {
    await uploadPng("doc.png", "/cmr");
    await client.files.copy({ sourceFilePath: "/cmr/doc.png", destinationPath: "/cmr-copy" });
    await client.files.move({ sourceFilePath: "/cmr-copy/doc.png", destinationPath: "/cmr-moved" });
    const moved = await client.assets.list({ path: "/cmr-moved" });
    expect(moved.map((asset) => (asset as { filePath: string }).filePath)).toEqual(["/cmr-moved/doc.png"]);
    const renamed = await client.files.rename({
      filePath: "/cmr-moved/doc.png",
      newFileName: "final.png",
      purgeCache: true,
    });
    expect(renamed.purgeRequestId).toEqual(expect.any(String));
    await uploadPng("taken.png", "/cmr-moved");
    await expect(
      client.files.rename({ filePath: "/cmr-moved/final.png", newFileName: "taken.png" }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await fetch(`${emu.urlEndpoint}/cmr-moved/final.png`)).status).toBe(200);
  });

  it("lists, reads, restores and deletes versions", async () => {
    const first = await uploadPng("v.png", "/versions");
    const fileId = first.fileId as string;
    await client.files.upload({
      file: await toFile(await png(10, 10), "v.png"),
      fileName: "v.png",
      folder: "/versions",
      useUniqueFileName: false,
    });
    const versions = await client.files.versions.list(fileId);
    expect(versions.map((v) => v.versionInfo?.name)).toEqual(["Version 1", "Version 2"]);
    const v1 = versions[0]?.versionInfo?.id as string;
    expect((await client.files.versions.get(v1, { fileId })).width).toBe(64);
    const restored = await client.files.versions.restore(v1, { fileId });
    expect(restored).toMatchObject({ width: 64, type: "file" });
    expect((await client.files.get(fileId)).width).toBe(64);
    const v2 = versions[1]?.versionInfo?.id as string;
    await client.files.versions.delete(v2, { fileId });
    expect(await client.files.versions.list(fileId)).toHaveLength(1);
    await expect(client.files.versions.delete(v1, { fileId })).rejects.toMatchObject({ status: 400 });
  });

  it("creates folders and runs copy, move and rename as bulk jobs", async () => {
    await client.folders.create({ folderName: "albums", parentFolderPath: "/" });
    await uploadPng("cover.png", "/albums/2024");
    const copy = await client.folders.copy({ sourceFolderPath: "/albums", destinationPath: "/backup" });
    const states = await waitForJob(copy.jobId);
    expect(states[0]).toBe("Pending");
    expect(states.at(-1)).toBe("Completed");
    expect(
      (await client.assets.list({ path: "/backup/albums/2024" })).map((a) => (a as { name: string }).name),
    ).toEqual(["cover.png"]);
    const rename = await client.folders.rename({ folderPath: "/backup/albums", newFolderName: "archive" });
    await waitForJob(rename.jobId);
    const move = await client.folders.move({ sourceFolderPath: "/backup/archive", destinationPath: "/moved" });
    await waitForJob(move.jobId);
    expect((await fetch(`${emu.urlEndpoint}/moved/archive/2024/cover.png`)).status).toBe(200);
    expect((await fetch(`${emu.urlEndpoint}/backup/archive/2024/cover.png`)).status).toBe(404);
    await client.folders.delete({ folderPath: "/moved" });
    expect(await client.assets.list({ path: "/moved/archive/2024" })).toEqual([]);
    await expect(client.folders.delete({ folderPath: "/moved" })).rejects.toMatchObject({ status: 404 });
  });

  it("purges, reads metadata and usage", async () => {
    const file = await uploadPng("meta.png", "/meta");
    const purge = await client.cache.invalidation.create({ url: `${emu.urlEndpoint}/meta/meta.png` });
    expect((await client.cache.invalidation.get(purge.requestId as string)).status).toBe("Pending");
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await client.cache.invalidation.get(purge.requestId as string)).status).toBe("Completed");
    const metadata = await client.files.metadata.get(file.fileId as string);
    expect(metadata).toMatchObject({ width: 64, height: 48, format: "png", hasTransparency: false });
    const resized = await client.files.metadata.getFromURL({ url: `${emu.urlEndpoint}/tr:w-32/meta/meta.png` });
    expect(resized).toMatchObject({ width: 32, height: 24 });
    expect(pHashDistance(metadata.pHash as string, resized.pHash as string)).toBeLessThanOrEqual(4);
    const usage = await client.accounts.usage.get({ startDate: "2026-01-01", endDate: "2026-01-31" });
    expect(usage.mediaLibraryStorageBytes).toBeGreaterThan(0);
  });

  it("manages custom metadata fields and rejects invalid values", async () => {
    const field = await client.customMetadataFields.create({
      name: "brand",
      label: "Brand",
      schema: { type: "SingleSelect", selectOptions: ["Nike", "Puma"] },
    });
    expect(field).toMatchObject({ name: "brand", schema: { type: "SingleSelect" } });
    await expect(
      client.customMetadataFields.create({ name: "brand", label: "Other", schema: { type: "Text" } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      client.customMetadataFields.create({ name: "size", label: "Size", schema: { type: "SingleSelect" } }),
    ).rejects.toMatchObject({ status: 400 });
    const updated = await client.customMetadataFields.update(field.id, { label: "Maker" });
    expect(updated.label).toBe("Maker");
    const file = await uploadPng("shoe.png", "/cm", { customMetadata: { brand: "Nike" } });
    await expect(
      client.files.update(file.fileId as string, { customMetadata: { brand: "Adidas" } }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await client.files.get(file.fileId as string)).customMetadata).toEqual({ brand: "Nike" });
    await client.customMetadataFields.delete(field.id);
    expect((await client.customMetadataFields.list()).map((f) => f.name)).not.toContain("brand");
    expect((await client.customMetadataFields.list({ includeDeleted: true })).map((f) => f.name)).toContain("brand");
  });

  it("deletes files one by one and in bulk, with 404 naming missing ids", async () => {
    const one = await uploadPng("d1.png", "/del");
    const two = await uploadPng("d2.png", "/del");
    await client.files.delete(one.fileId as string);
    await expect(client.files.get(one.fileId as string)).rejects.toMatchObject({ status: 404 });
    await expect(
      client.files.bulk.delete({ fileIds: [two.fileId as string, "000000000000000000000000"] }),
    ).rejects.toMatchObject({
      status: 404,
      error: { missingFileIds: ["000000000000000000000000"] },
    });
    const deleted = await client.files.bulk.delete({ fileIds: [two.fileId as string] });
    expect(deleted.successfullyDeletedFileIds).toEqual([two.fileId]);
  });

  it("reports auth failures as the SDK's typed errors", async () => {
    const stranger = new ImageKit({ privateKey: "private_wrong", baseURL: emu.apiBase, maxRetries: 0 });
    await expect(stranger.assets.list()).rejects.toBeInstanceOf(ImageKit.PermissionDeniedError);
  });
});
