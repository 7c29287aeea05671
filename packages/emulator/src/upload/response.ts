import type { FileMetadata, UploadResponse } from "@ikit/core";
import { encodePath } from "../library/details.js";
import type { ExtensionStatus } from "../library/extensions.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { filePathOf } from "../library/store.js";

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

/**
 * A field an upload can ask for in `responseFields`.
 *
 * @example
 * ```ts
 * const field: ResponseField = "customMetadata";
 * ```
 */
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

/**
 * The upload API's response: ImageKit's default fields, those named in `responseFields`, and the status of the
 * extensions the upload started.
 *
 * @example
 * ```ts
 * uploadResponse(settings.urlEndpoint, file, version, ["tags"], undefined); // { fileId, name, url, tags, … }
 * ```
 */
export function uploadResponse(
  urlEndpoint: string,
  file: FileRecord,
  version: FileVersion,
  responseFields: ResponseField[],
  extensionStatus: ExtensionStatus | undefined,
): UploadResponse {
  const path = encodePath(filePathOf(file));
  const body: UploadResponse = {
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
    ...(extensionStatus && { extensionStatus }),
  };
  const wanted = new Set(responseFields);
  if (wanted.has("tags")) body.tags = version.tags;
  if (wanted.has("customCoordinates")) body.customCoordinates = version.customCoordinates;
  if (wanted.has("isPrivateFile")) body.isPrivateFile = version.isPrivateFile;
  if (wanted.has("isPublished")) body.isPublished = version.isPublished;
  if (wanted.has("customMetadata")) body.customMetadata = version.customMetadata;
  if (wanted.has("embeddedMetadata")) body.embeddedMetadata = {};
  if (wanted.has("metadata")) {
    body.metadata = {
      ...(version.height !== undefined && { height: version.height }),
      ...(version.width !== undefined && { width: version.width }),
      size: version.size,
      ...(version.format !== undefined && { format: version.format }),
      hasTransparency: version.hasAlpha ?? false,
    } satisfies FileMetadata;
  }
  return body;
}
