import type { Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
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
  if (!isId(id)) throw new ApiError(400, "Your request contains invalid fileId parameter.");
  const file = ctx.app.store.files.get(id);
  if (!file) throw new ApiError(404, "The requested file does not exist.");
  return file;
}

/**
 * The version of `file` named by the route's second parameter: 400 for a malformed id, 404 (`missing`) otherwise.
 *
 * @example
 * ```ts
 * const version = versionParam(ctx, file, "The requested file version does not exist.");
 * ```
 */
export function versionParam(ctx: Ctx, file: FileRecord, missing: string): FileVersion {
  const id = ctx.params[1] ?? "";
  if (!isId(id)) throw new ApiError(400, "Your request contains invalid versionId parameter.");
  const version = file.versions.find((v) => v.versionId === id);
  if (!version) throw new ApiError(404, missing);
  return version;
}

/**
 * The files named by a bulk request's `fileIds`, checked as ImageKit does (present, an array of strings, not empty, at
 * most `max`); every id must exist, or it is a 404 listing the `missingFileIds`.
 *
 * @example
 * ```ts
 * const files = bulkFiles(ctx, body, 50, "A maximum of 50 files can be edited at a time.");
 * ```
 */
export function bulkFiles(ctx: Ctx, body: Record<string, unknown>, max: number, tooMany: string): FileRecord[] {
  const ids = body.fileIds;
  if (ids === undefined) throw new ApiError(400, "fileIds parameter is missing.");
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string"))
    throw new ApiError(400, "fileIds should be an Array.");
  if (ids.length === 0) throw new ApiError(400, "fileIds is empty.");
  if (ids.length > max) throw new ApiError(400, tooMany);
  const missing = ids.filter((id) => !ctx.app.store.files.has(id));
  if (missing.length) throw new ApiError(404, "The requested file(s) does not exist.", { missingFileIds: missing });
  return [...new Set(ids)].map((id) => ctx.app.store.files.get(id) as FileRecord);
}
