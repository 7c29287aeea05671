import { buildSrc, getResponsiveImageAttributes, type SrcOptions, type Transformation } from "@ikit/core";
import { ReactImageKitError } from "./errors.js";
import type { ImageKitConfig } from "./provider.js";
import { type WorkerImageParams, workerImageUrl } from "./worker-url.js";

/**
 * How a `signed` image is asked of `@ikit/worker`: a preset, or the route's parameters. The worker signs the URL;
 * its `allow` list decides what is served.
 *
 * @example
 * ```ts
 * const byPreset: SignedImageOptions = { preset: "card", dprs: [1, 2] };
 * const byParams: SignedImageOptions = { quality: 80, fit: "contain", format: "auto" };
 * ```
 */
export interface SignedImageOptions extends Pick<WorkerImageParams, "quality" | "fit" | "format"> {
  /** A preset configured on the worker: `/img/<preset>/<path>`. Its steps fix the size, so `srcset` uses `dprs`. */
  preset?: string;
  /** With a preset: the `dpr` values to offer as `1x, 2x…` (each must be in the worker's `allow.dprs`). */
  dprs?: number[];
  /** The worker's preset for `placeholder="blur"`, e.g. `[{ width: 32, quality: 20, blur: 20 }]` named `blur`. */
  placeholderPreset?: string;
}

/**
 * What decides an image's URLs: `src` with `@imagekit/react`'s props, and ours.
 *
 * @example
 * ```ts
 * const input: ImageSource = { src: "/hero.jpg", width: 800, transformation: [{ quality: 80 }] };
 * ```
 */
export interface ImageSource {
  // Optional props take `undefined` as well: @imagekit/react's prop types are written that way, so props typed with
  // theirs spread onto ours under `exactOptionalPropertyTypes`.
  src: string;
  urlEndpoint?: string | undefined;
  transformation?: Transformation[] | undefined;
  transformationPosition?: "path" | "query" | undefined;
  queryParameters?: SrcOptions["queryParameters"] | undefined;
  /** `false` renders `src` alone, without `srcSet`. @default true */
  responsive?: boolean | undefined;
  /** Display width in CSS px: a number or a numeric string (`"100%"` or `"100px"` give a `w`-descriptor srcset). */
  width?: number | `${number}` | undefined;
  sizes?: string | undefined;
  deviceBreakpoints?: number[] | undefined;
  imageBreakpoints?: number[] | undefined;
  /** `true`, or how to ask the worker: the URLs come from `@ikit/worker`'s `/img` route. */
  signed?: boolean | SignedImageOptions | undefined;
  /** The worker's origin; defaults to the provider's. */
  workerUrl?: string | undefined;
  /** `"blur"` adds a tiny blurred version as the background until the image loads. */
  placeholder?: "blur" | "empty" | undefined;
  /** Fit for signed images uses the rendered `height` to ask for the same aspect ratio. */
  height?: number | string | undefined;
}

/**
 * URLs and sizing attributes of an `<img>`, and the placeholder's URL when one is asked for.
 *
 * @example
 * ```ts
 * const attrs: ImageAttributes = { src: "https://ik.imagekit.io/demo/a.jpg?tr=w-828,c-at_max", srcSet: "… 1x, … 2x" };
 * ```
 */
export interface ImageAttributes {
  src: string;
  srcSet?: string;
  sizes?: string;
  placeholder?: string;
}

/** The transformation the blur-up placeholder adds after the image's own steps: tiny, low quality, blurred. */
const BLUR_STEP: Transformation = { width: 32, quality: 20, blur: 20 };

/**
 * `"100"` → 100, any other string (`"100%"`, `"100px"`) or a non-finite number → undefined, as `@imagekit/react`
 * reads `width`.
 */
function pixels(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number.parseInt(value, 10) || undefined;
  return undefined;
}

// A stand-in endpoint: the candidate widths are read back from core's own srcset, so signed and unsigned images
// choose their widths by one rule (core's, proven equal to @imagekit/javascript's).
const PROBE = "https://probe.invalid";
const CANDIDATE = /\/tr:w-(\d+),c-at_max\/probe (\d+[wx])/g;

/** The widths core's `srcset` offers for these sizing options (`[[640, "1x"], [828, "2x"]]`), and its `sizes`. */
function candidates(source: ImageSource, config: ImageKitConfig): { widths: [number, string][]; sizes?: string } {
  const { srcSet = "", sizes } = getResponsiveImageAttributes({
    urlEndpoint: PROBE,
    src: "/probe",
    transformationPosition: "path",
    ...sizing(source, config),
  });
  const widths = [...srcSet.matchAll(CANDIDATE)].map(
    ([, w, descriptor]) => [Number(w), descriptor] as [number, string],
  );
  return sizes === undefined ? { widths } : { widths, sizes };
}

