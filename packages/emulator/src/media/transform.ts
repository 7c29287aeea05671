import { buildTransformationString, type Transformation } from "@ikit/core";
import sharp from "sharp";
import { formatOf, mimeOfFormat } from "./analyse.js";
import { type ExpressionScope, evaluate } from "./expression.js";
import type { ImageWork } from "./image-queue.js";
import {
  checkAvifSize,
  checkInputPixels,
  checkOutputSize,
  checkStepCount,
  type PixelLimits,
  type Size,
} from "./pixel-limits.js";

/** The parameters the emulator applies; everything else is reported as ignored. */
const APPLIED = new Set([
  "width",
  "height",
  "crop",
  "quality",
  "format",
  "rotation",
  "blur",
  "grayscale",
  "dpr",
  "named",
]);

/** What {@link applyTransformation} produced: the bytes, their MIME type, and the parameters it did not apply. */
export interface Transformed {
  body: Buffer;
  mime: string;
  ignored: string[];
}

type OutputFormat = "jpeg" | "png" | "webp" | "avif";

const FORMATS: Record<string, OutputFormat> = { jpg: "jpeg", jpeg: "jpeg", png: "png", webp: "webp", avif: "avif" };

function numberOf(value: unknown): number | undefined {
  const n =
    typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** `w-300` → 300 px; `w-0.5` → half the input; `w-iw_div_4` → evaluated; `auto` and unknown variables → undefined (ignored). */
function dimension(value: unknown, input: number, scope: ExpressionScope): number | undefined {
  // A bare number keeps its own meaning (a fraction below 1); anything with a variable or operator is evaluated.
  const expression = typeof value === "string" && !/^[\d.]+$/.test(value) ? evaluate(value, scope) : undefined;
  if (expression !== undefined) return expression > 0 ? Math.max(1, Math.round(expression)) : undefined;
  const n = numberOf(value);
  if (n === undefined || n <= 0) return undefined;
  return Math.max(1, Math.round(n < 1 ? n * input : n));
}

/**
 * A parameter as its URL code, for the ignored-parameters header.
 *
 * @example
 * ```ts
 * codeOf("sharpen", true); // "e-sharpen"
 * ```
 */
export function codeOf(key: string, value: unknown): string {
  return buildTransformationString([{ [key]: value } as Transformation]);
}

/** `f-auto`: the best format the client accepts; not AVIF for an image too large to encode as one (see {@link checkAvifSize}). */
function pickAuto(accept: string, avifFits: boolean): OutputFormat | undefined {
  if (avifFits && /image\/avif/.test(accept)) return "avif";
  if (/image\/webp/.test(accept)) return "webp";
  return undefined;
}

type Fit = "cover" | "fill" | "inside" | "outside";

/** One step as sharp will be asked to run it, and the sizes it makes: planned before any pixel is touched. */
interface StepPlan {
  ignored: string[];
  resize?: { width?: number; height?: number; fit: Fit; withoutEnlargement?: boolean };
  /** The size after the resize. */
  resized: Size;
  rotation?: "auto" | number;
  /** The size after the rotation: a 45° turn makes the canvas larger. */
  rotated: Size;
  blur?: number;
  grayscale: boolean;
  /** The output format from this step on (`undefined`: keep the input's). */
  format: OutputFormat | undefined;
  quality?: number;
  /** The format to encode to, when this step sets a format or a quality that format takes. */
  encode?: OutputFormat;
}

/** The size sharp's `resize` makes of `input` (one side given: the other follows the aspect ratio). */
function resizedSize(input: Size, resize: NonNullable<StepPlan["resize"]>): Size {
  const { width, height, fit } = resize;
  if (width !== undefined && height !== undefined && (fit === "cover" || fit === "fill")) return { width, height };
  const scales = [
    width === undefined ? undefined : width / input.width,
    height === undefined ? undefined : height / input.height,
  ];
  const given = scales.filter((scale): scale is number => scale !== undefined);
  let scale = fit === "outside" ? Math.max(...given) : Math.min(...given);
  if (resize.withoutEnlargement) scale = Math.min(1, scale);
  return {
    width: width !== undefined && given.length === 1 ? width : Math.max(1, Math.round(input.width * scale)),
    height: height !== undefined && given.length === 1 ? height : Math.max(1, Math.round(input.height * scale)),
  };
}

/** The canvas a rotation by `degrees` needs: sides swap at 90° and 270°, and grow in between. */
function rotatedSize(size: Size, degrees: number): Size {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  // Rounding noise (cos 90° is 6e-17) must not add a pixel.
  const side = (a: number, b: number) => Math.ceil(Number((a * cos + b * sin).toFixed(6)));
  return { width: side(size.width, size.height), height: side(size.height, size.width) };
}

/** Turns one step into a {@link StepPlan} for an input of `input` pixels, checking every size against the limits. */
function planStep(
  record: Record<string, unknown>,
  input: Size,
  scope: ExpressionScope,
  accept: string,
  carried: OutputFormat | undefined,
  inputFormat: string | undefined,
  limits: PixelLimits,
): StepPlan {
  const ignored: string[] = [];
  for (const key of Object.keys(record)) {
    if (key === "raw") ignored.push(...String(record.raw).split(","));
    else if (!APPLIED.has(key)) ignored.push(codeOf(key, record[key]));
  }
  if (record.named !== undefined && record.named !== "ik_ml_thumbnail") ignored.push(`n-${String(record.named)}`);

  const dpr = numberOf(record.dpr);
  if (record.dpr !== undefined && dpr === undefined) ignored.push(`dpr-${String(record.dpr)}`);
  const scale = dpr !== undefined && dpr > 0 ? dpr : 1;
  let width = dimension(record.width, input.width, scope);
  let height = dimension(record.height, input.height, scope);
  if (record.width !== undefined && width === undefined) ignored.push(`w-${String(record.width)}`);
  if (record.height !== undefined && height === undefined) ignored.push(`h-${String(record.height)}`);
  let crop = typeof record.crop === "string" ? record.crop : "maintain_ratio";
  if (record.named === "ik_ml_thumbnail") {
    width = 300;
    height = 300;
    crop = "at_max";
  }
  if (width !== undefined) width = Math.round(width * scale);
  if (height !== undefined) height = Math.round(height * scale);
  let resize: StepPlan["resize"];
  if (width !== undefined || height !== undefined) {
    const size = { ...(width !== undefined && { width }), ...(height !== undefined && { height }) };
    switch (crop) {
      case "force":
        resize = { ...size, fit: width && height ? "fill" : "cover" };
        break;
      case "at_max":
        resize = { ...size, fit: "inside", withoutEnlargement: true };
        break;
      case "at_max_enlarge":
        resize = { ...size, fit: "inside" };
        break;
      case "at_least":
        resize = { ...size, fit: "outside" };
        break;
      default:
        if (crop !== "maintain_ratio") ignored.push(`c-${crop}`);
        resize = { ...size, fit: "cover" };
    }
  }
  const resized = resize ? resizedSize(input, resize) : input;
  checkOutputSize(resized, limits);

  let rotation: StepPlan["rotation"];
  let rotated = resized;
  if (record.rotation === "auto") rotation = "auto";
  else if (record.rotation !== undefined) {
    const degrees = numberOf(String(record.rotation).replace(/^N/, "-"));
    if (degrees === undefined) ignored.push(`rt-${String(record.rotation)}`);
    else {
      // A turn of 1e9 degrees is a turn of 280: libvips refuses angles that large.
      rotation = degrees % 360;
      rotated = rotatedSize(resized, rotation);
      checkOutputSize(rotated, limits);
    }
  }

  const blur = numberOf(record.blur);
  let format = carried;
  if (typeof record.format === "string") {
    if (record.format === "auto")
      format = pickAuto(accept, rotated.width * rotated.height <= limits.maxOutputPixels / 4);
    else if (record.format === "orig") format = undefined;
    else if (Object.hasOwn(FORMATS, record.format)) format = FORMATS[record.format];
    else ignored.push(`f-${record.format}`);
  }
  const quality = numberOf(record.quality);
  const target = format ?? inputFormat;
  const encodes = target === "jpeg" || target === "png" || target === "webp" || target === "avif";
  if (quality !== undefined && !encodes) ignored.push(`q-${quality}`);
  if (target === "avif") checkAvifSize(rotated, limits);
  return {
    ignored,
    ...(resize && { resize }),
    resized,
    ...(rotation !== undefined && { rotation }),
    rotated,
    ...(blur !== undefined && blur > 0 && { blur: Math.min(100, Math.max(0.3, blur / 2)) }),
    grayscale: record.grayscale !== undefined,
    format,
    ...(quality !== undefined && { quality }),
    ...((quality !== undefined || format !== undefined) && encodes && { encode: target as OutputFormat }),
  };
}

/**
 * Above this many pixels a JPEG is written without optimised Huffman tables: optimising keeps every DCT coefficient
 * of the image in memory (about 600 MB at 100 megapixels), plain coding streams it (under 80 MB).
 */
const STREAMED_JPEG_PIXELS = 16_000_000;

/** Above this many pixels an AVIF is encoded with the least effort: 25 megapixels take 2 s instead of 12 s. */
const FAST_AVIF_PIXELS = 4_000_000;

/**
 * Sets a step's output encoding: the format and quality it asks for, a streamed JPEG and a fast AVIF for a large one
 * (the bytes differ a little in size, the image not at all).
 */
function encode(
  image: sharp.Sharp,
  plan: Pick<StepPlan, "encode" | "quality"> | undefined,
  inputFormat: string | undefined,
  size: Size,
): sharp.Sharp {
  const quality = plan?.quality === undefined ? {} : { quality: Math.min(100, Math.max(1, Math.round(plan.quality))) };
  const target = plan?.encode ?? inputFormat;
  const pixels = size.width * size.height;
  if (target === "jpeg" && pixels > STREAMED_JPEG_PIXELS) return image.jpeg({ ...quality, optimiseCoding: false });
  if (target === "avif" && pixels > FAST_AVIF_PIXELS) return image.avif({ ...quality, effort: 0 });
  return plan?.encode ? image.toFormat(plan.encode, quality) : image;
}

/**
 * Applies a subset of ImageKit's image transformations with sharp, step by step (chained steps `:` run in order):
 * width/height (px, fraction or arithmetic expression) with crop `maintain_ratio` (default: cover and centre-crop), `force`, `at_max`,
 * `at_max_enlarge` and `at_least`; `dpr`; quality; format incl. `auto` by the `Accept` header; rotation (degrees,
 * `N90`, `auto`); blur; `e-grayscale`; the `ik_ml_thumbnail` named transformation.
 *
 * Every step is planned first, and a chain too long, an input too large to decode or a step that would make too
 * large an image is a 400 naming the limit before any pixel is computed. The work then runs in the image queue,
 * stops between steps once the client has gone, and is stopped by sharp's own timeout when a step runs too long.
 *
 * @example
 * ```ts
 * const out = await applyTransformation(path, [{ width: "100", format: "webp" }], "image/webp,*\/*", work);
 * // out.mime === "image/webp"; out.ignored === []
 * ```
 */
export async function applyTransformation(
  input: string | Buffer,
  steps: Transformation[],
  accept: string,
  work: ImageWork,
): Promise<Transformed> {
  const { limits } = work;
  checkStepCount(steps.length, limits);
  const header = await sharp(input).metadata();
  const initial = { width: header.width ?? 1, height: header.height ?? 1 };
  checkInputPixels(initial, limits);
  const ignored: string[] = [];
  let planned = initial;
  let format: OutputFormat | undefined;
  let inputFormat = header.format as string | undefined;
  for (const step of steps) {
    const scope = { iw: initial.width, ih: initial.height, cw: planned.width, ch: planned.height };
    const plan = planStep(step as Record<string, unknown>, planned, scope, accept, format, inputFormat, limits);
    ignored.push(...plan.ignored);
    planned = plan.rotated;
    format = plan.format;
    inputFormat = plan.encode ?? inputFormat;
  }

  const body = await work.queue.run(work.signal, async (stop) => {
    const started = Date.now();
    let body: string | Buffer = input;
    let current = initial;
    let format: OutputFormat | undefined;
    let inputFormat = header.format as string | undefined;
    for (const step of steps) {
      stop.throwIfAborted();
      // Planned again on the real size of the previous step's output, which rounding may have moved by a pixel.
      const scope = { iw: initial.width, ih: initial.height, cw: current.width, ch: current.height };
      const plan = planStep(step as Record<string, unknown>, current, scope, accept, format, inputFormat, limits);
      format = plan.format;
      // sharp checks its own timeout inside a step; the queue answers the client at transformTimeoutMs.
      const left = limits.transformTimeoutMs - (Date.now() - started);
      const timeout = { seconds: Math.max(1, Math.ceil(left / 1000)) };
      const options = {
        animated: false,
        limitInputPixels: body === input ? limits.maxInputPixels : limits.maxOutputPixels,
      };
      let image = sharp(body, options);
      if (plan.resize) image = image.resize(plan.resize);
      // sharp rotates before it resizes; ImageKit resizes to w/h first, so rotation runs on the resized image.
      if (plan.rotation !== undefined && plan.resize) {
        const resized = await encode(image, undefined, inputFormat, plan.resized).timeout(timeout).toBuffer();
        image = sharp(resized, { limitInputPixels: limits.maxOutputPixels });
        stop.throwIfAborted();
      }
      if (plan.rotation === "auto") image = image.rotate();
      else if (plan.rotation !== undefined) image = image.rotate(plan.rotation);
      if (plan.blur !== undefined) image = image.blur(plan.blur);
      if (plan.grayscale) image = image.grayscale();
      image = encode(image, plan, inputFormat, plan.rotated);
      const { data, info } = await image.timeout(timeout).toBuffer({ resolveWithObject: true });
      body = data;
      current = { width: info.width, height: info.height };
      inputFormat = info.format;
    }
    return body;
  });
  const out = await sharp(body).metadata();
  return { body: body as Buffer, mime: mimeOfFormat(formatOf(out) ?? "jpeg"), ignored };
}
