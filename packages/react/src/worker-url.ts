import { ReactImageKitError } from "./errors.js";

/**
 * The parameters of `@ikit/worker`'s image route, `<workerUrl>/img/<path>?w=&h=&q=&dpr=&fit=&f=`. Each one must be
 * allowed by the worker's `allow` configuration, or the worker answers 400 (`allow.snapWidths: true` rounds any `w`
 * to an allowed width).
 *
 * @example
 * ```ts
 * const params: WorkerImageParams = { width: 640, quality: 80, fit: "contain", format: "auto" };
 * ```
 */
export interface WorkerImageParams {
  /** `w`: width in px. */
  width?: number;
  /** `h`: height in px. */
  height?: number;
  /** `q`: quality, 1 to 100. */
  quality?: number;
  /** `dpr`: device pixel ratio. */
  dpr?: number;
  /** `fit`: `cover` (ImageKit's default crop), `contain` (never upscales), `fill` (stretch), `pad` (letterbox). */
  fit?: "cover" | "contain" | "fill" | "pad";
  /** `f`: output format; `auto` lets ImageKit pick from the browser's `Accept`. */
  format?: "auto" | "avif" | "webp" | "jpg" | "png";
}

/**
 * Where to find the worker and which route to use.
 *
 * @example
 * ```ts
 * const target: WorkerImageTarget = { workerUrl: "https://img.example.com", src: "/products/shoe.jpg", preset: "card" };
 * ```
 */
export interface WorkerImageTarget {
  /** The worker's origin (and base path, if it is mounted under one), e.g. `https://img.example.com`. */
  workerUrl: string;
  /** The file's path under the worker's `urlEndpoint`, e.g. `/products/shoe.jpg`. Not an absolute URL. */
  src: string;
  /** A preset configured on the worker (`/img/<preset>/<path>`): the query may then only hold `dpr`. */
  preset?: string;
  /** Where the worker mounts its image route (its `imagePath`). @default "/img" */
  imagePath?: string;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
const QUERY_NAMES = [
  ["width", "w"],
  ["height", "h"],
  ["quality", "q"],
  ["dpr", "dpr"],
  ["fit", "fit"],
  ["format", "f"],
] as const;

/**
 * A URL of `@ikit/worker`'s image route: the worker signs it with the private key it holds, so the browser never
 * sees a key or a signature, and the worker's allow-list decides which sizes exist. Each path segment is
 * percent-encoded; `undefined` parameters are left out, in a fixed order (equal requests share the worker's cache).
 *
 * @example
 * ```ts
 * workerImageUrl({ workerUrl: "https://img.example.com", src: "/products/shoe.jpg" }, { width: 640, quality: 80 });
 * // "https://img.example.com/img/products/shoe.jpg?w=640&q=80"
 * workerImageUrl({ workerUrl: "https://img.example.com", src: "/products/shoe.jpg", preset: "thumb" }, { dpr: 2 });
 * // "https://img.example.com/img/thumb/products/shoe.jpg?dpr=2"
 * ```
 */
export function workerImageUrl(target: WorkerImageTarget, params: WorkerImageParams = {}): string {
  const { workerUrl, src, preset, imagePath = "/img" } = target;
  if (!workerUrl) {
    throw new ReactImageKitError(
      "MISSING_WORKER_URL",
      "signed images are served by @ikit/worker: pass workerUrl to <ImageKitProvider> or to the component.",
      workerUrl,
    );
  }
  if (typeof src !== "string" || !src || ABSOLUTE.test(src)) {
    throw new ReactImageKitError(
      "INVALID_SIGNED_SRC",
      `a signed image's src must be a path under the worker's urlEndpoint, such as "/products/shoe.jpg"; got ${JSON.stringify(src)}.`,
      src,
    );
  }
  const segments = src.split("/").filter(Boolean).map(encodeURIComponent);
  if (preset) segments.unshift(encodeURIComponent(preset));
  const query = new URLSearchParams();
  for (const [name, key] of QUERY_NAMES) {
    const value = params[name];
    if (value !== undefined) query.set(key, String(value));
  }
  const search = query.toString() ? `?${query}` : "";
  return `${workerUrl.replace(/\/+$/, "")}/${imagePath.replace(/^\/+|\/+$/g, "")}/${segments.join("/")}${search}`;
}
