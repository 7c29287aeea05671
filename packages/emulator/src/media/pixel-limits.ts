import { ApiError } from "../errors/api-error.js";
import { type Limits, limitName } from "../limits.js";

/** An image's size in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** The limits pixel work is checked against before it starts. */
export type PixelLimits = Pick<
  Limits,
  "maxInputPixels" | "maxOutputPixels" | "maxOutputDimension" | "maxTransformationSteps"
>;

function megapixels(pixels: number): string {
  return String(Number((pixels / 1e6).toFixed(1)));
}

/**
 * Refuses, with a 400 naming `maxInputPixels`, to decode an image larger than the limit: a few kilobytes of PNG can
 * claim 16000×16000 pixels, and decoding them would take gigabytes.
 *
 * @example
 * ```ts
 * checkInputPixels({ width: 16000, height: 16000 }, limits); // throws ApiError 400 at the default 100 megapixels
 * ```
 */
export function checkInputPixels(size: Size, limits: Pick<Limits, "maxInputPixels">): void {
  const pixels = size.width * size.height;
  if (pixels > limits.maxInputPixels) {
    throw new ApiError(
      400,
      `The image is ${size.width}×${size.height} (${megapixels(pixels)} megapixels), over the ${megapixels(limits.maxInputPixels)} megapixels the emulator decodes (${limitName("maxInputPixels")}). It is stored and served as it is, but not transformed.`,
    );
  }
}

/**
 * Refuses, with a 400 naming the limit, a transformation step that would make an image wider or taller than
 * `maxOutputDimension` or with more than `maxOutputPixels` pixels.
 *
 * @example
 * ```ts
 * checkOutputSize({ width: 25000, height: 18750 }, limits); // throws ApiError 400: 468.8 megapixels
 * ```
 */
export function checkOutputSize(size: Size, limits: Pick<Limits, "maxOutputPixels" | "maxOutputDimension">): void {
  const { width, height } = size;
  if (!Number.isFinite(width) || !Number.isFinite(height) || Math.max(width, height) > limits.maxOutputDimension) {
    throw new ApiError(
      400,
      `The transformation asks for a ${width}×${height} image; the emulator's longest side is ${limits.maxOutputDimension} px (${limitName("maxOutputDimension")}). Ask for a smaller size.`,
    );
  }
  const pixels = width * height;
  if (pixels > limits.maxOutputPixels) {
    throw new ApiError(
      400,
      `The transformation would make a ${width}×${height} image (${megapixels(pixels)} megapixels), over the emulator's limit of ${megapixels(limits.maxOutputPixels)} megapixels (${limitName("maxOutputPixels")}). Ask for a smaller size.`,
    );
  }
}

/**
 * Refuses a chain of more steps than `maxTransformationSteps`.
 *
 * @example
 * ```ts
 * checkStepCount(300, limits); // throws ApiError 400 at the default 50
 * ```
 */
export function checkStepCount(steps: number, limits: Pick<Limits, "maxTransformationSteps">): void {
  if (steps > limits.maxTransformationSteps) {
    throw new ApiError(
      400,
      `The transformation has ${steps} steps, over the emulator's limit of ${limits.maxTransformationSteps} chained steps (${limitName("maxTransformationSteps")}).`,
    );
  }
}