function sizing(source: ImageSource, config: ImageKitConfig) {
  const width = pixels(source.width);
  const deviceBreakpoints = source.deviceBreakpoints ?? config.deviceBreakpoints;
  const imageBreakpoints = source.imageBreakpoints ?? config.imageBreakpoints;
  return {
    ...(width !== undefined && { width }),
    ...(source.sizes !== undefined && { sizes: source.sizes }),
    ...(deviceBreakpoints && { deviceBreakpoints }),
    ...(imageBreakpoints && { imageBreakpoints }),
  };
}

/** URLs of `@ikit/worker`'s `/img` route: the worker holds the key and signs. */
function signedAttributes(source: ImageSource, config: ImageKitConfig, options: SignedImageOptions): ImageAttributes {
  if (source.transformation?.length) {
    throw new ReactImageKitError(
      "SIGNED_TRANSFORMATION",
      "a signed image cannot carry a transformation: the worker builds it. Configure a preset on the worker and pass signed={{ preset }}, or use quality, fit and format.",
      source.transformation,
    );
  }
  const target = {
    workerUrl: source.workerUrl ?? config.workerUrl ?? "",
    src: source.src,
    ...(config.workerImagePath && { imagePath: config.workerImagePath }),
  };
  const placeholder =
    source.placeholder === "blur" && options.placeholderPreset
      ? { placeholder: workerImageUrl({ ...target, preset: options.placeholderPreset }) }
      : {};
  if (options.preset) {
    const preset = { ...target, preset: options.preset };
    const src = workerImageUrl(preset);
    const dprs = source.responsive === false ? [] : (options.dprs ?? []);
    if (!dprs.length) return { src, ...placeholder };
    const srcSet = dprs.map((dpr) => `${workerImageUrl(preset, { dpr })} ${dpr}x`).join(", ");
    return { src, srcSet, ...placeholder };
  }
  const { quality, fit, format } = options;
  const width = pixels(source.width);
  const height = pixels(source.height);
  // With a fit, the box's aspect ratio is asked for too; without one, ImageKit keeps the image's own.
  const at = (w: number | undefined) =>
    workerImageUrl(target, {
      ...(w !== undefined && { width: w }),
      ...(fit && w !== undefined && width && height && { height: Math.round((w * height) / width) }),
      ...(quality !== undefined && { quality }),
      ...(fit && { fit }),
      ...(format && { format }),
    });
  if (source.responsive === false) return { src: at(width), ...placeholder };
  const { widths, sizes } = candidates(source, config);
  const last = widths[widths.length - 1];
  return {
    src: at(last?.[0]),
    srcSet: widths.map(([w, descriptor]) => `${at(w)} ${descriptor}`).join(", "),
    ...(sizes !== undefined && { sizes }),
    ...placeholder,
  };
}

/**
 * The `src`, `srcSet`, `sizes` (and placeholder URL) `<Image>` renders: from `@ikit/core` as `@imagekit/react` builds
 * them (the same URLs, byte for byte), or from `@ikit/worker`'s `/img` route when `signed`. Props win over the
 * provider's configuration. Pure: usable to build `<picture>` sources or preload links by hand.
 *
 * @example
 * ```ts
 * imageAttributes({ src: "/hero.jpg", width: 400 }, { urlEndpoint: "https://ik.imagekit.io/demo" });
 * // { src: ".../hero.jpg?tr=w-828,c-at_max", srcSet: ".../hero.jpg?tr=w-640,c-at_max 1x, ...w-828,c-at_max 2x" }
 * imageAttributes({ src: "/private/a.jpg", width: 400, signed: true }, { workerUrl: "https://img.example.com" });
 * // { src: "https://img.example.com/img/private/a.jpg?w=828", srcSet: "...?w=640 1x, ...?w=828 2x" }
 * ```
 */
export function imageAttributes(source: ImageSource, config: ImageKitConfig = {}): ImageAttributes {
  if (source.signed) return signedAttributes(source, config, source.signed === true ? {} : source.signed);
  const urlEndpoint = source.urlEndpoint ?? config.urlEndpoint ?? "";
  const transformationPosition = source.transformationPosition ?? config.transformationPosition;
  const options: SrcOptions = {
    urlEndpoint,
    src: source.src,
    ...(source.transformation && { transformation: source.transformation }),
    ...(transformationPosition && { transformationPosition }),
    ...(source.queryParameters && { queryParameters: source.queryParameters }),
  };
  const placeholder =
    source.placeholder === "blur"
      ? { placeholder: buildSrc({ ...options, transformation: [...(source.transformation ?? []), BLUR_STEP] }) }
      : {};
  if (source.responsive === false) return { src: buildSrc(options), ...placeholder };
  const { src, srcSet, sizes } = getResponsiveImageAttributes({ ...options, ...sizing(source, config) });
  return { src, ...(srcSet && { srcSet }), ...(sizes && { sizes }), ...placeholder };
}
