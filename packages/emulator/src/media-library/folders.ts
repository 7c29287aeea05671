import { type App, type Ctx, json, noContent, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { cleanFolder, isInside, looksLikeTraversal } from "../library/paths.js";

const FOLDER_NAME_UNSAFE = /[^\p{L}\p{M}\p{N}-]/gu;

/**
 * A new folder name: not `.`/`..`, no `/`; unsafe characters as `_`.
 *
 * @example
 * ```ts
 * folderName("summer sale", "folderName"); // "summer_sale"
 * ```
 */
export function folderName(raw: unknown, field: string): string {
  if (typeof raw !== "string" || raw.trim() === "") throw apiErrors.missingParameter(field, true);
  const trimmed = raw.trim();
  if (trimmed === "." || trimmed === ".." || looksLikeTraversal(trimmed) || trimmed.includes("/"))
    throw apiErrors.invalidFolderName();
  return trimmed.replace(FOLDER_NAME_UNSAFE, "_");
}

/**
 * A folder path parameter, cleaned; 400 when missing.
 *
 * @example
 * ```ts
 * folderPath("/albums/2024/", "sourceFolderPath"); // "/albums/2024"
 * ```
 */
export function folderPath(raw: unknown, field: string): string {
  if (typeof raw !== "string" || raw === "") throw apiErrors.missingParameter(field, true);
  return cleanFolder(raw, field);
}

/** `POST /v1/folder`: creates `parentFolderPath/folderName` and any missing parents. */
export async function createFolder(ctx: Ctx): Promise<Reply> {
  const body = await ctx.readJson();
  const name = folderName(body.folderName, "folderName");
  const parent = folderPath(body.parentFolderPath ?? "/", "parentFolderPath");
  await ctx.app.store.ensureFolder(`${parent}/${name}`);
  return json(201, {});
}

/**
 * Whether a folder exists, as a record or implied by files inside it.
 *
 * @example
 * ```ts
 * folderExists(ctx.app, "/albums"); // true once a file was uploaded to /albums/2024
 * ```
 */
export function folderExists(app: App, path: string): boolean {
  return app.store.folders.has(path) || [...app.store.files.values()].some((file) => isInside(file.folder, path));
}

/** Deletes a folder, its sub-folders and every file inside them. */
async function removeTree(app: App, path: string): Promise<void> {
  for (const file of app.store.filesUnder(path)) await app.store.deleteFile(file);
  for (const folder of [...app.store.folders.values()])
    if (isInside(folder.path, path)) await app.store.deleteFolderRecord(folder);
}

/** `DELETE /v1/folder` */
export async function deleteFolder(ctx: Ctx): Promise<Reply> {
  const body = await ctx.readJson();
  const path = folderPath(body.folderPath, "folderPath");
  if (path === "" || !folderExists(ctx.app, path)) throw apiErrors.folderNotFound(String(body.folderPath));
  await removeTree(ctx.app, path);
  return noContent();
}
