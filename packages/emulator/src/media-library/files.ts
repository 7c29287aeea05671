import type { Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { readJson, sendEmpty, sendJson } from "../http/responses.js";
import { applyCustomMetadata } from "../library/custom-metadata.js";
import { fileDetails, folderDetails } from "../library/details.js";
import { cleanFolder } from "../library/paths.js";
import type { FileRecord } from "../library/records.js";
import { currentVersion } from "../library/store.js";
import { sendWebhook } from "../library/webhooks.js";
import { checkTags, extensionsField, webhookUrlField } from "../upload/fields.js";
import { type Candidate, compileSearch } from "./search.js";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The file named by the route's first parameter: 400 for a malformed id, 404 for an unknown one. */
export function fileParam(ctx: Ctx): FileRecord {
  const id = ctx.params[0] ?? "";
  if (!ID.test(id)) throw new ApiError(400, "Your request contains invalid fileId parameter.");
  const file = ctx.app.store.files.get(id);
  if (!file) throw new ApiError(404, "The requested file does not exist.");
  return file;
}

/** ISO timestamps compare as plain strings; no locale rules needed. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SORTS: Record<string, (a: Candidate, b: Candidate) => number> = {
  NAME: (a, b) => a.file.name.localeCompare(b.file.name),
  CREATED: (a, b) => compareText(a.version.createdAt, b.version.createdAt),
  UPDATED: (a, b) => compareText(a.version.updatedAt, b.version.updatedAt),
  HEIGHT: (a, b) => (a.version.height ?? 0) - (b.version.height ?? 0),
  WIDTH: (a, b) => (a.version.width ?? 0) - (b.version.width ?? 0),
  SIZE: (a, b) => a.version.size - b.version.size,
  RELEVANCE: (a, b) => compareText(a.version.createdAt, b.version.createdAt),
};

function intParam(raw: string | null, fallback: number): number {
  if (raw === null || raw === "") return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** `GET /v1/files`: list and search, with ImageKit's parameter checks and 400 messages. */
export function listFiles(ctx: Ctx): void {
  const query = ctx.url.searchParams;
  const type = query.get("type") || "file";
  if (!["file", "file-version", "folder", "all"].includes(type)) {
    throw new ApiError(
      400,
      "Your request contains invalid value for type parameter. Please provide one of the following: file, file-version, folder, all.",
    );
  }
  const sort = query.get("sort") || "ASC_CREATED";
  const sortMatch = /^(ASC|DESC)_([A-Z]+)$/.exec(sort);
  const comparator = sortMatch ? SORTS[sortMatch[2] as string] : undefined;
  if (!sortMatch || !comparator) throw new ApiError(400, "Your request contains invalid value for sort parameters.");
  const fileType = query.get("fileType") || "all";
  if (!["all", "image", "non-image"].includes(fileType)) {
    throw new ApiError(
      400,
      "Your request contains invalid value for fileType parameter. Please provide one of the following: all, image, non-image.",
    );
  }
  const limit = intParam(query.get("limit"), 1000);
  const skip = intParam(query.get("skip"), 0);
  if (Number.isNaN(skip) || skip < 0)
    throw new ApiError(
      400,
      `The value of skip parameter should be greater than or equal to 0. Value sent is ${query.get("skip")}.`,
    );
  if (Number.isNaN(limit) || limit < 1)
    throw new ApiError(400, `Minimum value of limit parameter is 1. Value sent is ${query.get("limit")}.`);
  if (limit > 1000) throw new ApiError(400, `Maximum value of limit parameter is 1000. Value sent is ${limit}.`);
  const pathParam = query.get("path");
  const folder = pathParam === null ? undefined : cleanFolder(pathParam, "path");
  const searchQuery = query.get("searchQuery");
  const match = searchQuery ? compileSearch(searchQuery) : undefined;

  const { store, settings } = ctx.app;
  const candidates: Candidate[] = [];
  const wantFiles = match !== undefined || type === "file" || type === "all";
  const wantVersions = match === undefined && type === "file-version";
  // A search returns current versions unless the query asks for `type = "file-version"`.
  const searchVersions = match !== undefined && /file-version/.test(searchQuery ?? "");
  if (wantFiles || wantVersions) {
    for (const file of store.files.values()) {
      if (folder !== undefined && file.folder !== folder) continue;
      const versions =
        wantVersions || searchVersions
          ? file.versions.filter((v) => searchVersions || v.versionId !== file.currentVersionId)
          : [currentVersion(file)];
      for (const version of versions) {
        if (fileType !== "all" && version.fileType !== fileType) continue;
        const candidate = { file, version };
        if (match && !match(candidate)) continue;
        candidates.push(candidate);
      }
    }
  }
  const direction = sortMatch[1] === "DESC" ? -1 : 1;
  candidates.sort((a, b) => direction * comparator(a, b) || (a.file.fileId < b.file.fileId ? -1 : 1));
  const folders =
    match === undefined && (type === "folder" || type === "all")
      ? [...store.folders.values()]
          .filter((f) => folder === undefined || f.path.slice(0, f.path.lastIndexOf("/")) === folder)
          .sort(
            (a, b) =>
              direction *
              (sortMatch[2] === "NAME" ? a.path.localeCompare(b.path) : a.createdAt.localeCompare(b.createdAt)),
          )
      : [];
  // Only the requested page is serialised: listing 10,000 files 100 at a time stays cheap.
  const page = [...folders.slice(skip, skip + limit).map(folderDetails)];
  const fileSkip = Math.max(0, skip - folders.length);
  for (const candidate of candidates.slice(fileSkip, fileSkip + limit - page.length)) {
    page.push(fileDetails(settings.urlEndpoint, candidate.file, candidate.version));
  }
  sendJson(ctx, 200, page);
}

/** `GET /v1/files/{fileId}/details` */
export function getDetails(ctx: Ctx): void {
  const file = fileParam(ctx);
  sendJson(ctx, 200, fileDetails(ctx.app.settings.urlEndpoint, file, currentVersion(file)));
}

const UPDATE_KEYS = [
  "tags",
  "customCoordinates",
  "customMetadata",
  "removeAITags",
  "extensions",
  "webhookUrl",
  "description",
  "publish",
];

/** `PATCH /v1/files/{fileId}/details`: tags, customCoordinates, customMetadata, AI tags, description, publication. */
export async function updateDetails(ctx: Ctx): Promise<void> {
  const file = fileParam(ctx);
  const body = await readJson(ctx);
  for (const key of Object.keys(body)) {
    if (!UPDATE_KEYS.includes(key))
      throw new ApiError(
        400,
        `Your request contains unknown parameter ${JSON.stringify(key)}. Updatable: ${UPDATE_KEYS.join(", ")}.`,
      );
  }
  const { store, settings } = ctx.app;
  const version = { ...currentVersion(file) };
  if (body.tags !== undefined) {
    if (body.tags !== null && (!Array.isArray(body.tags) || !body.tags.every((tag) => typeof tag === "string"))) {
      throw new ApiError(
        400,
        "Your request contains invalid value for tags parameter. Send an array of strings, or null to remove all tags.",
      );
    }
    version.tags = body.tags === null ? null : checkTags(body.tags as string[], "tags");
  }
  if (body.customCoordinates !== undefined) {
    if (
      body.customCoordinates !== null &&
      (typeof body.customCoordinates !== "string" || !/^\d+,\d+,\d+,\d+$/.test(body.customCoordinates))
    ) {
      throw new ApiError(
        400,
        'Your request contains invalid customCoordinates parameter: expected "x,y,width,height" or null.',
      );
    }
    version.customCoordinates = body.customCoordinates as string | null;
  }
  if (body.customMetadata !== undefined)
    version.customMetadata = applyCustomMetadata(body.customMetadata, store.fields.values(), version.customMetadata);
  if (body.removeAITags !== undefined) {
    if (body.removeAITags === "all") version.AITags = null;
    else if (Array.isArray(body.removeAITags) && body.removeAITags.every((tag) => typeof tag === "string")) {
      const remove = body.removeAITags as string[];
      version.AITags = version.AITags?.filter((tag) => !remove.includes(tag.name)) ?? null;
    } else
      throw new ApiError(
        400,
        'Your request contains invalid value for removeAITags. Send an array of strings or "all".',
      );
  }
  if (body.description !== undefined) {
    if (typeof body.description !== "string")
      throw new ApiError(400, "Your request contains invalid description parameter: expected a string.");
    version.description = body.description;
  }
  const extensions = extensionsField(body.extensions);
  const webhookUrl = body.webhookUrl === undefined ? undefined : webhookUrlField(String(body.webhookUrl));
  let versions = file.versions;
  if (body.publish !== undefined) {
    const publish = body.publish as { isPublished?: unknown; includeFileVersions?: unknown };
    if (typeof publish !== "object" || publish === null || typeof publish.isPublished !== "boolean") {
      throw new ApiError(
        400,
        "Your request contains invalid publish parameter: expected { isPublished: boolean, includeFileVersions?: boolean }.",
      );
    }
    version.isPublished = publish.isPublished;
    if (publish.includeFileVersions === true)
      versions = versions.map((v) => ({ ...v, isPublished: publish.isPublished as boolean }));
  }
  version.updatedAt = new Date().toISOString();
  const updated: FileRecord = {
    ...file,
    versions: versions.map((v) => (v.versionId === version.versionId ? version : v)),
  };
  await store.saveFile(updated);
  const details = fileDetails(settings.urlEndpoint, updated, version);
  if (extensions.length) {
    details.extensionStatus = Object.fromEntries(extensions.map((name) => [name, webhookUrl ? "pending" : "success"]));
  }
  sendJson(ctx, 200, details);
  if (webhookUrl && extensions.length) {
    const { webhookSecret } = settings;
    ctx.app.spawn(async () => {
      for (const service of extensions) {
        await sendWebhook(webhookUrl, { service, status: "SUCCESS", fileObject: details }, webhookSecret);
      }
    });
  }
}

/** `DELETE /v1/files/{fileId}` */
export async function deleteFile(ctx: Ctx): Promise<void> {
  await ctx.app.store.deleteFile(fileParam(ctx));
  sendEmpty(ctx, 204);
}

/** The `fileIds` of a bulk request, checked as ImageKit does; every id must exist or it is a 404 naming the missing. */
function bulkFiles(ctx: Ctx, body: Record<string, unknown>, max: number, tooMany: string): FileRecord[] {
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

/** `POST /v1/files/batch/deleteByFileIds` */
export async function batchDelete(ctx: Ctx): Promise<void> {
  const files = bulkFiles(ctx, await readJson(ctx), 100, "fileIds cannot have more than 100 items.");
  for (const file of files) await ctx.app.store.deleteFile(file);
  sendJson(ctx, 200, { successfullyDeletedFileIds: files.map((file) => file.fileId) });
}

/** `POST /v1/files/addTags`, `removeTags` and `removeAITags`. */
export function tagsHandler(kind: "add" | "remove" | "removeAI") {
  return async (ctx: Ctx): Promise<void> => {
    const body = await readJson(ctx);
    const files = bulkFiles(ctx, body, 50, "A maximum of 50 files can be edited at a time.");
    const key = kind === "removeAI" ? "AITags" : "tags";
    const tags = body[key];
    if (tags === undefined) throw new ApiError(400, `${key} parameter is missing.`);
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === "string")) {
      throw new ApiError(
        400,
        `Your request contains invalid value for ${key}. Please provide an array of strings. Example - ['t-shirt','summer-sale'].`,
      );
    }
    if (tags.length === 0) throw new ApiError(400, `${key} array cannot be empty.`);
    const now = new Date().toISOString();
    const changed = files.map((file) => {
      const version = { ...currentVersion(file), updatedAt: now };
      if (kind === "add") version.tags = checkTags([...(version.tags ?? []), ...tags], "tags");
      else if (kind === "remove") version.tags = (version.tags ?? []).filter((tag) => !tags.includes(tag));
      else version.AITags = version.AITags?.filter((tag) => !tags.includes(tag.name)) ?? null;
      return { ...file, versions: file.versions.map((v) => (v.versionId === version.versionId ? version : v)) };
    });
    for (const file of changed) await ctx.app.store.saveFile(file);
    sendJson(ctx, 200, { successfullyUpdatedFileIds: changed.map((file) => file.fileId) });
  };
}
