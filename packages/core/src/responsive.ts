import { buildSrc, type SrcOptions } from "./build-src.js";

/** Options of {@link getResponsiveImageAttributes}: {@link SrcOptions} plus sizing hints. */
export interface ResponsiveImageOptions extends SrcOptions {
  /** The `sizes` attribute; `vw` values in it trim the candidate widths. */
  sizes?: string;
  /** The rendered width in CSS px: gives a `1x, 2x` srcset instead of a `w` one. */
  width?: number;
  /** Device widths to offer. @default [640, 750, 828, 1080, 1200, 1920, 2048, 3840] */
  deviceBreakpoints?: number[];
  /** Smaller widths, used with `sizes` or `width`. @default [16, 32, 48, 64, 96, 128, 256, 384] */
  imageBreakpoints?: number[];
}

/**
 * `@imagekit/javascript` v5's name for {@link ResponsiveImageOptions}, so v5 code compiles after changing the import.
 *
 * @example
 * ```ts
 * const opts: GetImageAttributesOptions = { urlEndpoint: "https://ik.imagekit.io/demo", src: "/hero.jpg", width: 400 };
 * ```
 */
export type GetImageAttributesOptions = ResponsiveImageOptions;

/** Attributes to spread onto an `<img>`. */
export interface ResponsiveImageAttributes {
  src: string;
  srcSet?: string;
  sizes?: string;
  width?: number;
}

const DEVICE = [640, 750, 828, 1080, 1200, 1920, 2048, 3840];
const IMAGE = [16, 32, 48, 64, 96, 128, 256, 384];

function candidates(all: number[], device: number[], width: number | undefined, sizes: string | undefined) {
  if (sizes) {
    const percents = (sizes.match(/(^|\s)(1?\d{1,2})vw/g) ?? []).map((token) => Number.parseInt(token, 10));
    if (!percents.length) return { widths: all, kind: "w" };
    const min = (device[0] as number) * (Math.min(...percents) / 100);
    return { widths: all.filter((w) => w >= min), kind: "w" };
  }
  if (typeof width !== "number") return { widths: device, kind: "w" };
  const nearest = (target: number) => all.find((w) => w >= target) ?? (all[all.length - 1] as number);
  return { widths: [...new Set([nearest(width), nearest(width * 2)])], kind: "x" };
}

/**
 * `src`, `srcSet` and `sizes` for a responsive `<img>`, as `@imagekit/javascript` v5 computes them: each candidate
 * adds a `{ width, crop: "at_max" }` step so ImageKit never upscales.
 *
 * @example
 * ```ts
 * const attrs = getResponsiveImageAttributes({ urlEndpoint: "https://ik.imagekit.io/demo", src: "/hero.jpg", width: 400 });
 * // { src: ".../hero.jpg?tr=w-828,c-at_max", srcSet: ".../hero.jpg?tr=w-640,c-at_max 1x, .../hero.jpg?tr=w-828,c-at_max 2x", width: 400 }
 * ```
 */
export function getResponsiveImageAttributes(opts: ResponsiveImageOptions): ResponsiveImageAttributes {
  const { sizes, width, transformation = [], deviceBreakpoints = DEVICE, imageBreakpoints = IMAGE } = opts;
  const device = [...deviceBreakpoints].sort((a, b) => a - b);
  const all = [...imageBreakpoints, ...device].sort((a, b) => a - b);
  const { widths, kind } = candidates(all, device, width, sizes);
  const base: SrcOptions = { urlEndpoint: opts.urlEndpoint, src: opts.src };
  if (opts.queryParameters) base.queryParameters = opts.queryParameters;
  if (opts.transformationPosition) base.transformationPosition = opts.transformationPosition;
  const at = (w: number) => buildSrc({ ...base, transformation: [...transformation, { width: w, crop: "at_max" }] });
  const srcSet = widths.map((w, i) => `${at(w)} ${kind === "w" ? w : i + 1}${kind}`).join(", ") || undefined;
  const finalSizes = sizes ?? (kind === "w" ? "100vw" : undefined);
  const result: ResponsiveImageAttributes = { src: at(widths[widths.length - 1] as number) };
  if (srcSet) result.srcSet = srcSet;
  if (finalSizes) result.sizes = finalSizes;
  if (width !== undefined) result.width = width;
  return result;
}
