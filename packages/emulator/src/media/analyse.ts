import { extname } from "node:path";
import sharp from "sharp";
import type { ImageWork } from "./image-queue.js";
import { checkInputPixels } from "./pixel-limits.js";

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
    const format = meta.format === "heif" && meta.compression === "av1" ? "avif" : meta.format;
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

const SIZE = 32;
const LOW = 8;
const COSINES = Array.from({ length: LOW }, (_, u) =>
  Array.from({ length: SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))),
);

/**
 * A 64-bit perceptual hash (DCT of a 32×32 greyscale thumbnail, low 8×8 frequencies against their median) as 16 hex
 * digits, comparable with `pHashDistance` from @ikit/core: near-identical images are a few bits apart.
 *
 * @example
 * ```ts
 * pHashDistance(await perceptualHash(photo, work), await perceptualHash(resizedPhoto, work)); // small, e.g. 2
 * ```
 */
export async function perceptualHash(input: string | Buffer, work: ImageWork): Promise<string> {
  // Hashing decodes every pixel: the same input limit, queue and time limit as a transformation.
  const header = await sharp(input).metadata();
  checkInputPixels({ width: header.width ?? 1, height: header.height ?? 1 }, work.limits);
  const pixels = await work.queue.run(work.signal, () =>
    sharp(input, { limitInputPixels: work.limits.maxInputPixels })
      .grayscale()
      .resize(SIZE, SIZE, { fit: "fill" })
      .raw()
      .timeout({ seconds: Math.ceil(work.limits.transformTimeoutMs / 1000) })
      .toBuffer(),
  );
  const coefficients: number[] = [];
  for (let u = 0; u < LOW; u++) {
    for (let v = 0; v < LOW; v++) {
      let sum = 0;
      const cu = COSINES[u] as number[];
      const cv = COSINES[v] as number[];
      for (let x = 0; x < SIZE; x++) {
        for (let y = 0; y < SIZE; y++) sum += (pixels[y * SIZE + x] as number) * (cu[x] as number) * (cv[y] as number);
      }
      coefficients.push(sum);
    }
  }
  const sorted = coefficients.slice(1).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  let hex = "";
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++)
      value = (value << 1) | ((coefficients[nibble * 4 + bit] as number) > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}
