import type { App, Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { readJson, sendEmpty, sendJson } from "../http/responses.js";
import { cleanFolder, isInside, looksLikeTraversal } from "../library/paths.js";
import type { FileRecord, FileVersion, JobRecord } from "../library/records.js";
import { filePathOf } from "../library/store.js";
import { objectId } from "../storage/ids.js";
import { createPurge } from "./purge.js";

const FOLDER_NAME_UNSAFE = /[^\p{L}\p{M}\p{N}-]/gu;

function folderName(raw: unknown, field: string): string {
  if (typeof raw !== "string" || raw.trim() === "")
    throw new ApiError(400, `${field} parameter is missing.`, { reason: "MISSING_PARAMETER" });
  const trimmed = raw.trim();
  if (trimmed === "." || trimmed === ".." || looksLikeTraversal(trimmed) || trimmed.includes("/")) {
    throw new ApiError(400, "'.' & '..' can not be used as folder-name", { reason: "INVALID_FOLDER_PATH" });
  }
  return trimmed.replace(FOLDER_NAME_UNSAFE, "_");
}

function folderPath(raw: unknown, field: string): string {
  if (typeof raw !== "string" || raw === "")
    throw new ApiError(400, `${field} parameter is missing.`, { reason: "MISSING_PARAMETER" });
  return cleanFolder(raw, field);
}

/** `POST /v1/folder`: creates `parentFolderPath/folderName` and any missing parents. */
export async function createFolder(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const name = folderName(body.folderName, "folderName");
  const parent = folderPath(body.parentFolderPath ?? "/", "parentFolderPath");
  await ctx.app.store.ensureFolder(`${parent}/${name}`);
  sendJson(ctx, 201, {});
}

/** Whether a folder exists, as a record or implied by files inside it. */
function folderExists(app: App, path: string): boolean {
  return app.store.folders.has(path) || [...app.store.files.values()].some((file) => isInside(file.folder, path));
}

/** Deletes a folder, its sub-folders and every file inside them. */
async function removeTree(app: App, path: string): Promise<void> {
  for (const file of app.store.filesUnder(path)) await app.store.deleteFile(file);
  for (const folder of [...app.store.folders.values()])
    if (isInside(folder.path, path)) await app.store.deleteFolderRecord(folder);
}

/** `DELETE /v1/folder` */
export async function deleteFolder(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const path = folderPath(body.folderPath, "folderPath");
  if (path === "" || !folderExists(ctx.app, path)) {
    throw new ApiError(404, `No folder found with folderPath \`${String(body.folderPath)}\`.`, {
      reason: "FOLDER_NOT_FOUND",
    });
  }
  await removeTree(ctx.app, path);
  sendEmpty(ctx, 204);
}

/** Copies (or, with `move`, relocates) everything under `from` to `to` (both full folder paths). */
async function relocate(
  app: App,
  from: string,
  to: string,
  opts: { move: boolean; includeVersions: boolean },
): Promise<void> {
  const { store } = app;
  const target = (path: string) => to + path.slice(from.length);
  for (const folder of [...store.folders.values()])
    if (isInside(folder.path, from)) await store.ensureFolder(target(folder.path));
  await store.ensureFolder(to);
  for (const file of store.filesUnder(from)) {
    const folder = target(file.folder);
    if (opts.move) {
      await store.saveFile({ ...file, folder }, filePathOf(file));
      continue;
    }
    const versions = opts.includeVersions
      ? file.versions
      : file.versions.filter((v) => v.versionId === file.currentVersionId);
    const fileId = objectId();
    const copies: FileVersion[] = [];
    for (const [index, version] of versions.entries()) {
      const versionId = index === 0 ? fileId : objectId();
      await store.blobs.copy(version.blobId, versionId);
      copies.push({ ...version, versionId, blobId: versionId, name: `Version ${index + 1}` });
    }
    const copy: FileRecord = {
      fileId,
      name: file.name,
      folder,
      currentVersionId: (copies.at(-1) as FileVersion).versionId,
      versions: copies,
    };
    await store.saveFile(copy);
  }
  if (opts.move)
    for (const folder of [...store.folders.values()])
      if (isInside(folder.path, from)) await store.deleteFolderRecord(folder);
}

/** Starts a job that stays `Pending` for `delayMs`, then runs `work` and turns `Completed`. */
async function startJob(
  ctx: Ctx,
  type: JobRecord["type"],
  work: () => Promise<void>,
  extra: Partial<JobRecord> = {},
): Promise<string> {
  const { app } = ctx;
  const job: JobRecord = { jobId: objectId(), type, status: "Pending", createdAt: Date.now(), ...extra };
  await app.store.saveJob(job);
  app.spawn(async () => {
    await new Promise((resolve) => setTimeout(resolve, app.jobDelayMs));
    await work();
    await app.store.saveJob({ ...job, status: "Completed" });
  });
  return job.jobId;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** `POST /v1/bulkJobs/copyFolder` and `moveFolder`: the source folder goes inside `destinationPath`. */
export function folderJob(kind: "copy" | "move") {
  return async (ctx: Ctx): Promise<void> => {
    const body = await readJson(ctx);
    const source = folderPath(body.sourceFolderPath, "sourceFolderPath");
    const destination = folderPath(body.destinationPath, "destinationPath");
    if (source === "") throw new ApiError(400, "sourceFolderPath cannot be root.", { reason: "SOURCE_IS_ROOT" });
    if (source === destination)
      throw new ApiError(400, "sourceFolderPath and destinationPath is same", {
        reason: "SAME_SOURCE_AND_DESTINATION",
      });
    if (isInside(destination, source)) {
      throw new ApiError(
        400,
        "This operation is not allowed because parent folder cannot be moved into child folder.",
        { reason: "INVALID_PARAMETER" },
      );
    }
    if (!folderExists(ctx.app, source)) {
      throw new ApiError(404, `No files & folder found at sourceFolderPath \`${String(body.sourceFolderPath)}\`.`, {
        reason: "NO_FILES_FOLDER",
      });
    }
    const to = `${destination}/${lastSegment(source)}`;
    const jobId = await startJob(ctx, kind === "copy" ? "COPY_FOLDER" : "MOVE_FOLDER", () =>
      relocate(ctx.app, source, to, { move: kind === "move", includeVersions: body.includeVersions === true }),
    );
    sendJson(ctx, 200, { jobId });
  };
}

/** `POST /v1/bulkJobs/renameFolder`: 409 when the new name is taken. */
export async function renameFolder(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  if (body.folderPath === undefined) throw new ApiError(400, "folderPath parameter is missing.");
  const path = folderPath(body.folderPath, "folderPath");
  if (path === "") throw new ApiError(400, "folderPath cannot be root.");
  const name = folderName(body.newFolderName, "newFolderName");
  if (!folderExists(ctx.app, path)) throw new ApiError(404, "Source folder not found.");
  const to = `${path.slice(0, path.lastIndexOf("/"))}/${name}`;
  if (to !== path && folderExists(ctx.app, to))
    throw new ApiError(409, `Folder with name ${name} already exists at the same location.`);
  const extra =
    body.purgeCache === true
      ? { purgeRequestId: await createPurge(ctx.app, `${ctx.app.settings.urlEndpoint}${path}/*`) }
      : {};
  const jobId = await startJob(
    ctx,
    "RENAME_FOLDER",
    () => relocate(ctx.app, path, to, { move: true, includeVersions: true }),
    extra,
  );
  sendJson(ctx, 202, { jobId });
}

/** `GET /v1/bulkJobs/{jobId}` */
export function jobStatus(ctx: Ctx): void {
  const job = ctx.app.store.jobs.get(ctx.params[0] ?? "");
  if (!job) throw new ApiError(404, "The requested job does not exist.");
  sendJson(ctx, 200, {
    jobId: job.jobId,
    type: job.type,
    status: job.status,
    ...(job.purgeRequestId && { purgeRequestId: job.purgeRequestId }),
  });
}
