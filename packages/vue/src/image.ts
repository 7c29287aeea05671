import type { QueryParameters, Transformation, TransformationPosition } from "@ikit/core";
import {
  type CSSProperties,
  computed,
  defineComponent,
  h,
  inject,
  mergeProps,
  onMounted,
  type PropType,
  ref,
  ssrContextKey,
  warn,
  watch,
} from "vue";
import { type ImagePreload, imageAttributes, imagePreload } from "./attributes.js";
import { type ImagePlaceholder, useImageKit, withDefined } from "./config.js";

/** A prop that may also be given as `undefined` (as `@imagekit/vue`'s types allow under exactOptionalPropertyTypes). */
type Maybe<T> = PropType<T | undefined>;

/** The placeholder painted behind the image until it loads: the tiny version, stretched over the reserved box. */
function placeholderStyle(url: string): CSSProperties {
  return {
    backgroundImage: `url("${url}")`,
    backgroundSize: "cover",
    backgroundPosition: "center",
    backgroundRepeat: "no-repeat",
  };
}

/**
 * A responsive ImageKit `<img>`. Takes every prop of `@imagekit/vue`'s `Image` under the same name (`src`,
 * `urlEndpoint`, `transformation`, `transformationPosition`, `queryParameters`, `responsive`, `width`, `sizes`,
 * `loading`, `deviceBreakpoints`, `imageBreakpoints`), and adds:
 *
 * - `height`, and `width`/`height` rendered whenever they can be known (props, else the transformation's own size or
 *   aspect ratio), so the browser reserves the space: no layout shift;
 * - `decoding="async"` and `loading="lazy"` by default; `priority` for above-the-fold images (`loading="eager"`,
 *   `fetchpriority="high"`);
 * - `placeholder="blur"`: a 24 px blurred version painted behind the image until it loads;
 * - `signed` (with `workerUrl`, and optionally a worker `preset`): URLs on `@ikit/worker`'s `/img` route, which signs
 *   them with a key the browser never sees.
 *
 * Other attributes (`alt`, `class`, `style`, listeners) pass through to the `<img>`.
 *
 * @example
 * ```ts
 * import { h } from "vue";
 *
 * // Responsive, 1x/2x for a 400 px slot, blur-up while loading
 * h(IkImage, { src: "/shoe.jpg", width: 400, height: 300, placeholder: "blur", alt: "Shoe",
 *   transformation: [{ width: 400, height: 300 }] });
 * // Served and signed by the worker: /img/products/shoe.jpg?w=…
 * h(IkImage, { src: "/products/shoe.jpg", signed: true, sizes: "50vw", width: 800, height: 600, alt: "Shoe" });
 * ```
 */
