import { type Ctx, json, noContent, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { fileDetails } from "../library/details.js";
import type { FileRecord } from "../library/records.js";
import { withVersion } from "../library/versions.js";
import { fileParam, versionParam } from "./params.js";

/** `GET /v1/files/{fileId}/versions` */
export function listVersions(ctx: Ctx): Reply {
  const file = fileParam(ctx);
  return json(
    200,
    file.versions.map((version) => fileDetails(ctx.app.settings.urlEndpoint, file, version)),
  );
}

/** `GET /v1/files/{fileId}/versions/{versionId}` */
export function getVersion(ctx: Ctx): Reply {
  const file = fileParam(ctx);
  const version = versionParam(ctx, file, apiErrors.versionNotFound);
  return json(200, fileDetails(ctx.app.settings.urlEndpoint, file, version));
}

/** `DELETE /v1/files/{fileId}/versions/{versionId}`: any version but the current one. */
export async function deleteVersion(ctx: Ctx): Promise<Reply> {
  const file = fileParam(ctx);
  const version = versionParam(ctx, file, apiErrors.assetNotFound);
  if (version.versionId === file.currentVersionId) throw apiErrors.deleteCurrentVersion();
  await ctx.app.store.saveFile({ ...file, versions: file.versions.filter((v) => v !== version) });
  await ctx.app.store.blobs.remove(version.blobId);
  return noContent();
}

/** `PUT /v1/files/{fileId}/versions/{versionId}/restore`: makes that version current. */
export async function restoreVersion(ctx: Ctx): Promise<Reply> {
  const file = fileParam(ctx);
  const version = versionParam(ctx, file, apiErrors.versionNotFound);
  const restored = { ...version, updatedAt: new Date().toISOString() };
  const updated: FileRecord = { ...withVersion(file, restored), currentVersionId: version.versionId };
  await ctx.app.store.saveFile(updated);
  return json(200, fileDetails(ctx.app.settings.urlEndpoint, updated, restored));
}
