// Signed mode: URLs on @ikit/worker's image route instead of ImageKit's, so the browser never signs anything. The
// route takes a preset (`/img/<preset>/<path>`, only `dpr` in the query) or a path with `w h q dpr fit f`, each
// checked by the worker against its allow-list; this file maps a transformation onto those or says why it cannot.
import { IkitError, type Transformation } from "@ikit/core";

/**
 * The query parameters of the worker's `/img/<path>` route.
 *
 * @example
 * ```ts
 * const params: WorkerImageParams = { w: 640, q: 80, f: "webp" };
 * ```
 */
export interface WorkerImageParams {
  w?: number;
  h?: number;
  q?: number;
  dpr?: number;
  fit?: "cover" | "contain" | "fill" | "pad";
  f?: "auto" | "avif" | "webp" | "jpg" | "png";
}

type Fit = NonNullable<WorkerImageParams["fit"]>;
const FITS: Record<string, Fit> = {
  maintain_ratio: "cover",
  at_max: "contain",
  force: "fill",
  pad_resize: "pad",
};
const FORMATS = new Set(["auto", "avif", "webp", "jpg", "png"]);

/** A value as a message shows it: text quoted, a number or boolean as it prints, anything else by its kind. */
const shown = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value) : Object(value) === value ? `a ${typeof value}` : String(value);

function refuse(key: string, value: unknown, why: string): never {
  throw new IkitError(
    "INVALID_OPTIONS",
    `<IkImage signed>: transformation ${key} ${why}. The worker's /img route takes only width, height, quality, dpr, ` +
      "crop (maintain_ratio, at_max, force), cropMode pad_resize and format (auto, avif, webp, jpg, png); put " +
      "anything else in a worker preset and pass `preset`.",
    value,
  );
}

function whole(key: string, value: unknown): number {
  const number = typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number) || number <= 0)
    refuse(key, value, "must be a positive number (expressions like iw_div_2 need a preset)");
  return number;
}

/**
 * The worker query for a transformation of one step, or an {@link IkitError} `INVALID_OPTIONS` naming the first
 * parameter the route cannot express.
 *
 * @example
 * ```ts
 * workerParams([{ width: 640, quality: 80, crop: "at_max" }]); // { w: 640, q: 80, fit: "contain" }
 * workerParams([{ rotation: 90 }]); // throws INVALID_OPTIONS: "…transformation rotation (90) has no equivalent…"
 * ```
 */
export function workerParams(transformation: Transformation[] = []): WorkerImageParams {
  if (transformation.length > 1) refuse("", transformation, "has several steps; the route applies one");
  const params: WorkerImageParams = {};
  for (const [key, value] of Object.entries(transformation[0] ?? {})) {
    if (value === undefined) continue;
    if (key === "width") params.w = whole(key, value);
    else if (key === "height") params.h = whole(key, value);
    else if (key === "quality") params.q = whole(key, value);
    else if (key === "dpr") params.dpr = whole(key, value);
    else if ((key === "crop" || key === "cropMode") && typeof value === "string" && Object.hasOwn(FITS, value))
      params.fit = FITS[value] as Fit;
    else if (key === "format" && typeof value === "string" && FORMATS.has(value))
      params.f = value as NonNullable<WorkerImageParams["f"]>;
    else refuse(key, value, `(${shown(value)}) has no equivalent on the route`);
  }
  return params;
}

/**
 * Where one image is on the worker: its origin, the file's path, and a preset or the query parameters.
 *
 * @example
 * ```ts
 * const target: WorkerImageTarget = { workerUrl: "https://images.example.com", path: "/p/a.jpg", params: { w: 640 } };
 * ```
 */
export interface WorkerImageTarget {
  workerUrl: string;
  path: string;
  params?: WorkerImageParams | undefined;
  /** A preset of the worker: `/img/<preset>/<path>`. */
  preset?: string | undefined;
  /** The worker's `imagePath`. @default "/img" */
  imagePath?: string | undefined;
}

/**
 * `<workerUrl>/img[/<preset>]/<path>?<params>` (`/img` being the worker's `imagePath`), each path segment
 * percent-encoded (the worker decodes and checks them).
 *
 * @example
 * ```ts
 * workerImageUrl({ workerUrl: "https://images.example.com", path: "/private/a b.jpg", params: { w: 640 } });
 * // "https://images.example.com/img/private/a%20b.jpg?w=640"
 * workerImageUrl({ workerUrl: "https://images.example.com", path: "/p/a.jpg", preset: "thumb" });
 * // "https://images.example.com/img/thumb/p/a.jpg"
 * ```
 */
export function workerImageUrl({
  workerUrl,
  path,
  params = {},
  preset,
  imagePath = "/img",
}: WorkerImageTarget): string {
  const segments = path.split("/").filter(Boolean).map(encodeURIComponent);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  const search = `${query}` ? `?${query}` : "";
  const base = workerUrl.endsWith("/") ? workerUrl.slice(0, -1) : workerUrl;
  return `${base}${imagePath}${preset ? `/${encodeURIComponent(preset)}` : ""}/${segments.join("/")}${search}`;
}
