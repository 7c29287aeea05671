import type { FileMetadata } from "@ikit/core";
import sharp from "sharp";
import { formatOf } from "./analyse.js";
import type { ImageWork } from "./image-queue.js";
import { perceptualHash } from "./phash.js";

/**
 * ImageKit's `Metadata` object for an image (its bytes, or the path of a stored blob, `size` bytes long): dimensions,
 * format, size, alpha, colour profile, density and pHash (EXIF is not read: an empty object).
 *
 * @example
 * ```ts
 * await imageMetadata(blobPath, version.size, work); // { width: 40, height: 30, format: "png", pHash: "…", exif: {}, … }
 * ```
 */
export async function imageMetadata(input: Buffer | string, size: number, work: ImageWork): Promise<FileMetadata> {
  const meta = await sharp(input).metadata();
  const format = meta.format === "jpeg" ? "jpg" : formatOf(meta);
  return {
    height: meta.height,
    width: meta.width,
    size,
    ...(format !== undefined && { format }),
    hasColorProfile: meta.hasProfile ?? false,
    density: meta.density ?? 72,
    hasTransparency: meta.hasAlpha ?? false,
    pHash: await perceptualHash(input, work),
    exif: {},
  };
}
