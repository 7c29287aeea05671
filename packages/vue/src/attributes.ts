// What <IkImage> renders, as a pure function of its props and the options in force: the same on the server and in
// the browser, so hydration finds what the server wrote. URLs come from @ikit/core (unsigned) or the worker's /img
// route (signed); sizes from the props, else from the transformation.
import {
  buildSrc,
  getResponsiveImageAttributes,
  IkitError,
  imageSize,
  type QueryParameters,
  type Transformation,
  type TransformationPosition,
} from "@ikit/core";
import { workerImageAttributes } from "@ikit/worker/url";
import type { ImagePlaceholder } from "./config.js";

/**
 * The props of `<IkImage>` that shape its URLs and attributes (every other attribute passes through).
 *
 * @example
 * ```ts
 * const props: ImageProps = { src: "/a.jpg", urlEndpoint: "https://ik.imagekit.io/demo", width: 400, height: 300 };
 * ```
 */
export interface ImageProps {
  src: string;
  urlEndpoint?: string | undefined;
  transformation?: Transformation[] | undefined;
  transformationPosition?: TransformationPosition | undefined;
  queryParameters?: QueryParameters | undefined;
  // biome-ignore lint/complexity/noBannedTypes: @imagekit/vue's type for this prop, accepted for migration.
  responsive?: boolean | Boolean | undefined;
  width?: number | string | undefined;
  height?: number | string | undefined;
  sizes?: string | undefined;
  loading?: "lazy" | "eager" | undefined;
  deviceBreakpoints?: number[] | undefined;
  imageBreakpoints?: number[] | undefined;
  priority?: boolean | undefined;
  placeholder?: ImagePlaceholder | undefined;
  signed?: boolean | undefined;
  preset?: string | undefined;
  workerUrl?: string | undefined;
  workerImagePath?: string | undefined;
  dprs?: number[] | undefined;
  placeholderPreset?: string | undefined;
}

/**
 * The `<img>` attributes, plus the placeholder's URL for the component's style.
 *
 * @example
 * ```ts
 * const { placeholder, ...attrs }: ImageAttributes = imageAttributes({
 *   src: "/a.jpg",
 *   urlEndpoint: "https://ik.imagekit.io/demo",
 *   placeholder: "blur",
 * });
 * ```
 */
export interface ImageAttributes {
  loading: "lazy" | "eager";
  decoding: "async";
  fetchpriority?: "high";
  src: string;
  srcset?: string;
  sizes?: string;
  width?: number | string;
  height?: number | string;
  placeholder?: string;
}

// Where the tiny placeholder is cut: 24 px wide, low quality, blurred by ImageKit; the browser scales it up.
const PLACEHOLDER_STEP: Transformation = { width: 24, quality: 20, blur: 10 };

/** The steps of a `transformation` prop: none for `undefined` or `null`, else it must be an array. */
function stepsOf(transformation: unknown): Transformation[] {
  if (transformation === undefined || transformation === null) return [];
  if (!Array.isArray(transformation))
    throw new IkitError(
      "INVALID_VALUE",
      "<IkImage> transformation must be an array of steps, such as [{ width: 300 }, { rotation: 90 }].",
      transformation,
    );
  return transformation;
}

/** A number from a number or a numeric string; `undefined` for units (`"100%"`) or anything else. */
function pixels(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : undefined;
  return typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
}

/** `width` and `height` for the tag: the props, else the transformation's own size (core's `imageSize`). */
function dimensions(props: ImageProps): Pick<ImageAttributes, "width" | "height"> {
  return imageSize({ width: props.width, height: props.height, transformation: props.transformation });
}

/** The options that choose the srcset's candidates, the same in both modes. */
function sizing(props: ImageProps) {
  const width = pixels(props.width);
  return {
    ...(width !== undefined && { width }),
    ...(props.sizes !== undefined && { sizes: props.sizes }),
    ...(props.deviceBreakpoints && { deviceBreakpoints: props.deviceBreakpoints }),
    ...(props.imageBreakpoints && { imageBreakpoints: props.imageBreakpoints }),
  };
}

/** `src` / `srcset` / `sizes` / placeholder from ImageKit URLs built in the browser (core, as `@imagekit/vue`). */
function unsignedUrls(props: ImageProps, placeholder: boolean) {
  const { src, urlEndpoint = "", transformation = [], transformationPosition, queryParameters } = props;
  const base = {
    src,
    urlEndpoint,
    transformation,
    ...(transformationPosition && { transformationPosition }),
    ...(queryParameters && { queryParameters: queryParameters as Record<string, string | number> }),
  };
  const tiny = placeholder ? buildSrc({ ...base, transformation: [...transformation, PLACEHOLDER_STEP] }) : undefined;
  if (props.responsive === false) return { src: buildSrc(base), placeholder: tiny };
  const attrs = getResponsiveImageAttributes({ ...base, ...sizing(props) });
  return { src: attrs.src, srcset: attrs.srcSet, sizes: attrs.sizes, placeholder: tiny };
}

