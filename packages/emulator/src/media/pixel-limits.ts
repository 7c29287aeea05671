import { apiErrors } from "../errors/imagekit-errors.js";
import type { Limits } from "../limits.js";

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
  if (size.width * size.height > limits.maxInputPixels) throw apiErrors.inputTooLarge(size.width, size.height, limits);
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
  if (!Number.isFinite(width) || !Number.isFinite(height) || Math.max(width, height) > limits.maxOutputDimension)
    throw apiErrors.outputSideTooLong(width, height, limits);
  if (width * height > limits.maxOutputPixels) throw apiErrors.outputTooLarge(width, height, limits);
}

/**
 * Refuses an AVIF over a quarter of `maxOutputPixels`: AV1 encoding holds about 20 bytes per pixel (2 GB at 100
 * megapixels), four times what the other formats need.
 *
 * @example
 * ```ts
 * checkAvifSize({ width: 6000, height: 6000 }, limits); // throws ApiError 400 at the default 25 AVIF megapixels
 * ```
 */
export function checkAvifSize(size: Size, limits: Pick<Limits, "maxOutputPixels">): void {
  if (size.width * size.height > limits.maxOutputPixels / 4)
    throw apiErrors.avifTooLarge(size.width, size.height, limits);
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
  if (steps > limits.maxTransformationSteps) throw apiErrors.tooManySteps(steps, limits);
}
