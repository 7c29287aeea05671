import { extname } from "node:path";
import { apiErrors } from "../errors/imagekit-errors.js";
import { applyCustomMetadata } from "../library/custom-metadata.js";
import { joinPath } from "../library/paths.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import type { Store } from "../library/store.js";
import { addVersions, currentVersion, type VersionContent } from "../library/versions.js";
import type { Analysis } from "../media/analyse.js";
import { randomToken } from "../storage/ids.js";
import type { UploadRequest } from "./request.js";

/** `name_<random>.ext`, as ImageKit makes names unique. */
function uniqueName(name: string): string {
  const extension = extname(name);
  return `${name.slice(0, name.length - extension.length)}_${randomToken(6).replace(/[-_]/g, "x")}${extension}`;
}

/** The new version's attributes: the bytes' analysis, and what the request set or (not overwriting) kept. */
function versionContent(
  store: Store,
  request: UploadRequest,
  bytes: { analysis: Analysis; size: number },
  previous: FileVersion | undefined,
): VersionContent {
  const { analysis } = bytes;
  const customMetadata =
    request.customMetadata !== undefined
      ? applyCustomMetadata(request.customMetadata, store.fields.values())
      : previous && !request.overwriteCustomMetadata
        ? previous.customMetadata
        : applyCustomMetadata({}, store.fields.values());
  return {
    size: bytes.size,
    mime: analysis.mime,
    fileType: analysis.fileType,
    ...(analysis.format !== undefined && { format: analysis.format }),
    ...(analysis.width !== undefined && {
      width: analysis.width,
      height: analysis.height as number,
      hasAlpha: analysis.hasAlpha ?? false,
    }),
    tags: request.tags ?? (previous && !request.overwriteTags ? previous.tags : null),
    AITags: previous && !request.overwriteAITags ? previous.AITags : null,
    customCoordinates: request.customCoordinates ?? null,
    customMetadata,
    isPrivateFile: request.isPrivateFile,
    isPublished: request.isPublished,
    ...(request.description !== undefined && { description: request.description }),
  };
}

/**
 * Stores an upload's bytes (the finished temporary file, renamed into place) as a new file or, when a file exists at
 * that path and overwriting is allowed, as its new version. One upload at a time per requested path, so concurrent
 * uploads to one path become versions of one file, not duplicates.
 *
 * @example
 * ```ts
 * const { file, version } = await saveUpload(store, request, { analysis, size }, tempPath);
 * ```
 */
export function saveUpload(
  store: Store,
  request: UploadRequest,
  bytes: { analysis: Analysis; size: number },
  tempPath: string,
): Promise<{ file: FileRecord; version: FileVersion }> {
  const { folder, fileName } = request;
  return store.exclusive(joinPath(folder, fileName), async () => {
    let name = request.useUniqueFileName ? uniqueName(fileName) : fileName;
    while (request.useUniqueFileName && store.byPath.has(joinPath(folder, name))) name = uniqueName(fileName);
    const existing = store.fileAt(joinPath(folder, name));
    if (existing && !request.overwriteFile) throw apiErrors.fileExistsNoOverwrite();
    const content = versionContent(store, request, bytes, existing && currentVersion(existing));
    const file = await addVersions(store, { folder, name, existing }, [content], (_, blobId) =>
      store.blobs.commit(tempPath, blobId),
    );
    return { file, version: currentVersion(file) };
  });
}
