// Where one image is on the worker: `<workerUrl><imagePath>[/<preset>]/<path>?<params>`.
import { IkitError } from "@ikit/core";
import type { WorkerImageParams } from "./params.js";

/**
 * Where one image is on the worker: its origin, the file's path, and a preset or the query parameters.
 *
 * @example
 * ```ts
 * const target: WorkerImageTarget = { workerUrl: "https://images.example.com", path: "/p/a.jpg", params: { w: 640 } };
 * ```
 */
export interface WorkerImageTarget {
  /** The worker's origin (and base path, if it is mounted under one), e.g. `https://images.example.com`. */
  workerUrl: string;
  /** The file's path under the worker's `urlEndpoint`, e.g. `/products/shoe.jpg`. Not an absolute URL. */
  path: string;
  /** The route's query (with a preset, only `dpr`). */
  params?: WorkerImageParams | undefined;
  /** A preset of the worker: `/img/<preset>/<path>`. */
  preset?: string | undefined;
  /** The worker's `imagePath`. @default "/img" */
  imagePath?: string | undefined;
}

// The route's parameters in the order the worker's cache keys list them: equal requests, equal URLs.
const ORDER = ["w", "h", "q", "dpr", "fit", "f"] as const;

/**
 * `<workerUrl>/img[/<preset>]/<path>?<params>` (`/img` being the worker's `imagePath`), each path segment
 * percent-encoded (the worker decodes and checks them), `undefined` parameters left out. Throws an `IkitError`
 * `INVALID_OPTIONS` without `workerUrl`, or for an empty `path` or an absolute URL: the worker serves paths under its own
 * `urlEndpoint`.
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
  if (!workerUrl || typeof workerUrl !== "string")
    throw new IkitError(
      "INVALID_OPTIONS",
      "signed images are served by @ikit/worker: set workerUrl to its origin, such as https://images.example.com.",
      workerUrl,
    );
  if (typeof path !== "string" || !path.replaceAll("/", "") || /^[a-z][a-z\d+.-]*:/i.test(path))
    throw new IkitError(
      "INVALID_OPTIONS",
      `the worker serves paths under its urlEndpoint, such as "/products/shoe.jpg"; got ${JSON.stringify(path)}: pass its path.`,
      path,
    );
  const segments = path.split("/").filter(Boolean).map(encodeURIComponent);
  const query = new URLSearchParams();
  for (const key of ORDER) if (params[key] !== undefined) query.set(key, String(params[key]));
  const search = `${query}` ? `?${query}` : "";
  const base = workerUrl.replace(/\/+$/, "");
  const mount = `/${imagePath.replace(/^\/+|\/+$/g, "")}`;
  return `${base}${mount}${preset ? `/${encodeURIComponent(preset)}` : ""}/${segments.join("/")}${search}`;
}
