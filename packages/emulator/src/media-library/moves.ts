import { type Ctx, json, noContent, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { fileUrl } from "../library/details.js";
import { cleanFileName, cleanFolder, joinPath, splitFilePath } from "../library/paths.js";
import type { FileRecord } from "../library/records.js";
import { filePathOf } from "../library/store.js";
import { copyVersions, currentVersion, moveToFolder } from "../library/versions.js";
import { createPurge } from "./purge.js";

// Copy, move and rename of single files.

function sourceFile(ctx: Ctx, raw: unknown, field: string): FileRecord {
  if (typeof raw !== "string" || raw === "") throw apiErrors.requiredParameter(field);
  const { folder, name } = splitFilePath(raw, field);
  const file = ctx.app.store.fileAt(joinPath(folder, name));
  if (!file) throw apiErrors.sourceFileNotFound(raw);
  return file;
}

function destinationFolder(raw: unknown): string {
  if (typeof raw !== "string" || raw === "") throw apiErrors.requiredParameter("destinationPath");
  return cleanFolder(raw, "destinationPath");
}

/** The body, source file and destination folder of a copy or move; 400 when both are the same folder. */
async function transfer(ctx: Ctx) {
  const body = await ctx.readJson();
  const source = sourceFile(ctx, body.sourceFilePath, "sourceFilePath");
  const folder = destinationFolder(body.destinationPath);
  if (folder === source.folder) throw apiErrors.sameFolder();
  return { body, source, folder };
}

/** `POST /v1/files/copy`: into `destinationPath`, appended to the history of a same-named file there. */
export async function copyFile(ctx: Ctx): Promise<Reply> {
  const { body, source, folder } = await transfer(ctx);
  const versions = body.includeFileVersions === true ? source.versions : [currentVersion(source)];
  await copyVersions(ctx.app.store, source, versions, folder);
  return noContent();
}

/** `POST /v1/files/move`: the file and all its versions. */
export async function moveFile(ctx: Ctx): Promise<Reply> {
  const { source, folder } = await transfer(ctx);
  await moveToFolder(ctx.app.store, source, folder);
  return noContent();
}

/** `PUT /v1/files/rename`: 409 when the new name is taken; `purgeCache` answers a purge request id. */
export async function renameFile(ctx: Ctx): Promise<Reply> {
  const body = await ctx.readJson();
  if (typeof body.filePath !== "string" || body.filePath === "") throw apiErrors.missingParameter("filePath", true);
  if (typeof body.newFileName !== "string" || body.newFileName === "")
    throw apiErrors.missingParameter("newFileName", true);
  const { folder, name } = splitFilePath(body.filePath);
  const { store, settings } = ctx.app;
  const file = store.fileAt(joinPath(folder, name));
  if (!file) throw apiErrors.renameFileNotFound(body.filePath);
  const newName = cleanFileName(body.newFileName, "newFileName");
  if (newName === file.name) throw apiErrors.sameName();
  if (store.byPath.has(joinPath(folder, newName))) throw apiErrors.fileNameTaken(newName);
  const oldUrl = fileUrl(settings.urlEndpoint, file, currentVersion(file)).split("?")[0] as string;
  await store.saveFile({ ...file, name: newName }, filePathOf(file));
  return json(200, body.purgeCache === true ? { purgeRequestId: await createPurge(ctx.app, `${oldUrl}*`) } : {});
}
