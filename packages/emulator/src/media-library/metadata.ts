import type { FileMetadata } from "@ikit/core";
import { type Ctx, imageWork, json, type Reply } from "../context.js";
import { currentVersion } from "../library/versions.js";
import { imageMetadata } from "../media/image-metadata.js";
import { fileParam } from "./params.js";

/** `GET /v1/files/{fileId}/metadata`: ImageKit's `Metadata` of the current version (size and format for a non-image). */
export async function fileMetadata(ctx: Ctx): Promise<Reply> {
  const file = fileParam(ctx);
  const version = currentVersion(file);
  if (version.fileType !== "image")
    return json(200, {
      size: version.size,
      ...(version.format && { format: version.format }),
      exif: {},
    } satisfies FileMetadata);
  return json(200, await imageMetadata(ctx.app.store.blobs.path(version.blobId), version.size, imageWork(ctx)));
}
