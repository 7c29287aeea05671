// The seed README's code samples (the `imagekit` Node.js SDK), adapted only in the import, the emulator's endpoints
// and real ids in place of "file_id"-style placeholders, run against the emulator; URLs checked byte for byte
// against the seed package itself.

import type { UploadResponse } from "@ikit/core";
import { type Emulator, startEmulator } from "@ikit/emulator";
import SeedImageKit from "imagekit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ImageKit from "../src/compat.js";
import { InvalidInputError } from "../src/index.js";
import { PNG } from "./suite/client-suite.js";

let emu: Emulator;
let imagekit: ImageKit;
let fileId: string;
let versionId: string;

/** Calls a seed method in its callback form and resolves with `[error, result]`. */
function viaCallback<T>(call: (cb: (error: unknown, result: T | null) => void) => unknown) {
  return new Promise<[unknown, T | null]>((resolve) => {
    call((error, result) => resolve([error, result]));
  });
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, bulkJobDelayMs: 10 });
  imagekit = new ImageKit({
    publicKey: emu.publicKey,
    privateKey: emu.privateKey,
    urlEndpoint: emu.urlEndpoint,
    apiBase: emu.apiBase,
    uploadUrl: emu.uploadUrl,
  });
});
afterAll(() => emu?.close());

describe("seed README samples through @ikit/admin/compat", () => {
  it("constructor: refuses missing keys the seed's way", () => {
    // @ts-expect-error urlEndpoint missing
    expect(() => new ImageKit({ publicKey: "p", privateKey: "k" })).toThrow(
      "Missing publicKey or privateKey or urlEndpoint during ImageKit initialization",
    );
  });

  it("url(): every README sample, byte-identical to the seed (or to the README where the seed doubles a slash)", () => {
    const init = {
      publicKey: "public_x",
      privateKey: "private_x",
      urlEndpoint: "https://ik.imagekit.io/your_imagekit_id",
    };
    const seed = new SeedImageKit(init);
    const imagekit = new ImageKit(init);
    const endpoint = "https://ik.imagekit.io/your_imagekit_id/endpoint/";
    // The README's samples as written (the overlay samples' missing commas restored).
    const samples: [Parameters<ImageKit["url"]>[0], string | undefined][] = [
      [
        { path: "/default-image.jpg", urlEndpoint: endpoint, transformation: [{ height: "300", width: "400" }] },
        "https://ik.imagekit.io/your_imagekit_id/endpoint/tr:h-300,w-400/default-image.jpg",
      ],
      [{ src: `${endpoint}default-image.jpg`, transformation: [{ height: "300", width: "400" }] }, undefined],
      [
        {
          path: "/default-image.jpg",
          urlEndpoint: endpoint,
          transformation: [{ height: "300", width: "400" }, { rotation: 90 }],
          transformationPosition: "query",
        },
        "https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=h-300%2Cw-400%3Art-90",
      ],
      [
        {
          src: `${endpoint}default-image.jpg`,
          transformation: [{ format: "jpg", progressive: "true", effectSharpen: "-", effectContrast: "1" }],
        },
        "https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=f-jpg%2Cpr-true%2Ce-sharpen%2Ce-contrast-1",
      ],
      [
        {
          path: "/default-image.jpg",
          queryParameters: { v: "123" },
          transformation: [{ height: "300", width: "400" }],
          signed: true,
          expireSeconds: 300,
        },
        undefined,
      ],
      [
        {
          src: "https://ik.imagekit.io/your_imagekit_id/default-image.jpg",
          transformation: [{ width: 400, height: 300, raw: "l-text,i-Imagekit,fs-50,l-end" }],
        },
        undefined,
      ],
      [
        {
          src: "https://ik.imagekit.io/your_imagekit_id/default-image.jpg",
          transformation: [{ width: 400, height: 300, raw: "l-image,i-default-image.jpg,w-100,b-10_CDDC39,l-end" }],
        },
        undefined,
      ],
      [
        {
          src: "https://ik.imagekit.io/your_imagekit_id/img/sample-video.mp4",
          transformation: [{ width: 400, height: 300, raw: "l-image,i-ik_canvas,bg-FF0000,w-300,h-100,l-end" }],
        },
        undefined,
      ],
      [
        {
          src: "https://ik.imagekit.io/your_imagekit_id/default-image.jpg",
          transformation: [{ width: "iw_div_4", height: "ih_div_2", border: "cw_mul_0.05_yellow" }],
        },
        undefined,
      ],
    ];
    vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ["Date"] });
    try {
      for (const [sample, readme] of samples) {
        const ours = imagekit.url(sample);
        if (readme) expect(ours, JSON.stringify(sample)).toBe(readme);
        // Core's one divergence here: an endpoint with a trailing slash gives `endpoint//path` in the seed.
        const theirs = seed.url(sample as never).replace("/endpoint//", "/endpoint/");
        expect(ours, JSON.stringify(sample)).toBe(theirs);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("upload: callback and promise forms", async () => {
    const [error, result] = await viaCallback<UploadResponse>((cb) =>
      imagekit.upload(
        {
          file: Buffer.from(PNG), //required
          fileName: "my_file_name.jpg", //required
          extensions: [{ name: "google-auto-tagging", maxTags: 5, minConfidence: 95 }],
          transformation: { pre: "w-1", post: [{ type: "transformation", value: "w-100" }] },
          checks: `"file.size" < "1mb"`,
          isPublished: true,
          useUniqueFileName: false,
        },
        cb,
      ),
    );
    expect(error).toBeNull();
    expect(result?.name).toBe("my_file_name.jpg");
    const response = (await imagekit.upload({
      file: Buffer.from(PNG),
      fileName: "my_file_name.jpg",
      useUniqueFileName: false,
      checks: `"file.size" < "1mb"`,
    })) as { fileId: string; versionInfo: { id: string } };
    fileId = response.fileId;
    versionId = response.versionInfo.id;
    expect(fileId).toBe(result?.fileId);
  });

  it("listFiles, getFileDetails, getFileVersions, getFileVersionDetails", async () => {
    const [error, list] = await viaCallback<unknown[] | object>((cb) => imagekit.listFiles({ skip: 0, limit: 10 }, cb));
    expect(error).toBeNull();
    expect(Array.isArray(list) && list.length > 0).toBe(true);
    expect(await imagekit.listFiles({ skip: 10, limit: 10 })).toEqual([]);
    expect(await imagekit.getFileDetails(fileId)).toMatchObject({ fileId, name: "my_file_name.jpg" });
    const [, versions] = await viaCallback<unknown[] | object>((cb) => imagekit.getFileVersions(fileId, cb));
    expect(versions).toHaveLength(2);
    expect(await imagekit.getFileVersionDetails({ fileId, versionId })).toMatchObject({
      versionInfo: { id: versionId },
    });
  });

  it("updateFileDetails, bulk tags, AI tags", async () => {
    const updated = await imagekit.updateFileDetails(fileId, {
      tags: ["image_tag"],
      customCoordinates: "10,10,100,100",
      extensions: [{ name: "google-auto-tagging", maxTags: 5, minConfidence: 95 }],
    });
    expect(updated).toMatchObject({ tags: ["image_tag"], customCoordinates: "10,10,100,100" });
    expect(
      await imagekit.updateFileDetails(fileId, { publish: { isPublished: true, includeFileVersions: true } }),
    ).toMatchObject({ isPublished: true });
    expect(await imagekit.bulkAddTags([fileId], ["tag1", "tag2"])).toEqual({ successfullyUpdatedFileIds: [fileId] });
    expect(await imagekit.bulkRemoveTags([fileId], ["tag1"])).toEqual({ successfullyUpdatedFileIds: [fileId] });
    expect(await imagekit.bulkRemoveAITags([fileId], ["ai-tag1", "ai-tag2"])).toEqual({
      successfullyUpdatedFileIds: [fileId],
    });
    expect(((await imagekit.getFileDetails(fileId)) as { tags: string[] }).tags).toEqual(["image_tag", "tag2"]);
  });

  it("copy, move, rename files; restore and delete versions", async () => {
    await imagekit.copyFile({
      sourceFilePath: "/my_file_name.jpg",
      destinationPath: "/folder/to/copy/into/",
      includeFileVersions: false,
    });
    await imagekit.moveFile({ sourceFilePath: "/folder/to/copy/into/my_file_name.jpg", destinationPath: "/moved/" });
    expect(
      await imagekit.renameFile({
        filePath: "/moved/my_file_name.jpg",
        newFileName: "new-file-name.jpg",
        purgeCache: false,
      }),
    ).toEqual({});
    const restored = await imagekit.restoreFileVersion({ fileId, versionId });
    expect(restored).toMatchObject({ versionInfo: { id: versionId } });
    const versions = (await imagekit.getFileVersions(fileId)) as { versionInfo: { id: string } }[];
    const other = versions.find((v) => v.versionInfo.id !== versionId)?.versionInfo.id as string;
    const [error] = await viaCallback((cb) => imagekit.deleteFileVersion({ fileId, versionId: other }, cb));
    expect(error).toBeNull();
  });

  it("the README's deleteFileVersion promise sample calls deleteFile({ fileId, versionId }): refused before sending", async () => {
    // The seed would request /v1/files/[object Object]; the facade says what is wrong instead.
    const before = emu.requests.list().length;
    // @ts-expect-error the README's typo, as written
    const error = await imagekit.deleteFile({ fileId, versionId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/fileId must be an ImageKit id/);
    expect(emu.requests.list().length).toBe(before);
    expect(await imagekit.getFileDetails(fileId)).toMatchObject({ fileId });
  });

  it("folders, bulk jobs, purge, metadata", async () => {
    await imagekit.createFolder({ folderName: "new_folder", parentFolderPath: "source/folder/path" });
    const { jobId } = (await imagekit.copyFolder({
      sourceFolderPath: "/source/folder/path",
      destinationPath: "/folder/to/copy/into/",
      includeFileVersions: false,
    })) as { jobId: string };
    // The README checks the job's status before acting on its result; so does this test.
    while (((await imagekit.getBulkJobStatus(jobId)) as { status: string }).status !== "Completed") {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const move = (await imagekit.moveFolder({
      sourceFolderPath: "/folder/to/copy/into/path",
      destinationPath: "/folder/to/move/into/",
    })) as { jobId: string };
    expect(await imagekit.getBulkJobStatus(jobId)).toMatchObject({ jobId, type: "COPY_FOLDER" });
    expect(move.jobId).toBeTruthy();
    const [error] = await viaCallback((cb) => imagekit.deleteFolder("source", cb));
    expect(error).toBeNull();
    const purge = (await imagekit.purgeCache(`${emu.urlEndpoint}/my_file_name.jpg`)) as { requestId: string };
    const status = await imagekit.getPurgeCacheStatus(purge.requestId);
    expect(status).toMatchObject({ status: expect.stringMatching(/Pending|Completed/) });
    expect((status as { $ResponseMetadata: { statusCode: number } }).$ResponseMetadata.statusCode).toBe(200);
    expect(await imagekit.getFileMetadata(fileId)).toMatchObject({ width: 1, height: 1 });
    expect(await imagekit.getFileMetadata(`${emu.urlEndpoint}/my_file_name.jpg`)).toMatchObject({ width: 1 });
  });

  it("custom metadata fields", async () => {
    const field = (await imagekit.createCustomMetadataField({
      name: "price",
      label: "price",
      schema: { type: "Number", minValue: 1000, maxValue: 3000 },
    })) as { id: string };
    expect(await imagekit.getCustomMetadataFields({ includeDeleted: false })).toHaveLength(1);
    expect(
      await imagekit.updateCustomMetadataField(field.id, { schema: { minValue: 500, maxValue: 2500 } }),
    ).toMatchObject({ schema: { minValue: 500, maxValue: 2500 } });
    const [error] = await viaCallback((cb) => imagekit.deleteCustomMetadataField(field.id, cb));
    expect(error).toBeNull();
  });

  it("utilities: authentication parameters, pHashDistance, verifyWebhookEvent agree with the seed", () => {
    const seed = new SeedImageKit({ publicKey: "public_x", privateKey: emu.privateKey, urlEndpoint: emu.urlEndpoint });
    expect(imagekit.getAuthenticationParameters("unique_token", 1_900_000_000)).toEqual(
      seed.getAuthenticationParameters("unique_token", 1_900_000_000),
    );
    const fresh = imagekit.getAuthenticationParameters();
    expect(fresh.expire).toBeGreaterThan(Date.now() / 1000);
    expect(imagekit.pHashDistance("f06830ca9f1e3e90", "f06830ca9f1e3e90")).toBe(0);
    expect(imagekit.pHashDistance("2d5ad3936d2e015b", "2d6ed293db36a4fb")).toBe(17);
    expect(imagekit.pHashDistance("a4a65595ac94518b", "7838873e791f8400")).toBe(37);
    const body = JSON.stringify({ type: "video.transformation.accepted", id: "1" });
    const t = 1_700_000_000_000;
    const { createHmac } = require("node:crypto") as typeof import("node:crypto");
    const signature = `t=${t},v1=${createHmac("sha256", "whsec_x").update(`${t}.${body}`).digest("hex")}`;
    expect(imagekit.verifyWebhookEvent(body, signature, "whsec_x")).toEqual(
      seed.verifyWebhookEvent(body, signature, "whsec_x"),
    );
    expect(() => imagekit.verifyWebhookEvent(body, signature, "whsec_y")).toThrow("Incorrect signature");
  });

  it("errors are the seed's shape: message, help, $ResponseMetadata; rate limits add X-RateLimit-*", async () => {
    const error = (await imagekit.getFileDetails("aaaaaaaaaaaaaaaaaaaaaaaa").catch((e: unknown) => e)) as Record<
      string,
      unknown
    > & { $ResponseMetadata: { statusCode: number; headers: Record<string, string> } };
    expect(error).not.toBeInstanceOf(Error);
    expect(typeof error.message).toBe("string");
    expect(typeof error.help).toBe("string");
    expect(error.$ResponseMetadata.statusCode).toBe(404);
    expect(error.$ResponseMetadata.headers["x-request-id"]).toBeTruthy();
    emu.rateLimits["purge.status"] = { limit: 0, intervalMs: 60_000 };
    const limited = new ImageKit({
      publicKey: "public_x",
      privateKey: emu.privateKey,
      urlEndpoint: emu.urlEndpoint,
      apiBase: emu.apiBase,
      client: { retries: 0 },
    });
    const [rate] = await viaCallback((cb) => limited.getPurgeCacheStatus("abc", cb));
    expect(rate).toMatchObject({ "X-RateLimit-Limit": 0, "X-RateLimit-Interval": 60_000 });
    delete emu.rateLimits["purge.status"];
  });
});
