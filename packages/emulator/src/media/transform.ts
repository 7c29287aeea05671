import { buildTransformationString, type Transformation } from "@ikit/core";
import sharp from "sharp";
import { mimeOfFormat } from "./analyse.js";
import { type ExpressionScope, evaluate } from "./expression.js";

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

function pickAuto(accept: string): OutputFormat | undefined {
  if (/image\/avif/.test(accept)) return "avif";
  if (/image\/webp/.test(accept)) return "webp";
  return undefined;
}

/**
 * Applies a subset of ImageKit's image transformations with sharp, step by step (chained steps `:` run in order):
 * width/height (px, fraction or arithmetic expression) with crop `maintain_ratio` (default: cover and centre-crop), `force`, `at_max`,
 * `at_max_enlarge` and `at_least`; `dpr`; quality; format incl. `auto` by the `Accept` header; rotation (degrees,
 * `N90`, `auto`); blur; `e-grayscale`; the `ik_ml_thumbnail` named transformation.
 *
 * @example
 * ```ts
 * const out = await applyTransformation(bytes, [{ width: "100", format: "webp" }], "image/webp,*\/*");
 * // out.mime === "image/webp"; out.ignored === []
 * ```
 */
export async function applyTransformation(
  input: Buffer,
  steps: Transformation[],
  accept: string,
): Promise<Transformed> {
  const ignored: string[] = [];
  let body = input;
  let format: string | undefined;
  const initial = await sharp(input).metadata();
  for (const step of steps) {
    const meta = await sharp(body).metadata();
    const inputWidth = meta.width ?? 1;
    const inputHeight = meta.height ?? 1;
    const scope = { iw: initial.width ?? 1, ih: initial.height ?? 1, cw: inputWidth, ch: inputHeight };
    let image = sharp(body, { animated: false });
    const record = step as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === "raw") ignored.push(...String(record.raw).split(","));
      else if (!APPLIED.has(key)) ignored.push(codeOf(key, record[key]));
    }
    if (record.named !== undefined && record.named !== "ik_ml_thumbnail") ignored.push(`n-${String(record.named)}`);

    const dpr = numberOf(record.dpr);
    if (record.dpr !== undefined && dpr === undefined) ignored.push(`dpr-${String(record.dpr)}`);
    const scale = dpr !== undefined && dpr > 0 ? dpr : 1;
    let width = dimension(record.width, inputWidth, scope);
    let height = dimension(record.height, inputHeight, scope);
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
    if (width !== undefined || height !== undefined) {
      const size = { ...(width !== undefined && { width }), ...(height !== undefined && { height }) };
      switch (crop) {
        case "force":
          image = image.resize({ ...size, fit: width && height ? "fill" : "cover" });
          break;
        case "at_max":
          image = image.resize({ ...size, fit: "inside", withoutEnlargement: true });
          break;
        case "at_max_enlarge":
          image = image.resize({ ...size, fit: "inside" });
          break;
        case "at_least":
          image = image.resize({ ...size, fit: "outside" });
          break;
        default:
          if (crop !== "maintain_ratio") ignored.push(`c-${crop}`);
          image = image.resize({ ...size, fit: "cover" });
      }
    }

    // sharp rotates before it resizes; ImageKit resizes to w/h first, so rotation runs on the resized image.
    const rotation = record.rotation;
    if (rotation !== undefined && (width !== undefined || height !== undefined)) {
      image = sharp(await image.toBuffer());
    }
    if (rotation === "auto") image = image.rotate();
    else if (rotation !== undefined) {
      const degrees = numberOf(String(rotation).replace(/^N/, "-"));
      if (degrees === undefined) ignored.push(`rt-${String(rotation)}`);
      else image = image.rotate(degrees);
    }

    const blur = numberOf(record.blur);
    if (blur !== undefined && blur > 0) image = image.blur(Math.min(100, Math.max(0.3, blur / 2)));
    if (record.grayscale !== undefined) image = image.grayscale();

    if (typeof record.format === "string") {
      if (record.format === "auto") format = pickAuto(accept);
      else if (record.format === "orig") format = undefined;
      else if (FORMATS[record.format]) format = FORMATS[record.format];
      else ignored.push(`f-${record.format}`);
    }
    const quality = numberOf(record.quality);
    const target = (format ?? meta.format) as string;
    if (quality !== undefined || format !== undefined) {
      const options = quality !== undefined ? { quality: Math.min(100, Math.max(1, Math.round(quality))) } : {};
      if (target === "jpeg" || target === "png" || target === "webp" || target === "avif") {
        image = image.toFormat(target, options);
      } else if (quality !== undefined) ignored.push(`q-${quality}`);
    }
    body = await image.toBuffer();
  }
  const out = await sharp(body).metadata();
  return { body, mime: mimeOfFormat(out.format ?? "jpeg"), ignored };
}
