import type { FileRecord, FileVersion, FolderRecord } from "./records.js";
import { filePathOf } from "./store.js";

/** Percent-encodes each segment of a media-library path for a URL. */
function encodePath(path: string): string {
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

/** The delivery URL of a file version, as ImageKit writes it in API responses. */
export function fileUrl(urlEndpoint: string, file: FileRecord, version: FileVersion): string {
  return `${urlEndpoint}${encodePath(filePathOf(file))}?${versionQuery(file, version)}`;
}

/** A file version as ImageKit's `FileDetails` (`type: "file"` for the current version, else `"file-version"`). */
export function fileDetails(urlEndpoint: string, file: FileRecord, version: FileVersion): Record<string, unknown> {
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

/** The fields an upload response carries only when asked for in `responseFields`. */
export const RESPONSE_FIELDS = [
  "tags",
  "customCoordinates",
  "isPrivateFile",
  "embeddedMetadata",
  "isPublished",
  "customMetadata",
  "metadata",
  "selectedFieldsSchema",
] as const;

/** The upload API's response: ImageKit's default fields plus those named in `responseFields`. */
export function uploadResponse(
  urlEndpoint: string,
  file: FileRecord,
  version: FileVersion,
  responseFields: string[],
  extra: { metadata?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const path = encodePath(filePathOf(file));
  const body: Record<string, unknown> = {
    fileId: file.fileId,
    name: file.name,
    size: version.size,
    versionInfo: { id: version.versionId, name: version.name },
    filePath: filePathOf(file),
    url: `${urlEndpoint}${path}`,
    fileType: version.fileType,
    ...(version.width !== undefined && { height: version.height, width: version.width }),
    thumbnailUrl: version.fileType === "image" ? `${urlEndpoint}/tr:n-ik_ml_thumbnail${path}` : "",
    AITags: version.AITags,
    ...(version.description !== undefined && { description: version.description }),
    ...(version.extensionStatus && { extensionStatus: version.extensionStatus }),
  };
  const wanted = new Set(responseFields);
  if (wanted.has("tags")) body.tags = version.tags;
  if (wanted.has("customCoordinates")) body.customCoordinates = version.customCoordinates;
  if (wanted.has("isPrivateFile")) body.isPrivateFile = version.isPrivateFile;
  if (wanted.has("isPublished")) body.isPublished = version.isPublished;
  if (wanted.has("customMetadata")) body.customMetadata = version.customMetadata;
  if (wanted.has("embeddedMetadata")) body.embeddedMetadata = {};
  if (wanted.has("metadata") && extra.metadata) body.metadata = extra.metadata;
  return body;
}

/** A folder as ImageKit's `FolderDetails`. */
export function folderDetails(folder: FolderRecord): Record<string, unknown> {
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
