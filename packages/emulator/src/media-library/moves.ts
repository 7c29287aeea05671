import type { Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { readJson, sendEmpty, sendJson } from "../http/responses.js";
import { fileUrl } from "../library/details.js";
import { cleanFileName, cleanFolder, joinPath, splitFilePath } from "../library/paths.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { currentVersion, filePathOf } from "../library/store.js";
import { objectId } from "../storage/ids.js";
import { createPurge } from "./purge.js";

// Copy, move and rename of single files.

function sourceFile(ctx: Ctx, raw: unknown, field: string): FileRecord {
  if (typeof raw !== "string" || raw === "")
    throw new ApiError(400, `Your request is missing parameters / contains invalid parameters: ${field} is required.`, {
      reason: "MISSING_PARAMETER",
    });
  const { folder, name } = splitFilePath(raw, field);
  const file = ctx.app.store.fileAt(joinPath(folder, name));
  if (!file) throw new ApiError(404, `No file found with filePath \`${raw}\`.`, { reason: "SOURCE_FILE_MISSING" });
  return file;
}

function destinationFolder(raw: unknown): string {
  if (typeof raw !== "string" || raw === "")
    throw new ApiError(
      400,
      "Your request is missing parameters / contains invalid parameters: destinationPath is required.",
      { reason: "MISSING_PARAMETER" },
    );
  return cleanFolder(raw, "destinationPath");
}

/** Copies `versions` (blobs included) into `folder`: a new file, or new versions of the file already there. */
async function place(ctx: Ctx, source: FileRecord, versions: FileVersion[], folder: string): Promise<FileRecord> {
  const { store } = ctx.app;
  const existing = store.fileAt(joinPath(folder, source.name));
  const fileId = existing?.fileId ?? objectId();
  const now = new Date().toISOString();
  const copies: FileVersion[] = [];
  let count = existing?.versions.length ?? 0;
  for (const version of versions) {
    const versionId = !existing && copies.length === 0 ? fileId : objectId();
    await store.blobs.copy(version.blobId, versionId);
    copies.push({
      ...version,
      versionId,
      blobId: versionId,
      name: `Version ${++count}`,
      createdAt: now,
      updatedAt: now,
    });
  }
  const last = copies[copies.length - 1] as FileVersion;
  const file: FileRecord = existing
    ? { ...existing, currentVersionId: last.versionId, versions: [...existing.versions, ...copies] }
    : { fileId, name: source.name, folder, currentVersionId: last.versionId, versions: copies };
  await store.saveFile(file);
  return file;
}

/** The body, source file and destination folder of a copy or move; 400 when both are the same folder. */
async function transfer(ctx: Ctx) {
  const body = await readJson(ctx);
  const source = sourceFile(ctx, body.sourceFilePath, "sourceFilePath");
  const folder = destinationFolder(body.destinationPath);
  if (folder === source.folder)
    throw new ApiError(400, "sourceFilePath and destinationPath are the same folder.", {
      reason: "SAME_SOURCE_AND_DESTINATION",
    });
  return { body, source, folder };
}

/** `POST /v1/files/copy`: into `destinationPath`, appended to the history of a same-named file there. */
export async function copyFile(ctx: Ctx): Promise<void> {
  const { body, source, folder } = await transfer(ctx);
  const versions = body.includeFileVersions === true ? source.versions : [currentVersion(source)];
  await place(ctx, source, versions, folder);
  sendEmpty(ctx, 204);
}

/** `POST /v1/files/move`: the file and all its versions. */
export async function moveFile(ctx: Ctx): Promise<void> {
  const { source, folder } = await transfer(ctx);
  const { store } = ctx.app;
  if (store.fileAt(joinPath(folder, source.name))) {
    await place(ctx, source, source.versions, folder);
    await store.deleteFile(source);
  } else {
    const previous = filePathOf(source);
    await store.saveFile({ ...source, folder }, previous);
  }
  sendEmpty(ctx, 204);
}

/** `PUT /v1/files/rename`: 409 when the new name is taken; `purgeCache` answers a purge request id. */
export async function renameFile(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  if (typeof body.filePath !== "string" || body.filePath === "")
    throw new ApiError(400, "filePath parameter is missing.", { reason: "MISSING_PARAMETER" });
  if (typeof body.newFileName !== "string" || body.newFileName === "")
    throw new ApiError(400, "newFileName parameter is missing.", { reason: "MISSING_PARAMETER" });
  const { folder, name } = splitFilePath(body.filePath);
  const { store, settings } = ctx.app;
  const file = store.fileAt(joinPath(folder, name));
  if (!file)
    throw new ApiError(404, `No file found in media library at filePath ${body.filePath}`, { reason: "FILE_MISSING" });
  const newName = cleanFileName(body.newFileName, "newFileName");
  if (newName === file.name)
    throw new ApiError(400, "newFileName cannot be the same as its existing name.", {
      reason: "SAME_OLD_AND_NEW_NAME",
    });
  if (store.byPath.has(joinPath(folder, newName))) {
    throw new ApiError(409, `File with name ${newName} already exists at the same location.`, {
      reason: "FILE_ALREADY_EXISTS",
    });
  }
  const oldUrl = fileUrl(settings.urlEndpoint, file, currentVersion(file)).split("?")[0] as string;
  await store.saveFile({ ...file, name: newName }, filePathOf(file));
  if (body.purgeCache === true) sendJson(ctx, 200, { purgeRequestId: await createPurge(ctx.app, `${oldUrl}*`) });
  else sendJson(ctx, 200, {});
}