/** The same choices on the worker's route (`@ikit/worker/url`): the props are its options under the same names. */
function signedUrls(props: ImageProps, placeholder: boolean) {
  const { src: path, workerUrl, preset, workerImagePath: imagePath, placeholderPreset, dprs, responsive } = props;
  return workerImageAttributes({
    workerUrl,
    path,
    ...(imagePath && { imagePath }),
    ...(preset && { preset }),
    ...(dprs && { dprs }),
    ...(placeholderPreset && { placeholderPreset }),
    ...(props.transformation && { transformation: props.transformation }),
    ...(responsive === false && { responsive: false }),
    placeholder,
    ...sizing(props),
  });
}

/**
 * Every attribute `<IkImage>` renders for these props and defaults: lazy and async unless `priority`, width and
 * height whenever they can be known, URLs unsigned (core) or from the worker (`signed`).
 *
 * @example
 * ```ts
 * imageAttributes({ src: "/a.jpg", urlEndpoint: "https://ik.imagekit.io/demo", width: 400, height: 300 });
 * // { loading: "lazy", decoding: "async", src: ".../a.jpg?tr=w-828,c-at_max", srcset: "… 1x, … 2x", width: 400, height: 300 }
 * ```
 */
export function imageAttributes(input: ImageProps): ImageAttributes {
  const props = { ...input, transformation: stepsOf(input.transformation) };
  const placeholder = props.placeholder === "blur";
  const urls = props.signed ? signedUrls(props, placeholder) : unsignedUrls(props, placeholder);
  const attrs: ImageAttributes = {
    loading: props.priority ? "eager" : (props.loading ?? "lazy"),
    decoding: "async",
    ...(props.priority && { fetchpriority: "high" as const }),
    src: urls.src,
  };
  if ("srcset" in urls && urls.srcset) attrs.srcset = urls.srcset;
  if ("sizes" in urls && urls.sizes) attrs.sizes = urls.sizes;
  Object.assign(attrs, dimensions(props));
  if ("placeholder" in urls && urls.placeholder) attrs.placeholder = urls.placeholder;
  return attrs;
}

/**
 * The `<link rel="preload" as="image">` that starts an image from the page's `<head>`, as HTML attributes (what
 * React 19 writes for a priority `<img>`): `imagesrcset` and `imagesizes` when the image has a `srcset` (no `href`,
 * which a browser without `imagesrcset` would fetch in vain), else `href`.
 *
 * @example
 * ```ts
 * const link: ImagePreload = { rel: "preload", as: "image", imagesrcset: "…/a.jpg?tr=w-640 1x, …/a.jpg?tr=w-828 2x", fetchpriority: "high" };
 * ```
 */
export type ImagePreload = {
  rel: "preload";
  as: "image";
  fetchpriority?: "high";
  /** The `<img>`'s own, when it has one: a preload fetched otherwise is not reused, and the image is fetched twice. */
  crossorigin?: "" | "anonymous" | "use-credentials";
  referrerpolicy?: ReferrerPolicy;
} & ({ imagesrcset: string; imagesizes?: string } | { href: string });

/**
 * The preload link of an image, from its {@link imageAttributes}: the same candidates the `<img>` will choose
 * from, so the browser fetches once. `<IkImage priority>` hands it to the plugin's `preload` option while rendering on
 * the server; call this for an image the client renders, or one in markup of your own.
 *
 * @example
 * ```ts
 * imagePreload(imageAttributes({ src: "/hero.jpg", urlEndpoint: "https://ik.imagekit.io/demo", width: 1200, priority: true }));
 * // { rel: "preload", as: "image", imagesrcset: "…/hero.jpg?tr=w-1200,c-at_max 1x, …?tr=w-3840,c-at_max 2x", fetchpriority: "high" }
 * ```
 */
export function imagePreload({ src, srcset, sizes, fetchpriority }: ImageAttributes): ImagePreload {
  return {
    rel: "preload",
    as: "image",
    ...(srcset ? { imagesrcset: srcset, ...(sizes && { imagesizes: sizes }) } : { href: src }),
    ...(fetchpriority && { fetchpriority }),
  };
}
