// @ikit/react/next: loaders for Next.js `next/image`. No React and no "use client" here: a loader is a plain
// function, usable from next.config's `images.loaderFile` as well as from a client component's `loader` prop.
import { buildSrc, type SrcOptions } from "@ikit/core";
import { type WorkerImageParams, workerImageUrl } from "@ikit/worker/url";

/**
 * What `next/image` passes a loader (the shape of next's `ImageLoaderProps`).
 *
 * @example
 * ```ts
 * const props: ImageLoaderProps = { src: "/hero.jpg", width: 640, quality: 75 };
 * ```
 */
export interface ImageLoaderProps {
  src: string;
  width: number;
  quality?: number;
}

/**
 * Options of {@link createImageKitLoader}: where the files are and the steps every image gets before its width.
 *
 * @example
 * ```ts
 * const options: ImageKitLoaderOptions = { urlEndpoint: "https://ik.imagekit.io/demo", transformation: [{ format: "auto" }] };
 * ```
 */
export type ImageKitLoaderOptions = Omit<SrcOptions, "src">;

/**
 * A `next/image` loader building ImageKit URLs with `@ikit/core`: next's `width` becomes `w-<width>` and `quality`
 * becomes `q-<quality>`, in a step after `transformation`. Assignable to next's `ImageLoader`.
 *
 * @example
 * ```ts
 * // image-loader.ts, named by next.config's images: { loader: "custom", loaderFile: "./image-loader.ts" }
 * export default createImageKitLoader({ urlEndpoint: "https://ik.imagekit.io/demo" });
 * // ({ src: "/hero.jpg", width: 640, quality: 75 }) → "https://ik.imagekit.io/demo/hero.jpg?tr=w-640,q-75"
 * ```
 */
export function createImageKitLoader(options: ImageKitLoaderOptions): (props: ImageLoaderProps) => string {
  return ({ src, width, quality }) =>
    buildSrc({
      ...options,
      src,
      transformation: [...(options.transformation ?? []), quality === undefined ? { width } : { width, quality }],
    });
}

/**
 * Options of {@link createWorkerLoader}: the worker, and route parameters besides width and quality.
 *
 * @example
 * ```ts
 * const options: WorkerLoaderOptions = { workerUrl: "https://img.example.com", format: "auto" };
 * ```
 */
export type WorkerLoaderOptions = {
  workerUrl: string;
  /** `fit` on the route: `cover`, `contain`, `fill` or `pad`. */
  fit?: WorkerImageParams["fit"];
  /** `f` on the route: `auto`, `avif`, `webp`, `jpg` or `png`. */
  format?: WorkerImageParams["f"];
  /** The worker's `imagePath`. @default "/img" */
  imagePath?: string;
};

/**
 * A `next/image` loader for images signed by `@ikit/worker`: `<workerUrl>/img/<src>?w=<width>&q=<quality>`. The
 * widths next asks for (its `deviceSizes` and `imageSizes`) must be in the worker's `allow.widths`, or set
 * `allow.snapWidths: true` on the worker; qualities must be in `allow.qualities`.
 *
 * @example
 * ```ts
 * const loader = createWorkerLoader({ workerUrl: "https://img.example.com" });
 * loader({ src: "/private/a.jpg", width: 640, quality: 80 }); // "https://img.example.com/img/private/a.jpg?w=640&q=80"
 * ```
 */
export function createWorkerLoader({ workerUrl, imagePath, fit, format }: WorkerLoaderOptions) {
  return ({ src, width, quality }: ImageLoaderProps): string =>
    workerImageUrl({
      workerUrl,
      path: src,
      params: {
        w: width,
        ...(quality !== undefined && { q: quality }),
        ...(fit && { fit }),
        ...(format && { f: format }),
      },
      ...(imagePath && { imagePath }),
    });
}
