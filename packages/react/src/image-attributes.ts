import {
  buildSrc,
  getResponsiveImageAttributes,
  IkitError,
  imageSize,
  type SrcOptions,
  type Transformation,
} from "@ikit/core";
import { workerImageAttributes } from "@ikit/worker/url";
import type { ImageKitConfig } from "./provider.js";

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
  /** The displayed height in CSS px; derived from the transformation when not given. */
  height?: number | `${number}` | string | undefined;
  /** `"blur"` adds a tiny blurred version as the background until the image loads. */
  placeholder?: "blur" | "empty" | undefined;
  /**
   * Take the URLs from `@ikit/worker`'s `/img` route, which signs them with a key the browser never sees. A
   * `transformation` must then be one step the route can express (width, height, quality, dpr, crop, format).
   * @default false
   */
  signed?: boolean | undefined;
  /** In signed mode, a preset of the worker (`/img/<preset>/<path>`) instead of a transformation. */
  preset?: string | undefined;
  /** With `preset`: the densities to offer as `1x, 2x…` (`?dpr=`, each in the worker's `allow.dprs`). */
  dprs?: number[] | undefined;
  /** In signed mode, the worker preset drawing the blur-up placeholder (e.g. `[{ width: 32, blur: 20 }]`). */
  placeholderPreset?: string | undefined;
  /** The worker's origin; defaults to the provider's. */
  workerUrl?: string | undefined;
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
  width?: number | string;
  height?: number | string;
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

/** URLs of `@ikit/worker`'s `/img` route (`@ikit/worker/url`): the worker holds the key and signs. */
function signedAttributes(source: ImageSource, config: ImageKitConfig): ImageAttributes {
  const { preset, dprs, placeholderPreset, transformation, responsive } = source;
  const imagePath = config.workerImagePath;
  const { srcset, ...urls } = workerImageAttributes({
    workerUrl: source.workerUrl ?? config.workerUrl,
    path: source.src,
    ...(imagePath && { imagePath }),
    ...(preset && { preset }),
    ...(dprs && { dprs }),
    ...(placeholderPreset && { placeholderPreset }),
    ...(transformation && { transformation }),
    ...(responsive === false && { responsive: false }),
    placeholder: source.placeholder === "blur",
    ...sizing(source, config),
  });
  return { ...urls, ...(srcset && { srcSet: srcset }) };
}

/** `width` and `height` for the tag: the props, else the transformation's own size (core's `imageSize`). */
function dimensions(source: ImageSource): Pick<ImageAttributes, "width" | "height"> {
  return imageSize({ width: source.width, height: source.height, transformation: source.transformation });
}

/**
 * The `src`, `srcSet`, `sizes`, `width`, `height` (and placeholder URL) `<Image>` renders: URLs from `@ikit/core` as
 * `@imagekit/react` builds them (the same URLs, byte for byte), or from `@ikit/worker`'s `/img` route when `signed`
 * (`@ikit/worker/url`); `width`/`height` from the props, else from the transformation's size or aspect ratio. Props
 * win over the provider's configuration. Pure: usable to build `<picture>` sources or preload links by hand.
 *
 * @example
 * ```ts
 * imageAttributes({ src: "/hero.jpg", width: 400 }, { urlEndpoint: "https://ik.imagekit.io/demo" });
 * // { src: ".../hero.jpg?tr=w-828,c-at_max", srcSet: ".../hero.jpg?tr=w-640,c-at_max 1x, ...w-828,c-at_max 2x", width: 400 }
 * imageAttributes({ src: "/private/a.jpg", width: 400, signed: true }, { workerUrl: "https://img.example.com" });
 * // { src: "https://img.example.com/img/private/a.jpg?w=828", srcSet: "...?w=640 1x, ...?w=828 2x", width: 400 }
 * ```
 */
export function imageAttributes(source: ImageSource, config: ImageKitConfig = {}): ImageAttributes {
  if (source.transformation != null && !Array.isArray(source.transformation))
    throw new IkitError(
      "INVALID_VALUE",
      "<Image> transformation must be an array of steps, such as [{ width: 300 }, { rotation: 90 }].",
      source.transformation,
    );
  const urls = source.signed ? signedAttributes(source, config) : unsignedAttributes(source, config);
  return { ...urls, ...dimensions(source) };
}

/** `src`, `srcSet`, `sizes` and placeholder from ImageKit URLs built here by core, as `@imagekit/react` builds them. */
function unsignedAttributes(source: ImageSource, config: ImageKitConfig): ImageAttributes {
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
