import type { FileMetadata } from "@ikit/core";
import { type Ctx, imageWork, json, type Reply } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { imageMetadata } from "../media/image-metadata.js";
import { renderResolved, resolveDeliveryUrl } from "./resolve.js";

/**
 * `GET /v1/metadata?url=`: ImageKit's `Metadata` of what delivery serves at a URL under this emulator's URL endpoint,
 * transformations applied. A media library API route, answered here because it is delivery's URL resolution.
 */
export async function urlMetadata(ctx: Ctx): Promise<Reply> {
  const url = ctx.url.searchParams.get("url");
  if (!url) throw apiErrors.missingParameter("url");
  const endpoint = ctx.app.settings.urlEndpoint;
  if (!url.startsWith(`${endpoint}/`)) throw apiErrors.metadataUrlOutside(endpoint);
  let resolved: ReturnType<typeof resolveDeliveryUrl>;
  try {
    resolved = resolveDeliveryUrl(ctx.app, url, false);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw apiErrors.urlInaccessible();
    throw error;
  }
  const work = imageWork(ctx);
  const out = await renderResolved(ctx.app, resolved, "", work);
  const size = out.body?.length ?? resolved.version.size;
  if (!out.mime.startsWith("image/")) return json(200, { size, exif: {} } satisfies FileMetadata);
  return json(200, await imageMetadata(out.body ?? ctx.app.store.blobs.path(resolved.version.blobId), size, work));
}
