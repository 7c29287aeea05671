import { buildSrc, type SrcOptions } from "./build-src.js";
import { fail } from "./errors.js";
import { items } from "./transformation.js";
import { optionsOf, textOf } from "./value.js";

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

/**
 * The breakpoints sorted, after checking each is a width: a number, or a numeric string as v5 takes them (e.g. split
 * from an environment variable; kept as given, so the URL is v5's), written without sign or exponent. `NaN` would be
 * written as `w-NaN`, a symbol would crash the sort, a hole (spread to `undefined`) is no width: each throws
 * `INVALID_VALUE` naming the option.
 */
function sorted(breakpoints: unknown, name: string): number[] {
  // What is not an array stands as one entry that is no width ("").
  const widths = Array.isArray(breakpoints) ? [...items(breakpoints, name)] : [""];
  // A number is tested as JavaScript writes it, so `NaN`, `Infinity`, `-5` and `1e21` fail as "abc" does.
  if (widths.some((w) => !(typeof w === "number" || typeof w === "string") || !/^\d+(\.\d+)?$/.test(w as string))) {
    fail("INVALID_VALUE", `${name} must be an array of widths in px, such as [640, 1080].`, breakpoints);
  }
  return widths.sort((a, b) => a - b);
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
  const {
    sizes,
    width,
    transformation = [],
    deviceBreakpoints = DEVICE,
    imageBreakpoints = IMAGE,
  } = optionsOf(opts, "getResponsiveImageAttributes");
  const device = sorted(deviceBreakpoints, "deviceBreakpoints");
  const all = [...sorted(imageBreakpoints, "imageBreakpoints"), ...device].sort((a, b) => a - b);
  let widths = device;
  let x = false;
  if (sizes) {
    // The smallest `vw` share in `sizes` rules out candidates narrower than that share of the smallest device.
    // A loop, not `Math.min(...)`: a long `sizes` has more tokens than a call takes arguments.
    // 200 stands for none: a token is at most 199vw.
    let least = 200;
    for (const token of textOf(sizes, "sizes").match(/(?:^|\s)1?\d{1,2}vw/g) ?? []) {
      least = Math.min(least, Number.parseInt(token, 10));
    }
    widths = least < 200 ? all.filter((w) => w >= (device[0] as number) * (least / 100)) : all;
  } else if (typeof width === "number") {
    // As v5: a breakpoint of 0 counts as none found, so the widest one serves (never `w-0`).
    const nearest = (target: number) => all.find((w) => w >= target) || (all[all.length - 1] as number);
    widths = [...new Set([nearest(width), nearest(width * 2)])];
    x = true;
  }
  const steps = Array.isArray(transformation) ? items(transformation, "transformation") : [];
  // One copy of the options for every candidate, its steps replaced each time: a fresh spread with a property added
  // leaves V8 a slow (dictionary) object per URL, which made each URL cost 3 to 4 times as much.
  const candidate = { ...opts };
  const at = (w: number) => {
    candidate.transformation = [...steps, { width: w, crop: "at_max" }];
    return buildSrc(candidate);
  };
  const result: ResponsiveImageAttributes = { src: at(widths[widths.length - 1] as number) };
  // No URL, no candidates: v5 writes " 1x,  2x" for an image without a source, and a browser requests "1x" relative
  // to the page.
  const srcSet = result.src && widths.map((w, i) => `${at(w)} ${x ? `${i + 1}x` : `${w}w`}`).join(", ");
  if (srcSet) result.srcSet = srcSet;
  const finalSizes = sizes ?? (x ? undefined : "100vw");
  if (finalSizes) result.sizes = finalSizes;
  if (width !== undefined) result.width = width;
  return result;
}
