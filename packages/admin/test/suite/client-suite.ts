// Every AdminClient method against a real emulator over HTTP. Shared by the Node project (client.test.ts) and the
// workerd project (workerd/client.workerd.ts), so the same assertions hold in both runtimes.
import { beforeAll, describe, expect, it } from "vitest";
import {
  AdminClient,
  AuthError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  type ListItem,
  NotFoundError,
} from "../../src/index.js";

/** Where the emulator is: the Node test starts it, the workerd test gets it from the global setup. */
export interface SuiteEnv {
  apiBase: string;
  uploadUrl: string;
  urlEndpoint: string;
  privateKey: string;
}

/** A 1×1 PNG, so metadata and delivery have a real image. */
export const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

/** Runs the suite; `env()` is read in `beforeAll`, after the emulator started. */
export function clientSuite(env: () => SuiteEnv): void {
  let admin: AdminClient;
  let calls = 0;
  const folder = `/suite-${crypto.randomUUID().slice(0, 8)}`;
  const upload = (name: string, extra: object = {}) =>
    admin.upload({
      file: new Blob([PNG], { type: "image/png" }),
      fileName: name,
      folder,
      useUniqueFileName: false,
      ...extra,
    });

  beforeAll(() => {
    const { apiBase, uploadUrl, privateKey } = env();
    admin = new AdminClient({
      privateKey,
      apiBase,
      uploadUrl,
      retries: 0,
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
  });

  describe("files", () => {
    it("uploads a Blob and a stream, lists, pages, reads and updates them", async () => {
      const a = await upload("a.png", { tags: ["one", "two"] });
      expect(a.fileId).toMatch(/^[0-9a-f]{24}$/);
      expect(a.name).toBe("a.png");
      expect(a.$ResponseMetadata.statusCode).toBe(200);
      expect(a.$ResponseMetadata.requestId).toBeTruthy();
      expect(Object.keys(a)).not.toContain("$ResponseMetadata");
      const stream = new Blob([PNG]).stream();
      const b = await admin.upload({ file: stream, fileName: "b.png", folder, useUniqueFileName: false });
      expect(b.size).toBe(PNG.byteLength);

      const listed = await admin.listFiles({ path: folder, sort: "ASC_NAME", type: "file" });
      expect(listed.map((f) => f.name)).toEqual(["a.png", "b.png"]);
      expect(listed.$ResponseMetadata.headers["content-type"]).toContain("application/json");

      const paged: ListItem[] = [];
      for await (const item of admin.iterateFiles({ path: folder, sort: "ASC_NAME", limit: 1 })) paged.push(item);
      expect(paged.map((f) => f.name)).toEqual(["a.png", "b.png"]);

      const details = await admin.getFile(a.fileId as string);
      expect(details.tags).toEqual(["one", "two"]);
      const updated = await admin.updateFile(a.fileId as string, { tags: ["three"], customCoordinates: "0,0,1,1" });
      expect(updated.tags).toEqual(["three"]);
      expect(updated.customCoordinates).toBe("0,0,1,1");
    });

    it("adds and removes tags and AI tags", async () => {
      const f = await upload("tags.png");
      const id = f.fileId as string;
      expect((await admin.addTags([id], ["x", "y"])).successfullyUpdatedFileIds).toEqual([id]);
      expect((await admin.getFile(id)).tags).toEqual(["x", "y"]);
      await admin.removeTags([id], ["x"]);
      expect((await admin.getFile(id)).tags).toEqual(["y"]);
      expect((await admin.removeAITags([id], ["Cat"])).successfullyUpdatedFileIds).toEqual([id]);
      await expect(admin.addTags(["aaaaaaaaaaaaaaaaaaaaaaaa"], ["x"])).rejects.toMatchObject({
        status: 404,
        body: { missingFileIds: ["aaaaaaaaaaaaaaaaaaaaaaaa"] },
      });
    });

    it("keeps versions: list, get, restore, delete", async () => {
      const first = await upload("v.png");
      const second = await upload("v.png");
      const id = first.fileId as string;
      expect(second.fileId).toBe(id);
      const versions = await admin.listVersions(id);
      expect(versions).toHaveLength(2);
      const old = versions.find((v) => v.versionInfo?.id !== second.versionInfo?.id);
      const oldId = old?.versionInfo?.id as string;
      expect((await admin.getVersion(id, oldId)).versionInfo?.id).toBe(oldId);
      const restored = await admin.restoreVersion(id, oldId);
      expect(restored.versionInfo?.id).toBe(oldId);
      await admin.deleteVersion(id, second.versionInfo?.id as string);
      expect(await admin.listVersions(id)).toHaveLength(1);
    });

    it("copies, moves and renames files; a taken name is a ConflictError", async () => {
      await upload("c.png");
      await admin.createFolder({ folderName: "dest", parentFolderPath: folder });
      await admin.copyFile({ sourceFilePath: `${folder}/c.png`, destinationPath: `${folder}/dest` });
      await admin.moveFile({ sourceFilePath: `${folder}/c.png`, destinationPath: `${folder}/dest/moved` });
      const renamed = await admin.renameFile({
        filePath: `${folder}/dest/c.png`,
        newFileName: "d.png",
        purgeCache: true,
      });
      expect(renamed.purgeRequestId).toBeTruthy();
      const names = (await admin.listFiles({ path: `${folder}/dest`, type: "file" })).map((f) => f.name);
      expect(names).toEqual(["d.png"]);
      await admin.copyFile({ sourceFilePath: `${folder}/dest/d.png`, destinationPath: `${folder}/dest/moved` });
      const error = await admin
        .renameFile({ filePath: `${folder}/dest/moved/c.png`, newFileName: "d.png" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).$ResponseMetadata.statusCode).toBe(409);
    });

    it("deletes one file and a batch; a deleted file is a NotFoundError with ImageKit's message", async () => {
      const [x, y, z] = await Promise.all([upload("x.png"), upload("y.png"), upload("z.png")]);
      await admin.deleteFile(x.fileId as string);
      const gone = await admin.getFile(x.fileId as string).catch((e: unknown) => e);
      expect(gone).toBeInstanceOf(NotFoundError);
      expect((gone as NotFoundError).message).toMatch(/file/i);
      expect((gone as NotFoundError).requestId).toBeTruthy();
      const batch = await admin.deleteFiles([y.fileId as string, z.fileId as string]);
      expect(batch.successfullyDeletedFileIds.sort()).toEqual([y.fileId, z.fileId].sort());
    });
  });

  describe("folders and jobs", () => {
    it("copies, moves and renames folders as jobs and waits for them", async () => {
      await admin.createFolder({ folderName: "src", parentFolderPath: folder });
      await admin.upload({
        file: new Blob([PNG]),
        fileName: "in.png",
        folder: `${folder}/src`,
        useUniqueFileName: false,
      });
      const copy = await admin.copyFolder({ sourceFolderPath: `${folder}/src`, destinationPath: `${folder}/copy` });
      expect(copy.jobId).toBeTruthy();
      expect((await admin.waitForJob(copy.jobId, { interval: 50, timeout: 10_000 })).status).toBe("Completed");
      const move = await admin.moveFolder({
        sourceFolderPath: `${folder}/copy/src`,
        destinationPath: `${folder}/moved`,
      });
      await admin.waitForJob(move.jobId, { interval: 50 });
      const rename = await admin.renameFolder({ folderPath: `${folder}/moved/src`, newFolderName: "renamed" });
      const done = await admin.waitForJob(rename.jobId, { interval: 50 });
      expect(done.status).toBe("Completed");
      expect((await admin.getJob(rename.jobId)).status).toBe("Completed");
      const files = await admin.listFiles({ path: `${folder}/moved/renamed`, type: "file" });
      expect(files.map((f) => f.name)).toEqual(["in.png"]);
      await admin.deleteFolder(`${folder}/moved`);
      expect(await admin.listFiles({ path: `${folder}/moved/renamed` })).toEqual([]);
    });
  });

  describe("purge, metadata, fields, usage", () => {
    it("purges a URL and waits for the purge", async () => {
      const { requestId } = await admin.purge(`${env().urlEndpoint}${folder}/a.png`);
      expect(["Pending", "Completed"]).toContain((await admin.purgeStatus(requestId)).status);
      expect((await admin.waitForPurge(requestId, { interval: 50, timeout: 5000 })).status).toBe("Completed");
    });

    it("reads metadata by id and by URL", async () => {
      const f = await upload("meta.png");
      const byId = await admin.getMetadata(f.fileId as string);
      expect(byId).toMatchObject({ width: 1, height: 1, format: "png" });
      expect(byId.pHash).toMatch(/^[0-9a-f]{16}$/);
      const byUrl = await admin.getUrlMetadata(`${env().urlEndpoint}${folder}/meta.png`);
      expect(byUrl).toMatchObject({ width: 1, height: 1 });
    });

    it("creates, lists, updates and deletes custom metadata fields", async () => {
      const name = `price${crypto.randomUUID().slice(0, 6)}`;
      const field = await admin.createField({ name, label: name, schema: { type: "Number", minValue: 0 } });
      expect(field).toMatchObject({ name, schema: { type: "Number", minValue: 0 } });
      expect((await admin.listFields()).map((f) => f.id)).toContain(field.id);
      const updated = await admin.updateField(field.id, { label: `${name} EUR` });
      expect(updated.label).toBe(`${name} EUR`);
      await admin.deleteField(field.id);
      expect((await admin.listFields()).map((f) => f.id)).not.toContain(field.id);
      expect((await admin.listFields({ includeDeleted: true })).map((f) => f.id)).toContain(field.id);
    });

    it("reports usage", async () => {
      const usage = await admin.getUsage({ startDate: "2026-01-01", endDate: "2026-01-31" });
      expect(typeof usage.mediaLibraryStorageBytes).toBe("number");
    });
  });

  describe("errors", () => {
    it("maps a wrong key to ForbiddenError, no key to AuthError, a bad search to BadRequestError", async () => {
      const { apiBase, uploadUrl, privateKey } = env();
      const wrong = new AdminClient({ privateKey: "private_wrong", apiBase, uploadUrl, retries: 0 });
      const denied = await wrong.listFiles().catch((e: unknown) => e);
      expect(denied).toBeInstanceOf(ForbiddenError);
      expect((denied as ForbiddenError).status).toBe(403);
      // A proxy that drops the Authorization header: ImageKit answers 401.
      const stripped = new AdminClient({
        privateKey,
        apiBase,
        retries: 0,
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          headers.delete("authorization");
          return fetch(input, { ...init, headers });
        },
      });
      const anonymous = await stripped.listFiles().catch((e: unknown) => e);
      expect(anonymous).toBeInstanceOf(AuthError);
      expect((anonymous as AuthError).$ResponseMetadata.statusCode).toBe(401);
      const bad = await admin.listFiles({ searchQuery: "size HAS 1" }).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(BadRequestError);
      expect((bad as BadRequestError).$ResponseMetadata.statusCode).toBe(400);
      expect((bad as BadRequestError).message).toMatch(/HAS/);
      expect(typeof (bad as BadRequestError).help).toBe("string");
      expect((bad as BadRequestError).requestId).toBe(
        (bad as BadRequestError).$ResponseMetadata.headers["x-request-id"],
      );
    });

    it("refuses bad input before any request", async () => {
      const { apiBase } = env();
      const before = calls;
      expect(() => new AdminClient({ privateKey: "" })).toThrow(InvalidInputError);
      expect(() => new AdminClient({ privateKey: "public_abc", apiBase })).toThrow(/public key/);
      await expect(admin.listFiles({ limit: 1001 })).rejects.toThrow(/limit must be a whole number from 1 to 1000/);
      await expect(admin.listFiles({ limit: 0 })).rejects.toBeInstanceOf(InvalidInputError);
      // @ts-expect-error an unknown sort
      await expect(admin.listFiles({ sort: "BIGGEST" })).rejects.toThrow(/sort "BIGGEST" is not one of/);
      await expect(admin.getFile("../etc/passwd")).rejects.toThrow(/fileId must be an ImageKit id/);
      await expect(admin.deleteFiles([])).rejects.toBeInstanceOf(InvalidInputError);
      await expect(admin.addTags(["a"], [])).rejects.toBeInstanceOf(InvalidInputError);
      // @ts-expect-error fileName is required
      await expect(admin.upload({ file: new Blob(["x"]) })).rejects.toThrow(/fileName/);
      expect(calls).toBe(before);
    });

    it("rejects with the caller's abort reason", async () => {
      const controller = new AbortController();
      controller.abort(new Error("stop"));
      await expect(admin.listFiles({}, { signal: controller.signal })).rejects.toThrow("stop");
    });
  });
}
