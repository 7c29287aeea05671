import type { Handler } from "../context.js";
import { deliver } from "../delivery/handler.js";
import { urlMetadata } from "../delivery/url-metadata.js";
import { folderJob, jobStatus, renameFolder } from "../media-library/bulk-jobs.js";
import { createField, deleteField, listFields, updateField } from "../media-library/custom-metadata-fields.js";
import { batchDelete, deleteFile, getDetails, updateDetails } from "../media-library/files.js";
import { createFolder, deleteFolder } from "../media-library/folders.js";
import { listFiles } from "../media-library/list.js";
import { fileMetadata } from "../media-library/metadata.js";
import { copyFile, moveFile, renameFile } from "../media-library/moves.js";
import { purge, purgeStatus } from "../media-library/purge.js";
import { tagsHandler } from "../media-library/tags.js";
import { usage } from "../media-library/usage.js";
import { deleteVersion, getVersion, listVersions, restoreVersion } from "../media-library/versions.js";
import { handleUpload } from "../upload/handler.js";

/**
 * The name of a route, as rate limits, fault injection and the request log refer to it.
 *
 * @example
 * ```ts
 * const route: RouteName = "files.list";
 * ```
 */
export type RouteName =
  | "upload"
  | "delivery"
  | "files.list"
  | "files.details"
  | "files.update"
  | "files.delete"
  | "files.batchDelete"
  | "files.copy"
  | "files.move"
  | "files.rename"
  | "files.addTags"
  | "files.removeTags"
  | "files.removeAITags"
  | "versions.list"
  | "versions.get"
  | "versions.delete"
  | "versions.restore"
  | "metadata.file"
  | "metadata.url"
  | "folders.create"
  | "folders.delete"
  | "bulkJobs.copyFolder"
  | "bulkJobs.moveFolder"
  | "bulkJobs.renameFolder"
  | "bulkJobs.status"
  | "purge"
  | "purge.status"
  | "fields.create"
  | "fields.list"
  | "fields.update"
  | "fields.delete"
  | "usage";

/**
 * How a route authenticates its caller:
 * - `private-key`: HTTP Basic with the private key, checked before the handler runs (401 without, 403 wrong);
 * - `private-key-or-upload-signature`: HTTP Basic when sent (checked before the body is read), otherwise the upload
 *   form's `publicKey`, `signature`, `expire` and `token`, checked by the upload handler;
 * - `url-signature`: none for public files; `ik-s`/`ik-t` for private ones (or all, with `restrictUnsignedUrls`),
 *   checked by delivery.
 */
export type RouteAuth = "private-key" | "private-key-or-upload-signature" | "url-signature";

/** A route: method, path, name, how it authenticates, and its handler. */
export interface Route {
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** As written in the table, e.g. `/v1/files/:id/details`. */
  path: string;
  /** The path as a regular expression, one capture group per `:id`. */
  pattern: RegExp;
  name: RouteName;
  auth: RouteAuth;
  handler: Handler;
}

/** `:id` captures one path segment; a trailing `*` anything after the prefix. */
function route(method: Route["method"], path: string, name: RouteName, auth: RouteAuth, handler: Handler): Route {
  const pattern = path.replaceAll(":id", "([^/]+)").replace(/\*$/, ".*");
  return { method, path, pattern: new RegExp(`^${pattern}$`), name, auth, handler };
}

const KEY = "private-key";

/**
 * Every route the emulator answers, in match order: the upload API, the media library API, and delivery under the URL
 * endpoint's path (e.g. `/emulator`, from `imagekitId`).
 *
 * @example
 * ```ts
 * const routes = routeTable("/emulator");
 * routes.find((route) => route.name === "files.list")?.auth; // "private-key"
 * ```
 */
export function routeTable(endpointPath: string): Route[] {
  return [
    route("POST", "/api/v1/files/upload", "upload", "private-key-or-upload-signature", handleUpload),
    route("GET", "/v1/files", "files.list", KEY, listFiles),
    route("POST", "/v1/files/batch/deleteByFileIds", "files.batchDelete", KEY, batchDelete),
    route("POST", "/v1/files/copy", "files.copy", KEY, copyFile),
    route("POST", "/v1/files/move", "files.move", KEY, moveFile),
    route("PUT", "/v1/files/rename", "files.rename", KEY, renameFile),
    route("POST", "/v1/files/addTags", "files.addTags", KEY, tagsHandler("add")),
    route("POST", "/v1/files/removeTags", "files.removeTags", KEY, tagsHandler("remove")),
    route("POST", "/v1/files/removeAITags", "files.removeAITags", KEY, tagsHandler("removeAI")),
    route("POST", "/v1/files/purge", "purge", KEY, purge),
    route("GET", "/v1/files/purge/:id", "purge.status", KEY, purgeStatus),
    route("GET", "/v1/files/:id/details", "files.details", KEY, getDetails),
    route("PATCH", "/v1/files/:id/details", "files.update", KEY, updateDetails),
    route("DELETE", "/v1/files/:id", "files.delete", KEY, deleteFile),
    route("GET", "/v1/files/:id/versions", "versions.list", KEY, listVersions),
    route("GET", "/v1/files/:id/versions/:id", "versions.get", KEY, getVersion),
    route("DELETE", "/v1/files/:id/versions/:id", "versions.delete", KEY, deleteVersion),
    route("PUT", "/v1/files/:id/versions/:id/restore", "versions.restore", KEY, restoreVersion),
    route("GET", "/v1/files/:id/metadata", "metadata.file", KEY, fileMetadata),
    route("GET", "/v1/metadata", "metadata.url", KEY, urlMetadata),
    route("POST", "/v1/folder", "folders.create", KEY, createFolder),
    route("DELETE", "/v1/folder", "folders.delete", KEY, deleteFolder),
    route("POST", "/v1/bulkJobs/copyFolder", "bulkJobs.copyFolder", KEY, folderJob("copy")),
    route("POST", "/v1/bulkJobs/moveFolder", "bulkJobs.moveFolder", KEY, folderJob("move")),
    route("POST", "/v1/bulkJobs/renameFolder", "bulkJobs.renameFolder", KEY, renameFolder),
    route("GET", "/v1/bulkJobs/:id", "bulkJobs.status", KEY, jobStatus),
    route("POST", "/v1/customMetadataFields", "fields.create", KEY, createField),
    route("GET", "/v1/customMetadataFields", "fields.list", KEY, listFields),
    route("PATCH", "/v1/customMetadataFields/:id", "fields.update", KEY, updateField),
    route("DELETE", "/v1/customMetadataFields/:id", "fields.delete", KEY, deleteField),
    route("GET", "/v1/accounts/usage", "usage", KEY, usage),
    route("GET", `${endpointPath}/*`, "delivery", "url-signature", deliver),
    route("HEAD", `${endpointPath}/*`, "delivery", "url-signature", deliver),
  ];
}
