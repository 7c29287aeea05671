import type { TransformationPosition } from "@ikit/core";
import type { Authenticator } from "@ikit/upload";
import {
  type App,
  type ComputedRef,
  computed,
  defineComponent,
  type InjectionKey,
  inject,
  type PropType,
  provide,
} from "vue";
import type { ImagePreload } from "./attributes.js";

/**
 * What the {@link ImageKit} plugin and {@link ImageKitProvider} hold for every `<IkImage>` and `useUpload()` below
 * them. Each value is a default: a prop or an option of the same name wins.
 *
 * @example
 * ```ts
 * const options: ImageKitOptions = {
 *   urlEndpoint: "https://ik.imagekit.io/demo",
 *   workerUrl: "https://images.example.com",
 *   publicKey: "public_…",
 * };
 * ```
 */
export interface ImageKitOptions {
  /** Your ImageKit URL endpoint, e.g. `https://ik.imagekit.io/your_imagekit_id`. */
  urlEndpoint?: string;
  /** Where the transformation goes in built URLs. @default "query" */
  transformationPosition?: TransformationPosition;
  /**
   * Your `@ikit/worker` origin (e.g. `https://images.example.com`): `signed` images are served from its `/img` route,
   * and uploads get their tokens from its `/auth` route unless `authenticator` is given.
   */
  workerUrl?: string;
  /** Where the worker mounts its image route (its `imagePath` option). @default "/img" */
  workerImagePath?: string;
  /** Serve every image through `workerUrl` (signed there) unless an image says `:signed="false"`. @default false */
  signed?: boolean;
  /** Device widths offered in `srcset`. @default [640, 750, 828, 1080, 1200, 1920, 2048, 3840] */
  deviceBreakpoints?: number[];
  /** Smaller widths, used with `sizes` or `width`. @default [16, 32, 48, 64, 96, 128, 256, 384] */
  imageBreakpoints?: number[];
  /** Blur-up placeholder for every image unless it says otherwise. @default "none" */
  placeholder?: ImagePlaceholder;
  /** In signed mode, the worker preset that draws placeholders (tiny and blurred); else the smallest width, unblurred. */
  placeholderPreset?: string;
  /** Your ImageKit public key, for uploads. */
  publicKey?: string;
  /** Where uploads are posted: the emulator's `/api/v1/files/upload`, or your proxy. @default ImageKit's upload API */
  uploadEndpoint?: string;
  /** A URL answering `GET` with `{ token, expire, signature }` for uploads. @default `${workerUrl}/auth` */
  authEndpoint?: string;
  /** Fetches `{ token, expire, signature }` before every upload attempt; wins over `authEndpoint`. */
  authenticator?: Authenticator;
  /**
   * Called while rendering on the server, in the `setup()` of every `<IkImage priority>`, with the `<link
   * rel="preload">` that starts it from the `<head>`: hand it to your head manager, e.g. `(link) => useHead({ link:
   * [link] })` with `@unhead/vue`. Not called in the browser (the image is already in the page).
   */
  preload?: (link: ImagePreload) => void;
}

/**
 * A low-quality placeholder shown while the image loads: `"blur"` paints a tiny blurred version of the same image
 * behind it (a few hundred bytes), `"none"` paints nothing.
 *
 * @example
 * ```ts
 * const placeholder: ImagePlaceholder = "blur";
 * ```
 */
export type ImagePlaceholder = "blur" | "none";

const KEY: InjectionKey<ComputedRef<ImageKitOptions>> = Symbol("ikit");

/**
 * `base` with the values of `over` that are set: an unset prop never hides a default.
 *
 * @example
 * ```ts
 * withDefined({ urlEndpoint: "https://ik.imagekit.io/demo", signed: true }, { signed: undefined, src: "/a.jpg" });
 * // { urlEndpoint: "https://ik.imagekit.io/demo", signed: true, src: "/a.jpg" }
 * ```
 */
export function withDefined<T extends object, U extends object>(base: T, over: U): T & U {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) if (value !== undefined) merged[key] = value;
  return merged as T & U;
}

/**
 * The options in force here: the nearest {@link ImageKitProvider}'s merged over the {@link ImageKit} plugin's, as a
 * computed ref (empty when neither is installed). Call it in `setup()`.
 *
 * @example
 * ```ts
 * const options = useImageKit();
 * const endpoint = computed(() => options.value.urlEndpoint);
 * ```
 */
export function useImageKit(): ComputedRef<ImageKitOptions> {
  return inject(
    KEY,
    computed(() => ({})),
    false,
  );
}

/**
 * The Vue plugin: `app.use(ImageKit, options)` makes `options` the defaults of every `<IkImage>` and `useUpload()`
 * in the app. It only calls `app.provide`, so it runs on the server as in the browser.
 *
 * @example
 * ```ts
 * import { createApp, h } from "vue";
 *
 * createApp({ render: () => h(IkImage, { src: "/shoe.jpg", width: 400, height: 300, alt: "Shoe" }) })
 *   .use(ImageKit, { urlEndpoint: "https://ik.imagekit.io/demo", workerUrl: "https://images.example.com" });
 * ```
 */
export const ImageKit = {
  install(app: App, options: ImageKitOptions = {}) {
    const frozen = { ...options };
    app.provide(
      KEY,
      computed(() => frozen),
    );
  },
};

/**
 * Options for the components below it, merged over the plugin's (or an outer provider's): `@imagekit/vue`'s
 * `ImageKitProvider`, under the same name and props, plus every other {@link ImageKitOptions} key. Reactive: change a
 * prop and the images below rebuild their URLs.
 *
 * @example
 * ```ts
 * import { h } from "vue";
 *
 * const Section = () =>
 *   h(ImageKitProvider, { urlEndpoint: "https://ik.imagekit.io/other", transformationPosition: "path" }, () =>
 *     h(IkImage, { src: "/a.jpg", width: 200, height: 200, alt: "" }),
 *   );
 * ```
 */
export const ImageKitProvider = /* @__PURE__ */ defineComponent({
  name: "ImageKitProvider",
  props: {
    urlEndpoint: String,
    transformationPosition: String as PropType<TransformationPosition>,
    workerUrl: String,
    workerImagePath: String,
    signed: { type: Boolean, default: undefined },
    deviceBreakpoints: Array as PropType<number[]>,
    imageBreakpoints: Array as PropType<number[]>,
    placeholder: String as PropType<ImagePlaceholder>,
    placeholderPreset: String,
    publicKey: String,
    uploadEndpoint: String,
    authEndpoint: String,
    authenticator: Function as PropType<Authenticator>,
    preload: Function as PropType<(link: ImagePreload) => void>,
  },
  setup(props, { slots }) {
    const outer = useImageKit();
    provide(
      KEY,
      computed(() => withDefined(outer.value, props)),
    );
    return () => slots.default?.();
  },
});
