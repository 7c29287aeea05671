import type { ListFilesResponse } from "@ikit/core";
import { type Ctx, json, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { fileDetails, folderDetails } from "../library/details.js";
import { cleanFolder } from "../library/paths.js";
import type { FolderRecord } from "../library/records.js";
import type { Store } from "../library/store.js";
import { currentVersion } from "../library/versions.js";
import { type Candidate, compileSearch } from "./search.js";

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

/** The query of `GET /v1/files`, checked. */
interface ListQuery {
  type: "file" | "file-version" | "folder" | "all";
  /** `ASC_NAME` → by name, ascending (`direction` 1). */
  sort: { by: string; direction: 1 | -1; compare: (a: Candidate, b: Candidate) => number };
  fileType: "all" | "image" | "non-image";
  limit: number;
  skip: number;
  /** `path`: that folder only (not its sub-folders). */
  folder: string | undefined;
  /** `searchQuery`, compiled; `versions` when it asks for `type = "file-version"`. */
  search: { match: (candidate: Candidate) => boolean; versions: boolean } | undefined;
}

function intParam(raw: string | null, fallback: number): number {
  if (raw === null || raw === "") return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Checks the list parameters with ImageKit's 400 messages. */
function readListQuery(query: URLSearchParams): ListQuery {
  const type = query.get("type") || "file";
  if (type !== "file" && type !== "file-version" && type !== "folder" && type !== "all") {
    throw apiErrors.invalidValue("type", "Please provide one of the following: file, file-version, folder, all.");
  }
  const sort = /^(ASC|DESC)_([A-Z]+)$/.exec(query.get("sort") || "ASC_CREATED");
  const compare = sort ? SORTS[sort[2] as string] : undefined;
  if (!sort || !compare) throw apiErrors.invalidSort();
  const fileType = query.get("fileType") || "all";
  if (fileType !== "all" && fileType !== "image" && fileType !== "non-image") {
    throw apiErrors.invalidValue("fileType", "Please provide one of the following: all, image, non-image.");
  }
  const limit = intParam(query.get("limit"), 1000);
  const skip = intParam(query.get("skip"), 0);
  if (Number.isNaN(skip) || skip < 0) throw apiErrors.skipTooSmall(query.get("skip"));
  if (Number.isNaN(limit) || limit < 1) throw apiErrors.limitTooSmall(query.get("limit"));
  if (limit > 1000) throw apiErrors.limitTooLarge(limit);
  const path = query.get("path");
  const searchQuery = query.get("searchQuery");
  return {
    type,
    sort: { by: sort[2] as string, direction: sort[1] === "DESC" ? -1 : 1, compare },
    fileType,
    limit,
    skip,
    folder: path === null ? undefined : cleanFolder(path, "path"),
    // A search returns current versions unless the query asks for `type = "file-version"`.
    search: searchQuery ? { match: compileSearch(searchQuery), versions: /file-version/.test(searchQuery) } : undefined,
  };
}

/** The file versions the query selects, sorted (ties by file id, so pages are stable). */
function selectFiles(store: Store, query: ListQuery): Candidate[] {
  const { search, folder } = query;
  const wantFiles = search !== undefined || query.type === "file" || query.type === "all";
  const wantVersions = search === undefined && query.type === "file-version";
  if (!wantFiles && !wantVersions) return [];
  const selected: Candidate[] = [];
  for (const file of store.files.values()) {
    if (folder !== undefined && file.folder !== folder) continue;
    const versions =
      wantVersions || search?.versions
        ? file.versions.filter((v) => search?.versions || v.versionId !== file.currentVersionId)
        : [currentVersion(file)];
    for (const version of versions) {
      if (query.fileType !== "all" && version.fileType !== query.fileType) continue;
      const candidate = { file, version };
      if (search && !search.match(candidate)) continue;
      selected.push(candidate);
    }
  }
  const { direction, compare } = query.sort;
  return selected.sort((a, b) => direction * compare(a, b) || (a.file.fileId < b.file.fileId ? -1 : 1));
}

/** The folders the query selects (none for a search), sorted by name or creation. */
function selectFolders(store: Store, query: ListQuery): FolderRecord[] {
  if (query.search !== undefined || (query.type !== "folder" && query.type !== "all")) return [];
  const { by, direction } = query.sort;
  return [...store.folders.values()]
    .filter((f) => query.folder === undefined || f.path.slice(0, f.path.lastIndexOf("/")) === query.folder)
    .sort(
      (a, b) => direction * (by === "NAME" ? a.path.localeCompare(b.path) : a.createdAt.localeCompare(b.createdAt)),
    );
}

/** `GET /v1/files`: folders first, then files; only the requested page is serialised, so deep pages stay cheap. */
export function listFiles(ctx: Ctx): Reply {
  const query = readListQuery(ctx.url.searchParams);
  const { store, settings } = ctx.app;
  const folders = selectFolders(store, query);
  const files = selectFiles(store, query);
  const { skip, limit } = query;
  const page: ListFilesResponse = folders.slice(skip, skip + limit).map(folderDetails);
  const fileSkip = Math.max(0, skip - folders.length);
  for (const { file, version } of files.slice(fileSkip, fileSkip + limit - page.length)) {
    page.push(fileDetails(settings.urlEndpoint, file, version));
  }
  return json(200, page);
}