export const IkImage = /* @__PURE__ */ defineComponent({
  name: "IkImage",
  inheritAttrs: false,
  props: {
    /** A path under `urlEndpoint` (`/products/shoe.jpg`) or an absolute URL (unsigned mode only). */
    src: { type: String, required: true },
    /** Overrides the plugin's or provider's `urlEndpoint`. */
    urlEndpoint: String as Maybe<string>,
    /** Chained transformation steps (`@ikit/core`). In signed mode: one step of width, height, quality, dpr, crop, format. */
    transformation: Array as Maybe<Transformation[]>,
    /** `"query"` (`?tr=`, the default) or `"path"` (`/tr:…/`). */
    transformationPosition: String as Maybe<TransformationPosition>,
    /** More query parameters, e.g. `{ v: 2 }`. */
    queryParameters: Object as Maybe<QueryParameters>,
    /** `false` renders one URL without `srcset`. @default true */
    // `Boolean` too: @imagekit/vue types this prop with the wrapper type, and their props must keep compiling.
    // biome-ignore lint/complexity/noBannedTypes: the wrapper type is theirs, accepted for migration only.
    responsive: { type: Boolean as Maybe<boolean | Boolean>, default: undefined },
    /** The displayed width in CSS px: gives a `1x, 2x` srcset. Units (`"100%"`) are rendered but not used for srcset. */
    width: [Number, String] as Maybe<number | `${number}` | string>,
    /** The displayed height in CSS px; derived from the transformation when not given. */
    height: [Number, String] as Maybe<number | `${number}` | string>,
    /** The `sizes` attribute; gives a `w` srcset trimmed by its `vw` values. @default "100vw" without width */
    sizes: String as Maybe<string>,
    /** @default "lazy" ("eager" with priority) */
    loading: String as Maybe<"lazy" | "eager">,
    /** Overrides the default device widths. */
    deviceBreakpoints: Array as Maybe<number[]>,
    /** Overrides the default small widths. */
    imageBreakpoints: Array as Maybe<number[]>,
    /** Above the fold: `loading="eager"` and `fetchpriority="high"`. */
    priority: Boolean,
    /** `"blur"` paints a tiny blurred version until the image loads. @default "none" */
    placeholder: String as Maybe<ImagePlaceholder>,
    /** Take the URLs from the worker's `/img` route instead of building them here. @default the plugin's, else false */
    signed: { type: Boolean as Maybe<boolean>, default: undefined },
    /** A preset of the worker (`/img/<preset>/<path>`), in signed mode. */
    preset: String as Maybe<string>,
    /** Overrides the plugin's `workerUrl`. */
    workerUrl: String as Maybe<string>,
    /** With `preset`: the densities to offer as `1x, 2x…` (`?dpr=`; each in the worker's `allow.dprs`). */
    dprs: Array as Maybe<number[]>,
    /** In signed mode, a worker preset drawing the blur-up placeholder (e.g. `[{ width: 32, blur: 20 }]`). */
    placeholderPreset: String as Maybe<string>,
  },
  setup(props, { attrs }) {
    const options = useImageKit();
    const attributes = computed(() => imageAttributes(withDefined(options.value, props)));
    // Server rendering (only there is an SSR context): the head can start the hero image before the body is parsed.
    // With the `<img>`'s CORS mode and referrer policy: a preload fetched otherwise is not reused.
    if (props.priority && inject(ssrContextKey, null)) {
      // Vue passes them through as written: `crossorigin` or `crossOrigin`.
      const given = attrs as Pick<ImagePreload, "crossorigin" | "referrerpolicy"> & {
        crossOrigin?: ImagePreload["crossorigin"];
        referrerPolicy?: ImagePreload["referrerpolicy"];
      };
      const crossorigin = given.crossorigin ?? given.crossOrigin;
      const referrerpolicy = given.referrerpolicy ?? given.referrerPolicy;
      options.value.preload?.({
        ...imagePreload(attributes.value),
        ...(crossorigin !== undefined && { crossorigin }),
        ...(referrerpolicy && { referrerpolicy }),
      });
    }
    const element = ref<HTMLImageElement>();
    const loaded = ref(false);
    watch(
      () => attributes.value.src,
      () => {
        loaded.value = false;
      },
    );
    // Loaded before hydration attached the listener (from cache): take the placeholder away now.
    onMounted(() => {
      if (element.value?.complete && element.value.naturalWidth) loaded.value = true;
    });
    watch(
      () => [attributes.value.width, attributes.value.height],
      ([width, height]) => {
        if (width === undefined || height === undefined)
          warn(
            `<IkImage src="${props.src}">: pass width and height (or a transformation with both, or an aspectRatio) ` +
              "so the browser reserves its space; without them the page shifts when it loads.",
          );
      },
      { immediate: true },
    );
    return () => {
      const { placeholder, loading, decoding, fetchpriority, ...urls } = attributes.value;
      return h(
        "img",
        mergeProps(
          { loading, decoding, ...(fetchpriority && { fetchpriority }) },
          attrs,
          {
            ...urls,
            ref: element,
            onLoad: () => {
              loaded.value = true;
            },
          },
          placeholder && !loaded.value ? { style: placeholderStyle(placeholder) } : {},
        ),
      );
    };
  },
});
