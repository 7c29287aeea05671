// Where one image is on the worker: `<workerUrl><imagePath>[/<preset>]/<path>?<params>`.
import { IkitError } from "@ikit/core";
import type { WorkerImageParams } from "./params.js";
import { DPR, FIT_STEPS, OUTPUT_FORMATS, WHOLE } from "./route.js";

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
 * `INVALID_OPTIONS` without `workerUrl` or for one that is not an http(s) origin (a query, fragment or credentials
 * included), for an empty `path`, an absolute URL (the worker serves paths under its own `urlEndpoint`), or a `.`/`..`
 * segment in `path`, `preset` or `imagePath` (which would leave the route); `INVALID_VALUE` for a parameter the
 * worker cannot read.
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
  const base = origin(workerUrl);
  if (typeof path !== "string" || !path.replaceAll("/", "") || /^[a-z][a-z\d+.-]*:/i.test(path))
    throw new IkitError(
      "INVALID_OPTIONS",
      `the worker serves paths under its urlEndpoint, such as "/products/shoe.jpg"; got ${JSON.stringify(path)}: pass its path.`,
      path,
    );
  const query = new URLSearchParams();
  for (const key of ORDER) if (params[key] !== undefined) query.set(key, param(key, params[key]));
  const search = `${query}` ? `?${query}` : "";
  const mount = segments(imagePath, "imagePath");
  const route = preset === undefined || preset === "" ? [] : segments(preset, "preset");
  if (route.length > 1) throw new IkitError("INVALID_OPTIONS", "a preset is a name, without a slash.", preset);
  return `${base}/${[...mount, ...route, ...segments(path, "path")].join("/")}${search}`;
}

/** `workerUrl` without its trailing slashes, once it is an http(s) origin (and base path) with no query or fragment. */
function origin(workerUrl: unknown): string {
  if (!workerUrl || typeof workerUrl !== "string")
    throw new IkitError(
      "INVALID_OPTIONS",
      "signed images are served by @ikit/worker: set workerUrl to its origin, such as https://images.example.com.",
      workerUrl,
    );
  let url: URL | undefined;
  try {
    url = new URL(workerUrl);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password)
    throw new IkitError(
      "INVALID_OPTIONS",
      `workerUrl must be an http(s) origin without query, fragment or credentials; got ${JSON.stringify(workerUrl)}.`,
      workerUrl,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The percent-encoded segments of a path, refusing `.` and `..` (a URL resolves them, leaving the image route) and
 * lone surrogates (which no URL can carry).
 */
function segments(value: unknown, name: string): string[] {
  if (typeof value !== "string") throw new IkitError("INVALID_OPTIONS", `${name} must be a string.`, value);
  return value
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      if (segment === "." || segment === ".." || /\p{Cs}/u.test(segment))
        throw new IkitError(
          "INVALID_OPTIONS",
          `${name} ${JSON.stringify(value)} has a "." or ".." segment or a lone surrogate; pass the file's own path.`,
          value,
        );
      return encodeURIComponent(segment);
    });
}

/** One route parameter as sent, checked against the grammar the worker reads it with (url/route.ts). */
function param(key: (typeof ORDER)[number], value: unknown): string {
  const text = typeof value === "number" || typeof value === "string" ? String(value) : "";
  const ok =
    key === "fit"
      ? Object.hasOwn(FIT_STEPS, text)
      : key === "f"
        ? (OUTPUT_FORMATS as readonly string[]).includes(text)
        : Number(text) > 0 && (key === "dpr" ? DPR : WHOLE).test(text);
  if (!ok)
    throw new IkitError(
      "INVALID_VALUE",
      `${key} is not a value the worker reads: see WorkerImageParams (w, h and q are whole numbers from 1).`,
      value,
    );
  return text;
}
