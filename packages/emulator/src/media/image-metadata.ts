import sharp from "sharp";
import { perceptualHash } from "./phash.js";

/**
 * ImageKit's `Metadata` object for image bytes: dimensions, format, size, alpha, colour profile, density and pHash
 * (EXIF is not read: an empty object).
 *
 * @example
 * ```ts
 * await imageMetadata(bytes); // { width: 40, height: 30, format: "png", pHash: "…", exif: {}, … }
 * ```
 */
export async function imageMetadata(bytes: Buffer): Promise<Record<string, unknown>> {
  const meta = await sharp(bytes).metadata();
  return {
    height: meta.height,
    width: meta.width,
    size: bytes.length,
    format: meta.format === "jpeg" ? "jpg" : meta.format,
    hasColorProfile: meta.hasProfile ?? false,
    density: meta.density ?? 72,
    hasTransparency: meta.hasAlpha ?? false,
    pHash: await perceptualHash(bytes),
    exif: {},
  };
}
