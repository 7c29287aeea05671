import { extname } from "node:path";
import sharp from "sharp";

/** What the emulator learns about stored bytes: from sharp for images, from the file name otherwise. */
export interface Analysis {
  mime: string;
  fileType: "image" | "non-image";
  format?: string;
  width?: number;
  height?: number;
  hasAlpha?: boolean;
  density?: number;
  hasColorProfile?: boolean;
}

const IMAGE_MIME: Record<string, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  heif: "image/heif",
  tiff: "image/tiff",
  svg: "image/svg+xml",
};

const MIME_BY_EXTENSION: Record<string, string> = {
  ".txt": "text/plain",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".css": "text/css",
  ".js": "text/javascript",
  ".html": "text/html",
  ".csv": "text/csv",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mov": "video/quicktime",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".zip": "application/zip",
};

/** The MIME type ImageKit would report for a file's extension when its bytes are not an image. */
function mimeOfName(name: string): string {
  return MIME_BY_EXTENSION[extname(name).toLowerCase()] ?? "application/octet-stream";
}

/**
 * MIME type of a sharp output format.
 *
 * @example
 * ```ts
 * mimeOfFormat("webp"); // "image/webp"
 * ```
 */
export function mimeOfFormat(format: string): string {
  return IMAGE_MIME[format] ?? "application/octet-stream";
}

/**
 * The format of sharp's metadata as the emulator names it: an AV1-compressed HEIF is `avif`.
 *
 * @example
 * ```ts
 * formatOf(await sharp(avifBytes).metadata()); // "avif" (sharp says "heif")
 * ```
 */
export function formatOf(meta: Pick<sharp.Metadata, "format" | "compression">): string | undefined {
  return meta.format === "heif" && meta.compression === "av1" ? "avif" : meta.format;
}

/**
 * Reads an image's header with sharp (cheap: no decode); anything sharp cannot read is a non-image.
 *
 * @example
 * ```ts
 * await analyse("/tmp/upload", "shoe.png"); // { mime: "image/png", fileType: "image", width: 40, height: 30, … }
 * ```
 */
export async function analyse(path: string, name: string): Promise<Analysis> {
  try {
    const meta = await sharp(path, { failOn: "error" }).metadata();
    if (!meta.format || !meta.width || !meta.height) throw new Error("not an image");
    const format = formatOf(meta) as string;
    return {
      mime: mimeOfFormat(format),
      fileType: "image",
      format: format === "jpeg" ? "jpg" : format,
      width: meta.width,
      height: meta.height,
      hasAlpha: meta.hasAlpha ?? false,
      hasColorProfile: meta.hasProfile ?? false,
      ...(meta.density !== undefined && { density: meta.density }),
    };
  } catch {
    const mime = mimeOfName(name);
    const extension = extname(name).slice(1).toLowerCase();
    return { mime, fileType: "non-image", ...(extension && { format: extension }) };
  }
}
