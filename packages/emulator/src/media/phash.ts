import sharp from "sharp";
import type { ImageWork } from "./image-queue.js";
import { checkInputPixels } from "./pixel-limits.js";

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
