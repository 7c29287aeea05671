import type { Ctx } from "../context.js";
import type { ApiError } from "../errors/api-error.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { isId } from "../storage/ids.js";

/**
 * The file named by the route's first parameter: 400 for a malformed id, 404 for an unknown one.
 *
 * @example
 * ```ts
 * const file = fileParam(ctx); // GET /v1/files/{fileId}/details
 * ```
 */
export function fileParam(ctx: Ctx): FileRecord {
  const id = ctx.params[0] ?? "";
  if (!isId(id)) throw apiErrors.invalidParameter("fileId");
  const file = ctx.app.store.files.get(id);
  if (!file) throw apiErrors.fileNotFound();
  return file;
}

/**
 * The version of `file` named by the route's second parameter: 400 for a malformed id, 404 (`missing`) otherwise.
 *
 * @example
 * ```ts
 * const version = versionParam(ctx, file, apiErrors.versionNotFound);
 * ```
 */
export function versionParam(ctx: Ctx, file: FileRecord, missing: () => ApiError): FileVersion {
  const id = ctx.params[1] ?? "";
  if (!isId(id)) throw apiErrors.invalidParameter("versionId");
  const version = file.versions.find((v) => v.versionId === id);
  if (!version) throw missing();
  return version;
}

/**
 * The files named by a bulk request's `fileIds`, checked as ImageKit does (present, an array of strings, not empty, at
 * most `max`); every id must exist, or it is a 404 listing the `missingFileIds`.
 *
 * @example
 * ```ts
 * const files = bulkFiles(ctx, body, 50, apiErrors.tooManyToEdit);
 * ```
 */
export function bulkFiles(ctx: Ctx, body: Record<string, unknown>, max: number, tooMany: () => ApiError): FileRecord[] {
  const ids = body.fileIds;
  if (ids === undefined) throw apiErrors.missingParameter("fileIds");
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) throw apiErrors.fileIdsNotArray();
  if (ids.length === 0) throw apiErrors.fileIdsEmpty();
  if (ids.length > max) throw tooMany();
  const missing = ids.filter((id) => !ctx.app.store.files.has(id));
  if (missing.length) throw apiErrors.filesNotFound(missing);
  return [...new Set(ids)].map((id) => ctx.app.store.files.get(id) as FileRecord);
}
