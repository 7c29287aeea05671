import { endpointOf } from "./endpoint.js";
import { fail, show } from "./errors.js";
import { isWellFormed } from "./options.js";
import { type ParsedTransformation, parseTransformation } from "./parse-transformation.js";
import type { TransformationPosition } from "./types.js";
import { optionsOf } from "./value.js";

/** An ImageKit URL taken apart by {@link parseUrl}. */
export interface ParsedUrl {
  /**
   * The URL endpoint: the one passed in; else everything before the `tr:` segment; else, without one,
   * `https://ik.imagekit.io/<ImageKit ID>` on ImageKit's own domain and the bare origin on any other.
   */
  urlEndpoint: string;
  /** The file's path under the endpoint, percent-encoded as it appears in the URL, e.g. `/products/red%20shoe.jpg`. */
  path: string;
  /** The chained steps, typed (`w-300` → `{ width: 300 }`); see {@link ParsedTransformation} for the rest. */
  transformation: ParsedTransformation[];
  /** Where the transformation was: `tr:` path segment or `tr` query parameter. */
  transformationPosition: TransformationPosition;
  /** The other query parameters, decoded; `tr`, `ik-s` and a numeric `ik-t` are left out. */
  query: Record<string, string>;
  /** The URL's signature parameters, when it was signed. */
  signature?: { signature: string; expires?: number };
}

/** Options of {@link parseUrl}. */
export interface ParseUrlOptions {
  /** The URL endpoint the URL was built on; see {@link parseUrl} for what needs it. */
  urlEndpoint?: string;
}

/**
 * Takes an existing ImageKit URL (from a CMS, a database, another SDK) apart into `{ urlEndpoint, path,
 * transformation, transformationPosition, query, signature }`, so it can be read, changed and built again: `buildSrc`
 * or `url` with the parsed options give the same URL back, byte for byte.
 *
 * Without `urlEndpoint`, a `tr:` path segment is found wherever it is, and everything before it is the endpoint
 * (`https://ik.imagekit.io/your_imagekit_id/endpoint/tr:h-300/a.jpg` → endpoint `…/your_imagekit_id/endpoint`).
 * A URL without one cannot say where its endpoint ends: on `ik.imagekit.io` the endpoint is taken to be the ImageKit
 * ID (the first folder), elsewhere the bare origin, and the rest is `path`. Pass `urlEndpoint` when you sign the
 * parsed URL again (the signature covers what follows the endpoint), move a `?tr=` transformation into the path (the
 * `tr:` segment goes right after the endpoint), or need to know that the URL is under your endpoint
 * (`URL_NOT_UNDER_ENDPOINT`).
 *
 * @example
 * ```ts
 * const parsed = parseUrl("https://ik.imagekit.io/demo/tr:w-300,q-80/shoe.jpg?v=2");
 * // { urlEndpoint: "https://ik.imagekit.io/demo", path: "/shoe.jpg", transformationPosition: "path",
 * //   transformation: [{ width: 300, quality: 80 }], query: { v: "2" } }
 * const [step] = parsed.transformation;
 * if (step) step.width = 600;
 * url({ ...parsed, queryParameters: parsed.query }); // "https://ik.imagekit.io/demo/tr:w-600,q-80/shoe.jpg?v=2"
 * ```
 */
