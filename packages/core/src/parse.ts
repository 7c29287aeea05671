import { fail } from "./errors.js";
import { FLAG_ONLY, OPTIONAL_VALUE, PARAMETERS } from "./parameters.js";
import type { Transformation, TransformationPosition } from "./types.js";

/** An ImageKit URL taken apart by {@link parseUrl}. */
export interface ParsedUrl {
  /** The endpoint: the one passed in, or the URL's origin plus its first path segment when none was. */
  urlEndpoint: string;
  /** The file's path under the endpoint, percent-encoded as it appears in the URL, e.g. `/products/red%20shoe.jpg`. */
  path: string;
  /** The chained steps, with v5 names where a code has one (`w-300` → `{ width: "300" }`) and the rest in `raw`. */
  transformation: Transformation[];
  /** Where the transformation was: `tr:` path segment or `tr` query parameter. */
  transformationPosition: TransformationPosition;
  /** The other query parameters, decoded; `tr`, `ik-t` and `ik-s` are left out. */
  query: Record<string, string>;
  /** The URL's signature parameters, when it was signed. */
  signature?: { signature: string; expires?: number };
}

let names: Record<string, string> | undefined;

/** Code → v5 name (the first name of a code wins; `co` reads as fontColor). */
function nameOf(code: string): string | undefined {
  if (!names) {
    names = {};
    for (const name in PARAMETERS) names[PARAMETERS[name] as string] ??= name;
  }
  return names[code];
}

function split(token: string): [code: string, value: string | undefined] {
  const dash = token.startsWith("e-") ? token.indexOf("-", 2) : token.indexOf("-");
  return dash === -1 ? [token, undefined] : [token.slice(0, dash), token.slice(dash + 1)];
}

/** One step's parameters as named keys, with layers (`l-…,l-end`) and anything unnamed as one `raw` run. */
function stepOf(text: string): Transformation {
  const step: Record<string, unknown> = {};
  let raw: string[] | undefined;
  let rawClosed = false;
  let depth = 0;
  for (const token of text.split(",")) {
    const [code, value] = split(token);
    const inLayer = depth > 0 || code === "l";
    if (token === "l-end") depth = Math.max(0, depth - 1);
    else if (code === "l") depth++;
    const name = inLayer ? undefined : nameOf(code);
    let entry: unknown;
    if (name !== undefined && !(name in step)) entry = namedValue(code, value);
    if (name !== undefined && entry !== undefined) {
      if (raw) rawClosed = true;
      step[name] = entry;
    } else {
      if (rawClosed) return { raw: text };
      if (!raw) {
        raw = [];
        step.raw = raw;
      }
      raw.push(token);
    }
  }
  if (raw) step.raw = raw.join(",");
  return step as Transformation;
}

/** The value that writes `code-value` back unchanged in both dialects, or `undefined` to keep the token raw. */
function namedValue(code: string, value: string | undefined): unknown {
  if (value === undefined) return FLAG_ONLY.has(code) || OPTIONAL_VALUE.has(code) ? true : undefined;
  if (value === "" || value === "-" || FLAG_ONLY.has(code)) return;
  if (OPTIONAL_VALUE.has(code) && value === "true") return;
  if ((code === "di" || code === "ff") && value.includes("/")) return;
  return code === "sr" ? value.split("_") : value;
}

const ENCODED_DELIMITER = /%2C|%3A/i;

/**
 * Takes an existing ImageKit URL (from a CMS, a database, another SDK) apart into `{ urlEndpoint, path,
 * transformation, query }`, so it can be changed and built again: `buildSrc` for `?tr=` URLs, `url` for `tr:` ones.
 * `buildSrc(parseUrl(buildSrc(x)))` gives the URL back unchanged.
 *
 * @example
 * ```ts
 * const parsed = parseUrl("https://ik.imagekit.io/demo/tr:w-300,h-200/shoe.jpg?v=2", {
 *   urlEndpoint: "https://ik.imagekit.io/demo",
 * });
 * // { urlEndpoint: "https://ik.imagekit.io/demo", path: "/shoe.jpg", transformationPosition: "path",
 * //   transformation: [{ width: "300", height: "200" }], query: { v: "2" } }
 * parsed.transformation[0].width = 600;
 * url({ ...parsed, queryParameters: parsed.query });
 * ```
 */
export function parseUrl(input: string, opts: { urlEndpoint?: string } = {}): ParsedUrl {
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return fail(
      "INVALID_URL",
      `${JSON.stringify(input)} is not an absolute URL; parseUrl takes a full ImageKit URL.`,
      input,
    );
  }
  const origin = parsed.origin;
  let endpointPath: string;
  if (opts.urlEndpoint !== undefined) {
    const endpoint = new URL(opts.urlEndpoint);
    endpointPath = endpoint.pathname.replace(/\/$/, "");
    if (endpoint.origin !== origin || !`${parsed.pathname}/`.startsWith(`${endpointPath}/`)) {
      fail(
        "URL_NOT_UNDER_ENDPOINT",
        `${JSON.stringify(input)} is not under urlEndpoint ${JSON.stringify(opts.urlEndpoint)}.`,
        input,
      );
    }
  } else {
    // Without an endpoint, the first segment is the ImageKit ID when a file path follows it.
    const first = /^\/[^/]*(?=\/.)/.exec(parsed.pathname)?.[0] ?? "";
    endpointPath = first.startsWith("/tr:") ? "" : first;
  }
  let rest = parsed.pathname.slice(endpointPath.length);
  let trText: string | undefined;
  let position: TransformationPosition = "query";
  const trEnd = trSegmentEnd(rest);
  if (trEnd !== -1) {
    trText = rest.slice(4, trEnd);
    rest = rest.slice(trEnd);
    position = "path";
  }
  const query: Record<string, string> = {};
  let signature: ParsedUrl["signature"];
  // The query as written: buildSrc appends `tr` unescaped, and the URL parser would escape it.
  const questionMark = input.indexOf("?");
  const search = questionMark === -1 ? "" : input.slice(questionMark + 1).split("#")[0];
  for (const pair of (search ?? "").split("&")) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    const rawKey = at === -1 ? pair : pair.slice(0, at);
    const rawValue = at === -1 ? "" : pair.slice(at + 1);
    const key = decodeForm(rawKey);
    if (key === "tr" && trText === undefined) {
      // url() form-encodes the whole value (`h-300%2Cw-400`); buildSrc writes its delimiters as they are.
      trText = ENCODED_DELIMITER.test(rawValue) && !/[,:]/.test(rawValue) ? decodeForm(rawValue) : rawValue;
    } else if (key === "ik-s") {
      signature = { ...signature, signature: decodeForm(rawValue) };
    } else if (key === "ik-t") {
      signature = { signature: "", ...signature, expires: Number(decodeForm(rawValue)) };
    } else {
      query[key] = decodeForm(rawValue);
    }
  }
  const result: ParsedUrl = {
    urlEndpoint: opts.urlEndpoint ?? origin + endpointPath,
    path: rest || "/",
    transformation: trText ? trText.split(":").map(stepOf) : [],
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
