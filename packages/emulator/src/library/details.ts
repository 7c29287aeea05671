import type { FileDetails, Folder } from "@ikit/core";
import type { FileRecord, FileVersion, FolderRecord } from "./records.js";
import { filePathOf } from "./store.js";

/**
 * Percent-encodes each segment of a media-library path for a URL.
 *
 * @example
 * ```ts
 * encodePath("/a b/c.jpg"); // "/a%20b/c.jpg"
 * ```
 */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

function versionQuery(file: FileRecord, version: FileVersion): string {
  const updatedAt = Date.parse(version.updatedAt);
  return version.versionId === file.currentVersionId
    ? `updatedAt=${updatedAt}`
    : `ik-obj-version=${version.versionId}&updatedAt=${updatedAt}`;
}

/**
 * The delivery URL of a file version, as ImageKit writes it in API responses.
 *
 * @example
 * ```ts
 * fileUrl(urlEndpoint, file, currentVersion(file)); // "http://127.0.0.1:3030/emulator/a.jpg?updatedAt=1700000000000"
 * ```
 */
export function fileUrl(urlEndpoint: string, file: FileRecord, version: FileVersion): string {
  return `${urlEndpoint}${encodePath(filePathOf(file))}?${versionQuery(file, version)}`;
}

/**
 * A file version as ImageKit's `FileDetails` (`type: "file"` for the current version, else `"file-version"`).
 *
 * @example
 * ```ts
 * fileDetails(urlEndpoint, file, currentVersion(file)); // { type: "file", fileId, name, filePath, url, … }
 * ```
 */
export function fileDetails(urlEndpoint: string, file: FileRecord, version: FileVersion): FileDetails {
  const url = fileUrl(urlEndpoint, file, version);
  return {
    type: version.versionId === file.currentVersionId ? "file" : "file-version",
    fileId: file.fileId,
    name: file.name,
    filePath: filePathOf(file),
    tags: version.tags,
    AITags: version.AITags,
    versionInfo: { id: version.versionId, name: version.name },
    isPrivateFile: version.isPrivateFile,
    isPublished: version.isPublished,
    customCoordinates: version.customCoordinates,
    url,
    thumbnail: `${url}&tr=n-ik_ml_thumbnail`,
    fileType: version.fileType,
    mime: version.mime,
    ...(version.width !== undefined && { width: version.width, height: version.height, hasAlpha: version.hasAlpha }),
    size: version.size,
    customMetadata: version.customMetadata,
    ...(version.description !== undefined && { description: version.description }),
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
  };
}

/**
 * A folder as ImageKit's `FolderDetails`.
 *
 * @example
 * ```ts
 * folderDetails(folder); // { type: "folder", folderId, name: "shoes", folderPath: "/products/shoes", … }
 * ```
 */
export function folderDetails(folder: FolderRecord): Folder {
  return {
    type: "folder",
    folderId: folder.folderId,
    name: folder.path.slice(folder.path.lastIndexOf("/") + 1),
    folderPath: folder.path,
    customMetadata: {},
    createdAt: folder.createdAt,
    updatedAt: folder.updatedAt,
  };
}
