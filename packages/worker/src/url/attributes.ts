// `src`, `srcset` and `sizes` of a signed `<img>` on the worker's route: the candidates an unsigned image would get
// from @ikit/core, each as `?w=` (or a preset's densities as `?dpr=`). What @ikit/react and @ikit/vue render.
import { getResponsiveImageAttributes, IkitError, type Transformation } from "@ikit/core";
import { type WorkerImageTarget, workerImageUrl } from "./image-url.js";
import { workerParams } from "./params.js";
import { DPR } from "./route.js";

/**
 * What decides a signed image's URLs.
 *
 * @example
 * ```ts
 * const options: WorkerImageOptions = { workerUrl: "https://images.example.com", path: "/p/a.jpg", width: 400 };
 * ```
 */
export interface WorkerImageOptions extends Omit<WorkerImageTarget, "params" | "workerUrl"> {
  /** The worker's origin; an `IkitError` `INVALID_OPTIONS` says so when it is missing. */
  workerUrl: string | undefined;
  /** One step the route can express (see `workerParams`); not with `preset`, which holds its own. */
  transformation?: readonly Transformation[] | undefined;
  /** With `preset`: the densities to offer as `1x, 2x…` (`?dpr=`, each in the worker's `allow.dprs`). */
  dprs?: readonly number[] | undefined;
  /** The worker preset that draws the blur-up placeholder, e.g. `[{ width: 32, blur: 20 }]`. */
  placeholderPreset?: string | undefined;
  /** A placeholder is wanted: the `placeholderPreset`, else the smallest candidate. @default false */
  placeholder?: boolean | undefined;
  /** `false`: one URL, no `srcset`. @default true */
  responsive?: boolean | undefined;
  /** The displayed width in CSS px: a `1x, 2x` srcset. */
  width?: number | undefined;
  /** The `sizes` attribute: a `w` srcset trimmed by its `vw` values. */
  sizes?: string | undefined;
  /** Device widths to offer. */
  deviceBreakpoints?: number[] | undefined;
  /** Smaller widths, used with `sizes` or `width`. */
  imageBreakpoints?: number[] | undefined;
}

/**
 * The URLs of a signed `<img>`, and of its placeholder.
 *
 * @example
 * ```ts
 * const urls: WorkerImageAttributes = { src: "https://images.example.com/img/p/a.jpg?w=828", srcset: "… 1x, … 2x" };
 * ```
 */
export interface WorkerImageAttributes {
  src: string;
  srcset?: string;
  sizes?: string;
  placeholder?: string;
}

/** The candidates core's srcset offers (`[[640, "1x"], [828, "2x"]]`), read back from its URLs, and its `sizes`. */
function candidates(options: WorkerImageOptions) {
  const { width, sizes, deviceBreakpoints, imageBreakpoints } = options;
  const attrs = getResponsiveImageAttributes({
    urlEndpoint: "https://widths.invalid",
    src: "/x",
    ...(width !== undefined && { width }),
    ...(sizes !== undefined && { sizes }),
    ...(deviceBreakpoints && { deviceBreakpoints }),
    ...(imageBreakpoints && { imageBreakpoints }),
  });
  const widths = (attrs.srcSet ?? "").split(", ").map((candidate) => {
    const [, w = "", descriptor = ""] = /tr=w-(\d+),c-at_max (\S+)$/.exec(candidate) ?? [];
    return [Number(w), descriptor] as const;
  });
  return { widths, sizes: attrs.sizes };
}

/**
 * `src`, `srcset`, `sizes` and the placeholder's URL for an image served and signed by `@ikit/worker`: the widths
 * an unsigned image would offer (core's rule, the same as `@imagekit/javascript`'s) as `?w=` on `/img/<path>`, the
 * transformation mapped onto the route's parameters (`h` only with `responsive: false`, as each candidate sets its
 * own width), or a preset at `dprs` densities. Throws an `IkitError` `INVALID_OPTIONS` for what the route cannot
 * express, a preset with a transformation, a missing `workerUrl` or an absolute URL as `path`.
 *
 * @example
 * ```ts
 * workerImageAttributes({ workerUrl: "https://images.example.com", path: "/p/a.jpg", width: 400 });
 * // { src: "…/img/p/a.jpg?w=828", srcset: "…/img/p/a.jpg?w=640 1x, …/img/p/a.jpg?w=828 2x" }
 * workerImageAttributes({ workerUrl: "https://images.example.com", path: "/p/a.jpg", preset: "card", dprs: [1, 2] });
 * // { src: "…/img/card/p/a.jpg", srcset: "…/img/card/p/a.jpg?dpr=1 1x, …/img/card/p/a.jpg?dpr=2 2x" }
 * ```
 */
export function workerImageAttributes(options: WorkerImageOptions): WorkerImageAttributes {
  const { path, preset, imagePath, placeholderPreset, transformation = [] } = options;
  const target = { workerUrl: options.workerUrl as string, path, ...(imagePath && { imagePath }) };
  // Checked before anything else is built: a missing origin is the mistake to report.
  workerImageUrl(target);
  const tiny = options.placeholder && placeholderPreset ? workerImageUrl({ ...target, preset: placeholderPreset }) : "";
  const withPlaceholder = (urls: WorkerImageAttributes, fallback = "") => {
    const placeholder = options.placeholder ? tiny || fallback : "";
    return placeholder ? { ...urls, placeholder } : urls;
  };
  if (preset) {
    if (transformation.length)
      throw new IkitError(
        "INVALID_OPTIONS",
        "a signed image takes a preset or a transformation, not both: the preset holds the transformation.",
        transformation,
      );
    // A preset fixes the size: the srcset can only vary the density.
    const dprs = options.responsive === false ? [] : (options.dprs ?? []);
    if (!Array.isArray(dprs) || dprs.some((dpr) => typeof dpr !== "number" || !(dpr > 0) || !DPR.test(String(dpr))))
      throw new IkitError("INVALID_VALUE", "dprs must be an array of densities, such as [1, 2].", dprs);
    const at = (dpr?: number) => workerImageUrl({ ...target, preset, ...(dpr && { params: { dpr } }) });
    const srcset = dprs.map((dpr) => `${at(dpr)} ${dpr}x`).join(", ");
    return withPlaceholder({ src: at(), ...(srcset && { srcset }) });
  }
  const params = workerParams(transformation);
  if (options.responsive === false) return withPlaceholder({ src: workerImageUrl({ ...target, params }) });
  const { widths, sizes } = candidates(options);
  const { h: _height, ...responsive } = params;
  const at = (w: number) => workerImageUrl({ ...target, params: { ...responsive, w } });
  const widest = widths[widths.length - 1]?.[0] ?? 0;
  return withPlaceholder(
    {
      src: at(widest),
      srcset: widths.map(([w, descriptor]) => `${at(w)} ${descriptor}`).join(", "),
      ...(sizes && { sizes }),
    },
    // Without a placeholder preset, the smallest candidate (not blurred: the route has no blur parameter).
    at(widths[0]?.[0] ?? widest),
  );
}
