import type { Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { sendEmpty, sendJson } from "../http/responses.js";
import { fileDetails } from "../library/details.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { fileParam } from "./files.js";

function versionParam(ctx: Ctx, file: FileRecord, missing: string): FileVersion {
  const id = ctx.params[1] ?? "";
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ApiError(400, "Your request contains invalid versionId parameter.");
  const version = file.versions.find((v) => v.versionId === id);
  if (!version) throw new ApiError(404, missing);
  return version;
}

/** `GET /v1/files/{fileId}/versions` */
export function listVersions(ctx: Ctx): void {
  const file = fileParam(ctx);
  sendJson(
    ctx,
    200,
    file.versions.map((version) => fileDetails(ctx.app.settings.urlEndpoint, file, version)),
  );
}

/** `GET /v1/files/{fileId}/versions/{versionId}` */
export function getVersion(ctx: Ctx): void {
  const file = fileParam(ctx);
  sendJson(
    ctx,
    200,
    fileDetails(
      ctx.app.settings.urlEndpoint,
      file,
      versionParam(ctx, file, "The requested file version does not exist."),
    ),
  );
}

/** `DELETE /v1/files/{fileId}/versions/{versionId}`: any version but the current one. */
export async function deleteVersion(ctx: Ctx): Promise<void> {
  const file = fileParam(ctx);
  const version = versionParam(ctx, file, "The requested asset does not exist.");
  if (version.versionId === file.currentVersionId)
    throw new ApiError(400, "You cannot delete current version of a file.");
  await ctx.app.store.saveFile({ ...file, versions: file.versions.filter((v) => v !== version) });
  await ctx.app.store.blobs.remove(version.blobId);
  sendEmpty(ctx, 204);
}

/** `PUT /v1/files/{fileId}/versions/{versionId}/restore`: makes that version current. */
export async function restoreVersion(ctx: Ctx): Promise<void> {
  const file = fileParam(ctx);
  const version = versionParam(ctx, file, "The requested file version does not exist.");
  const restored = { ...version, updatedAt: new Date().toISOString() };
  const updated: FileRecord = {
    ...file,
    currentVersionId: version.versionId,
    versions: file.versions.map((v) => (v.versionId === version.versionId ? restored : v)),
  };
  await ctx.app.store.saveFile(updated);
  sendJson(ctx, 200, fileDetails(ctx.app.settings.urlEndpoint, updated, restored));
}
