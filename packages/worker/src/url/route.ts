// The query grammar of the worker's `/img/<path>` route, in one place: the worker's request parser reads URLs with
// it and `@ikit/worker/url` writes them with it, so a URL the browser builds is one the worker accepts. Browser-safe.
import type { Transformation } from "@ikit/core";
import type { Fit, OutputFormat } from "../config.js";

/**
 * The transformation step each `fit` stands for (ImageKit's crops).
 *
 * @example
 * ```ts
 * FIT_STEPS.contain; // { crop: "at_max" }
 * ```
 */
export const FIT_STEPS: Readonly<Record<Fit, Transformation>> = {
  cover: { crop: "maintain_ratio" },
  contain: { crop: "at_max" },
  fill: { crop: "force" },
  pad: { cropMode: "pad_resize" },
};

/**
 * Every value `f` may take.
 *
 * @example
 * ```ts
 * OUTPUT_FORMATS.includes("webp"); // true
 * ```
 */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["auto", "avif", "webp", "jpg", "png"];

/**
 * What `w`, `h` and `q` look like as sent: a whole number of at most six digits.
 *
 * @example
 * ```ts
 * WHOLE.test("640"); // true
 * ```
 */
export const WHOLE = /^\d{1,6}$/;

/**
 * What `dpr` looks like as sent: one digit, at most two decimals.
 *
 * @example
 * ```ts
 * DPR.test("1.5"); // true
 * ```
 */
export const DPR = /^\d(\.\d{1,2})?$/;
