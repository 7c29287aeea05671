import type { Ctx } from "../context.js";
import { createField, deleteField, listFields, updateField } from "../media-library/custom-metadata-fields.js";
import { batchDelete, deleteFile, getDetails, listFiles, tagsHandler, updateDetails } from "../media-library/files.js";
import { createFolder, deleteFolder, folderJob, jobStatus, renameFolder } from "../media-library/folders.js";
import { fileMetadata, urlMetadata, usage } from "../media-library/metadata.js";
import { copyFile, moveFile, renameFile } from "../media-library/moves.js";
import { purge, purgeStatus } from "../media-library/purge.js";
import { deleteVersion, getVersion, listVersions, restoreVersion } from "../media-library/versions.js";
import { handleUpload } from "../upload/handler.js";

/** A route of the upload and media library APIs. `name` is what rate limits and fault routes refer to. */
export interface Route {
  method: string;
  pattern: RegExp;
  name: string;
  handler: (ctx: Ctx) => void | Promise<void>;
}

const ID = "([^/]+)";

function route(method: string, path: string, name: string, handler: Route["handler"]): Route {
  return { method, pattern: new RegExp(`^${path.replaceAll(":id", ID)}$`), name, handler };
}

/** Every API route; delivery (`GET <urlEndpoint>/…`, route name `delivery`) is matched separately. */
export const ROUTES: Route[] = [
  route("POST", "/api/v1/files/upload", "upload", handleUpload),
  route("GET", "/v1/files", "files.list", listFiles),
  route("POST", "/v1/files/batch/deleteByFileIds", "files.batchDelete", batchDelete),
  route("POST", "/v1/files/copy", "files.copy", copyFile),
  route("POST", "/v1/files/move", "files.move", moveFile),
  route("PUT", "/v1/files/rename", "files.rename", renameFile),
  route("POST", "/v1/files/addTags", "files.addTags", tagsHandler("add")),
  route("POST", "/v1/files/removeTags", "files.removeTags", tagsHandler("remove")),
  route("POST", "/v1/files/removeAITags", "files.removeAITags", tagsHandler("removeAI")),
  route("POST", "/v1/files/purge", "purge", purge),
  route("GET", "/v1/files/purge/:id", "purge.status", purgeStatus),
  route("GET", "/v1/files/:id/details", "files.details", getDetails),
  route("PATCH", "/v1/files/:id/details", "files.update", updateDetails),
  route("DELETE", "/v1/files/:id", "files.delete", deleteFile),
  route("GET", "/v1/files/:id/versions", "versions.list", listVersions),
  route("GET", "/v1/files/:id/versions/:id", "versions.get", getVersion),
  route("DELETE", "/v1/files/:id/versions/:id", "versions.delete", deleteVersion),
  route("PUT", "/v1/files/:id/versions/:id/restore", "versions.restore", restoreVersion),
  route("GET", "/v1/files/:id/metadata", "metadata.file", fileMetadata),
  route("GET", "/v1/metadata", "metadata.url", urlMetadata),
  route("POST", "/v1/folder", "folders.create", createFolder),
  route("DELETE", "/v1/folder", "folders.delete", deleteFolder),
  route("POST", "/v1/bulkJobs/copyFolder", "bulkJobs.copyFolder", folderJob("copy")),
  route("POST", "/v1/bulkJobs/moveFolder", "bulkJobs.moveFolder", folderJob("move")),
  route("POST", "/v1/bulkJobs/renameFolder", "bulkJobs.renameFolder", renameFolder),
  route("GET", "/v1/bulkJobs/:id", "bulkJobs.status", jobStatus),
  route("POST", "/v1/customMetadataFields", "fields.create", createField),
  route("GET", "/v1/customMetadataFields", "fields.list", listFields),
  route("PATCH", "/v1/customMetadataFields/:id", "fields.update", updateField),
  route("DELETE", "/v1/customMetadataFields/:id", "fields.delete", deleteField),
  route("GET", "/v1/accounts/usage", "usage", usage),
];
