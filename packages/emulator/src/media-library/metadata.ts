import sharp from "sharp";
import { type Ctx, imageWork } from "../context.js";
import { renderResolved, resolveDeliveryUrl } from "../delivery/handler.js";
import { ApiError } from "../errors/api-error.js";
import { sendJson } from "../http/responses.js";
import { currentVersion } from "../library/store.js";
import { perceptualHash } from "../media/analyse.js";
import { fileParam } from "./files.js";

/** ImageKit's `Metadata` object for an image (bytes or a blob's path): dimensions, format, size, alpha, profile, density and pHash. */
async function imageMetadata(ctx: Ctx, input: Buffer | string, size: number): Promise<Record<string, unknown>> {
  const meta = await sharp(input).metadata();
  return {
    height: meta.height,
    width: meta.width,
    size,
    format: meta.format === "jpeg" ? "jpg" : meta.format,
    hasColorProfile: meta.hasProfile ?? false,
    density: meta.density ?? 72,
    hasTransparency: meta.hasAlpha ?? false,
    pHash: await perceptualHash(input, imageWork(ctx)),
    exif: {},
  };
}

/** `GET /v1/files/{fileId}/metadata` */
export async function fileMetadata(ctx: Ctx): Promise<void> {
  const file = fileParam(ctx);
  const version = currentVersion(file);
  if (version.fileType !== "image") {
    sendJson(ctx, 200, { size: version.size, ...(version.format && { format: version.format }), exif: {} });
    return;
  }
  sendJson(ctx, 200, await imageMetadata(ctx, ctx.app.store.blobs.path(version.blobId), version.size));
}

/** `GET /v1/metadata?url=`: a URL under this emulator's URL endpoint, transformations applied. */
export async function urlMetadata(ctx: Ctx): Promise<void> {
  const url = ctx.url.searchParams.get("url");
  if (!url) throw new ApiError(400, "url parameter is missing.");
  const endpoint = ctx.app.settings.urlEndpoint;
  if (!url.startsWith(`${endpoint}/`))
    throw new ApiError(
      400,
      `The url should be accessible using your ImageKit.io account: it must start with ${endpoint}/.`,
    );
  let resolved: ReturnType<typeof resolveDeliveryUrl>;
  try {
    resolved = resolveDeliveryUrl(ctx.app, url, false);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      throw new ApiError(404, "The requested file does not exist or is inaccessible at this time.");
    throw error;
  }
  const out = await renderResolved(ctx, resolved, "");
  if (!out.mime.startsWith("image/")) {
    sendJson(ctx, 200, { size: out.body?.length ?? resolved.version.size, exif: {} });
    return;
  }
  const input = out.body ?? ctx.app.store.blobs.path(resolved.version.blobId);
  sendJson(ctx, 200, await imageMetadata(ctx, input, out.body?.length ?? resolved.version.size));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `GET /v1/accounts/usage`: storage from the library, bandwidth served since start, no video or extension units. */
export function usage(ctx: Ctx): void {
  const start = ctx.url.searchParams.get("startDate");
  const end = ctx.url.searchParams.get("endDate");
  if (!start || !end) throw new ApiError(400, "startDate and endDate are required in query parameters.");
  if (!DATE.test(start) || !DATE.test(end) || Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end))) {
    throw new ApiError(400, "startDate and endDate should be in format YYYY-MM-DD.");
  }
  if (Date.parse(start) > Date.parse(end)) throw new ApiError(400, "startDate should be before endDate.");
  if (Date.parse(end) - Date.parse(start) > 90 * 86400_000)
    throw new ApiError(400, "startDate and endDate should be within 90 days.");
  let storage = 0;
  for (const file of ctx.app.store.files.values()) for (const version of file.versions) storage += version.size;
  sendJson(ctx, 200, {
    bandwidthBytes: ctx.app.bandwidthBytes,
    mediaLibraryStorageBytes: storage,
    videoProcessingUnitsCount: 0,
    extensionUnitsCount: 0,
    originalCacheStorageBytes: 0,
  });
}
