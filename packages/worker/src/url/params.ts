// A transformation of `@ikit/core` as the `/img/<path>` route's query, or an error naming what the route cannot
// express (that belongs in a worker preset).
import { IkitError, type Transformation } from "@ikit/core";
import type { Fit, OutputFormat } from "../config.js";
import { DPR, FIT_STEPS, OUTPUT_FORMATS, WHOLE } from "./route.js";

/**
 * The query parameters of the worker's `/img/<path>` route. Each must also be in the worker's `allow` list, or it
 * answers 400 (`allow.snapWidths: true` rounds any `w` to an allowed width).
 *
 * @example
 * ```ts
 * const params: WorkerImageParams = { w: 640, q: 80, f: "webp" };
 * ```
 */
export interface WorkerImageParams {
  /** Width in px. */
  w?: number;
  /** Height in px. */
  h?: number;
  /** Quality, 1 to 100. */
  q?: number;
  /** Device pixel ratio, at most two decimals. */
  dpr?: number;
  /** `cover` (`c-maintain_ratio`), `contain` (`c-at_max`), `fill` (`c-force`), `pad` (`cm-pad_resize`). */
  fit?: Fit;
  /** Output format; `auto` lets ImageKit pick from the browser's `Accept`. */
  f?: OutputFormat;
}

// `{"crop":"at_max"}` → "contain": the parser's table read backwards, key and value both matching.
const FITS = new Map(Object.entries(FIT_STEPS).map(([fit, step]) => [JSON.stringify(step), fit as Fit]));

/** A value as a message shows it: text quoted, a number or boolean as it prints, anything else by its kind. */
const shown = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value) : Object(value) === value ? `a ${typeof value}` : String(value);

function refuse(key: string, value: unknown, why: string): never {
  throw new IkitError(
    "INVALID_OPTIONS",
    `signed image: transformation ${key} ${why}. The worker's /img route takes only width, height, quality, dpr, ` +
      "crop (maintain_ratio, at_max, force), cropMode pad_resize and format (auto, avif, webp, jpg, png); put " +
      "anything else in a worker preset and name that preset instead.",
    value,
  );
}

/** A number as the route writes it, checked against the pattern the worker reads it with. */
function numeric(key: string, value: unknown, pattern: RegExp, what: string): number {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !(number > 0) || !pattern.test(String(number))) refuse(key, value, what);
  return number;
}

const WHOLE_NUMBER = "must be a whole number from 1 to 999999 (expressions like iw_div_2 need a preset)";

/**
 * The `/img/<path>` query for a transformation of one step, or an `IkitError` `INVALID_OPTIONS` naming the first
 * parameter the route cannot express (several steps, expressions, any other parameter), with what it takes instead.
 *
 * @example
 * ```ts
 * workerParams([{ width: 640, quality: 80, crop: "at_max" }]); // { w: 640, q: 80, fit: "contain" }
 * workerParams([{ rotation: 90 }]); // throws INVALID_OPTIONS: "…transformation rotation (90) has no equivalent…"
 * ```
 */
export function workerParams(transformation: readonly Transformation[] = []): WorkerImageParams {
  if (!Array.isArray(transformation) || transformation.some((step) => Object(step) !== step))
    refuse("", transformation, "must be an array of steps, such as [{ width: 640 }]");
  if (transformation.length > 1) refuse("", transformation, "has several steps; the route applies one");
  const params: WorkerImageParams = {};
  for (const [key, value] of Object.entries(transformation[0] ?? {})) {
    if (value === undefined) continue;
    if (key === "width") params.w = numeric(key, value, WHOLE, WHOLE_NUMBER);
    else if (key === "height") params.h = numeric(key, value, WHOLE, WHOLE_NUMBER);
    else if (key === "quality") params.q = numeric(key, value, WHOLE, WHOLE_NUMBER);
    else if (key === "dpr")
      params.dpr = numeric(key, value, DPR, "must be above 0 and below 10, with at most two decimals");
    // Only text can name a crop: JSON.stringify throws on a BigInt or a cycle.
    else if (typeof value === "string" && FITS.has(JSON.stringify({ [key]: value })))
      params.fit = FITS.get(JSON.stringify({ [key]: value })) as Fit;
    else if (key === "format" && OUTPUT_FORMATS.includes(value as OutputFormat)) params.f = value as OutputFormat;
    else refuse(key, value, `(${shown(value)}) has no equivalent on the route`);
  }
  return params;
}
