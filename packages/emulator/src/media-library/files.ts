import type { FileDetailsUpdateResponse } from "@ikit/core";
import { type Ctx, json, noContent, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { fileDetails } from "../library/details.js";
import { startExtensions } from "../library/extensions.js";
import { currentVersion } from "../library/versions.js";
import { applyDetailsUpdate, readDetailsUpdate } from "./details-update.js";
import { bulkFiles, fileParam } from "./params.js";

/** `GET /v1/files/{fileId}/details` */
export function getDetails(ctx: Ctx): Reply {
  const file = fileParam(ctx);
  return json(200, fileDetails(ctx.app.settings.urlEndpoint, file, currentVersion(file)));
}

/**
 * `PATCH /v1/files/{fileId}/details`: tags, customCoordinates, customMetadata, AI tags, description, publication;
 * `extensions` start as on upload, their status in the response.
 */
export async function updateDetails(ctx: Ctx): Promise<Reply> {
  const file = fileParam(ctx);
  const update = readDetailsUpdate(await ctx.readJson());
  const { store, settings } = ctx.app;
  const updated = applyDetailsUpdate(file, update, store.fields.values());
  await store.saveFile(updated);
  const details = fileDetails(settings.urlEndpoint, updated, currentVersion(updated));
  const extensionStatus = startExtensions(ctx.app, update.extensions, update.webhookUrl, details);
  return json(200, { ...details, ...(extensionStatus && { extensionStatus }) } satisfies FileDetailsUpdateResponse);
}

/** `DELETE /v1/files/{fileId}` */
export async function deleteFile(ctx: Ctx): Promise<Reply> {
  await ctx.app.store.deleteFile(fileParam(ctx));
  return noContent();
}

/** `POST /v1/files/batch/deleteByFileIds` */
export async function batchDelete(ctx: Ctx): Promise<Reply> {
  const files = bulkFiles(ctx, await ctx.readJson(), 100, apiErrors.tooManyToDelete);
  for (const file of files) await ctx.app.store.deleteFile(file);
  return json(200, { successfullyDeletedFileIds: files.map((file) => file.fileId) });
}
