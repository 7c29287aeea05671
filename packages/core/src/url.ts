import { endpointOf } from "./endpoint.js";
import { fail } from "./errors.js";
import { appendPath, isPlainPath, normalizedPath, splitPlainUrl } from "./path.js";
import { formEncode, formQuery } from "./query.js";
import { validateTransformation } from "./strict.js";
import { legacyTransformationString } from "./transformation.js";
import type { LegacyTransformation, QueryParameters, TransformationPosition } from "./types.js";

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
  /** Throw on unknown parameters, malformed expressions and out-of-range values (see `validateTransformation`). @default false */
  strict?: boolean;
}

/** imagekit 6's way: the query re-serialised as a form, `queryParameters` and `tr` replacing keys it already has. */
function viaUrl(url: URL, params: QueryParameters | undefined, tr: string) {
  const query = new URLSearchParams(url.search);
  for (const key in params) query.set(key, String(params[key]));
  if (tr) query.set("tr", tr);
  url.search = query.toString();
  url.pathname = normalizedPath(url.pathname);
  return url.href;
}

/**
 * Builds a URL exactly as the Node.js SDK's `imagekit.url()` documents it (`../shared/seeds`): transformation in
 * the path by default, `?tr=` percent-encoded, and the SDK's parameter names. Unlike that SDK it never writes a
 * double slash and never returns `""`: missing or conflicting input throws an {@link IkitError}.
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
  const { path, src } = opts;
  if ((opts as { signed?: unknown }).signed) {
    fail(
      "SIGNED_URL_OPTION",
      "url() builds unsigned URLs: sign the result with signUrlSync(url(options), { urlEndpoint, privateKey, expireSeconds }) on your server, or signUrl() for the WebCrypto version.",
    );
  }
  if (path && src) {
    fail("PATH_AND_SRC", "url() takes either `path` (joined to urlEndpoint) or `src` (an absolute URL), not both.", {
      path,
      src,
    });
  }
  if (opts.strict) validateTransformation(opts.transformation, { legacyNames: true });
  const tr = legacyTransformationString(opts.transformation);
  const params = opts.queryParameters;
  // A `tr` among the query parameters is replaced by the transformation, in its place.
  const fast = !(tr && params && Object.hasOwn(params, "tr"));
  if (typeof src === "string" && src !== "") {
    const plain = fast && splitPlainUrl(src);
    if (plain) return withQuery(plain.origin + plain.path, formQuery(params), tr);
    let parsed: URL;
    try {
      parsed = new URL(src);
    } catch {
      return fail(
        "INVALID_SRC",
        `src ${JSON.stringify(src)} is not an absolute URL: pass a full https:// URL, or use \`path\` for a path under urlEndpoint.`,
        src,
      );
    }
    return viaUrl(parsed, params, tr);
  }
  if (typeof path !== "string" || path === "") {
    fail("MISSING_SOURCE", 'url() needs `path` (e.g. "/default-image.jpg") or `src` (an absolute URL).', path ?? src);
  }
  const endpoint = endpointOf(opts.urlEndpoint);
  const inPath = opts.transformationPosition !== "query";
  // Resolve `..` and escape the path on its own first, so it can never climb out of the endpoint's path.
  const file = isPlainPath(path) ? path : normalizedPath(path);
  const pathname = appendPath(endpoint.base, inPath ? tr : "", file);
  const trQuery = inPath ? "" : tr;
  if (!fast || !isPlainPath(pathname)) {
    const built = new URL(endpoint.origin);
    built.pathname = pathname;
    return viaUrl(built, params, trQuery);
  }
  return withQuery(endpoint.origin + pathname, formQuery(params), trQuery);
}

function withQuery(base: string, query: string, tr: string): string {
  const all = tr ? (query ? `${query}&tr=${formEncode(tr)}` : `tr=${formEncode(tr)}`) : query;
  return all ? `${base}?${all}` : base;
}