export function parseUrl(input: string, options?: ParseUrlOptions): ParsedUrl {
  const opts = options === undefined ? {} : optionsOf<ParseUrlOptions>(options, "parseUrl");
  let parsed: URL | undefined;
  if (isWellFormed(input)) {
    try {
      parsed = new URL(input);
    } catch {
      parsed = undefined;
    }
  }
  // http(s) only: any other scheme's origin reads "null" (or a blob's inner one).
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    return fail(
      "INVALID_URL",
      `parseUrl takes a full http(s) ImageKit URL as a string of well-formed Unicode (got ${show(input)}).`,
      input,
    );
  }
  const { origin, pathname } = parsed;
  const given = opts.urlEndpoint;
  let endpointPath: string;
  if (given !== undefined) {
    const endpoint = endpointOf(given);
    endpointPath = endpoint.base;
    if (endpoint.origin !== origin || !`${pathname}/`.startsWith(`${endpointPath}/`)) {
      fail(
        "URL_NOT_UNDER_ENDPOINT",
        `${show(input)} is not under urlEndpoint ${JSON.stringify(given)}: pass the endpoint the URL was built on, or omit urlEndpoint.`,
        input,
      );
    }
  } else {
    // A `tr:` segment with a path after it: a last segment `tr:name.jpg` is a file's name.
    const tr = pathname.indexOf("/tr:");
    endpointPath =
      tr !== -1 && trSegmentEnd(pathname.slice(tr)) < pathname.length - tr
        ? pathname.slice(0, tr)
        : origin === "https://ik.imagekit.io"
          ? (/^\/[^/]+/.exec(pathname)?.[0] ?? "")
          : "";
  }
  let rest = pathname.slice(endpointPath.length);
  let trText: string | undefined;
  let position: TransformationPosition = "query";
  const trEnd = trSegmentEnd(rest);
  // An empty `tr:` segment is path, not transformation: rebuilt from no steps, it would be left out. So is a last one:
  // a file named `tr:…`.
  if (trEnd > 4 && trEnd < rest.length) {
    trText = rest.slice(4, trEnd);
    rest = rest.slice(trEnd);
    position = "path";
  }
  const query: Record<string, string> = {};
  let signature: ParsedUrl["signature"];
  // The query as written (buildSrc appends `tr` unescaped, and the URL parser would escape it), before any fragment:
  // a `?` after `#` is fragment text.
  const beforeHash = input.split("#")[0] as string;
  const questionMark = beforeHash.indexOf("?");
  const search = questionMark === -1 ? "" : beforeHash.slice(questionMark + 1);
  for (const pair of search.split("&")) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    const rawKey = at === -1 ? pair : pair.slice(0, at);
    const rawValue = at === -1 ? "" : pair.slice(at + 1);
    const key = decodeForm(rawKey);
    const value = decodeForm(rawValue);
    if (key === "tr" && trText === undefined) {
      // url() form-encodes the whole value (`h-300%2Cw-400`, `di-a%40%40b.jpg`); buildSrc writes it as it is, with
      // its delimiters: a value without a `,` or `:` is decoded (buildSrc's one-parameter values need no decoding).
      trText = /[,:]/.test(rawValue) ? rawValue : value;
    } else if (key === "ik-s") {
      signature = { ...signature, signature: value };
    } else if (key === "ik-t" && /^\d+$/.test(value)) {
      signature = { signature: "", ...signature, expires: Number(value) };
    } else {
      // Defined, not assigned: a `__proto__` key is data here, never the object's prototype.
      Object.defineProperty(query, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  const result: ParsedUrl = {
    urlEndpoint: given ?? origin + endpointPath,
    path: rest || "/",
    transformation: trText ? parseTransformation(trText) : [],
    transformationPosition: position,
    query,
  };
  if (signature) result.signature = signature;
  return result;
}

/**
 * Where a leading `/tr:` segment ends. Layer inputs may hold slashes (`l-image,i-/logo.png,l-end`), so a slash ends
 * the segment only outside a layer.
 */
function trSegmentEnd(path: string): number {
  if (!path.startsWith("/tr:")) return -1;
  let depth = 0;
  let tokenStart = 4;
  for (let i = 4; i < path.length; i++) {
    const char = path[i];
    if (char === "," || char === ":") {
      const token = path.slice(tokenStart, i);
      if (token === "l-end") depth = Math.max(0, depth - 1);
      else if (token.startsWith("l-")) depth++;
      tokenStart = i + 1;
    } else if (char === "/" && depth - (path.slice(tokenStart, i) === "l-end" ? 1 : 0) <= 0) {
      return i;
    }
  }
  return path.length;
}

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
