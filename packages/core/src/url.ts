import { endpointOf } from "./endpoint.js";
import { fail } from "./errors.js";
import { normalizedPath, type UrlParts, urlParts } from "./path.js";
import { addQuery } from "./query.js";
import { legacyTransformationString } from "./transformation.js";
import type { LegacyTransformation, QueryParameters, TransformationPosition } from "./types.js";
import { optionsOf } from "./value.js";

/** Options of {@link url}: the Node.js SDK's `imagekit.url()` options, minus signing (see {@link signUrlSync}). */
export interface UrlOptions {
  /** Your URL endpoint. Required with `path`; with `src` it is only needed later, to sign. */
  urlEndpoint?: string;
  /** Path of the file under `urlEndpoint`, e.g. `/default-image.jpg`. Give `path` or `src`, not both. */
  path?: string;
  /** Absolute URL of a file already mapped to ImageKit. The transformation then always goes into `?tr=`. */
  src?: string;
  /** Chained steps; also accepts the Node.js SDK names (`effectSharpen: "-"`, `rotate`). */
  transformation?: LegacyTransformation[];
  /** @default "path" */
  transformationPosition?: TransformationPosition;
  /** More query parameters; a key the `src` URL already has is replaced. */
  queryParameters?: QueryParameters;
}

/**
 * Builds a URL exactly as the Node.js SDK's `imagekit.url()` documents it (`../shared/seeds`): transformation in
 * the path by default, `?tr=` percent-encoded, and the SDK's parameter names. Unlike that SDK it never writes a
 * double slash. Like it, it returns `""` when given neither `path` nor `src` (`url` from `@ikit/core/strict` throws
 * `MISSING_SOURCE` there); other bad input throws an {@link IkitError} where the SDK threw a raw error.
 *
 * @example
 * ```ts
 * url({ urlEndpoint: "https://ik.imagekit.io/your_imagekit_id/endpoint/", path: "/default-image.jpg",
 *   transformation: [{ height: 300, width: 400 }] });
 * // "https://ik.imagekit.io/your_imagekit_id/endpoint/tr:h-300,w-400/default-image.jpg"
 *
 * url({ src: "https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg",
 *   transformation: [{ format: "jpg", progressive: true, effectSharpen: "-" }] });
 * // "https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=f-jpg%2Cpr-true%2Ce-sharpen"
 * ```
 */
export function url(opts: UrlOptions): string {
  const { path, src } = optionsOf(opts, "url");
  if ((opts as { signed?: unknown }).signed) {
    fail(
      "SIGNED_URL_OPTION",
      "url() builds unsigned URLs: sign them on your server with signUrlSync(url(options), { urlEndpoint, privateKey }).",
    );
  }
  if (path && src) {
    fail("PATH_AND_SRC", "url() takes `path` (under urlEndpoint) or `src` (an absolute URL), not both.", { path, src });
  }
  const tr = legacyTransformationString(opts.transformation);
  let parts: UrlParts | undefined;
  let inPath = false;
  if (src) {
    if (typeof src === "string") parts = urlParts(src);
    // http(s) only, as every endpoint: `javascript://…%0a…` in an `<a href>` would run as script.
    if (!parts || !/^https?:/.test(parts[0])) {
      return fail("INVALID_SRC", "src must be an absolute http(s) URL: use `path` for a path under urlEndpoint.", src);
    }
    // Dot segments too: Node 20's URL parser leaves some (`/a/.b/..`) that browsers resolve.
    parts[1] = normalizedPath(parts[1], false);
  } else if (path) {
    if (typeof path !== "string") {
      fail("INVALID_OPTIONS", 'path must be a string such as "/default-image.jpg".', path);
    }
    const endpoint = endpointOf(opts.urlEndpoint);
    inPath = opts.transformationPosition !== "query";
    // Resolve `..` in the path on its own first, so it can never climb out of the endpoint's path. The `/` is added
    // only where there is none: an empty first segment is folded away anyway, and folding costs a `replace`.
    const file = normalizedPath(path[0] === "/" ? path : `/${path}`, false);
    // `tr:` and the file resolved on their own too, so a `..` in a transformation value cannot climb out of the
    // endpoint either; `file` starts with `/` and `base` never ends with one, so there is no `//` to fold.
    parts = [endpoint.origin, endpoint.base + normalizedPath(`${inPath && tr ? `/tr:${tr}` : ""}${file}`), "", ""];
  } else {
    // imagekit 6 returns "" without a path or src; `url` from `@ikit/core/strict` throws MISSING_SOURCE.
    return "";
  }
  const [prefix, pathname, search, hash] = parts;
  const params = tr && !inPath ? { ...opts.queryParameters, tr } : opts.queryParameters;
  return prefix + pathname + addQuery(search, params, true) + hash;
}
