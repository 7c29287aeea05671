/**
 * Paths and URLs as the WHATWG URL parser writes them, shared by `buildSrc` and `url`. Plain text, which the parser
 * would leave unchanged, is taken as it is; anything else is written by `URL` itself, so the result is byte for
 * byte what the official SDKs (which build with `URL` objects) produce in the same runtime.
 */

// A path whose segments hold only characters the parser keeps as they are (`%` too: it never re-escapes an escape),
// none of them a `.` or `..` segment (escaped or not), which the parser resolves. One scan: the dot check is a
// lookahead at each slash.
const PLAIN = /^(?:\/(?!(?:\.|%2e){1,2}(?:\/|$))[\w\-.~!$&'()*+,;=:@%]*)*$/i;
const PLAIN_SEGMENT = /^[\w\-.~!$&'()*+,;=:@%]*$/;

/** True when `text` is one path segment the URL parser keeps as it is: no slash, nothing to escape. */
export function isPlainSegment(text: string): boolean {
  return PLAIN_SEGMENT.test(text);
}

/** Folds every run of slashes into one, as the ImageKit SDKs do. */
export function foldSlashes(path: string): string {
  return path.includes("//") ? path.replace(/\/\/+/g, "/") : path;
}

// A path whose only difference from a plain one is what `encodeURI` escapes exactly as the URL parser does (a space,
// non-ASCII, a control character, `"<>\`{}`): no character it treats otherwise, no lone surrogate, no dot segment.
const ESCAPABLE = /^(?:\/(?!(?:\.|%2e){1,2}(?:\/|$))[^/#?[\]\\^|\t\n\r\p{Cs}]*)*$/iu;
const TRAILING_SPACE = /[\0- ]$/;

/**
 * `path` (`""` or starting with `/`) as the URL parser writes a path it needs no `URL` for, else `undefined`. Keeps
 * `%` escapes as they are.
 * `parsed`: read as part of a whole URL, which also ends the path at `?` or `#` and trims trailing spaces.
 */
export function escapedPath(path: string, parsed?: boolean): string | undefined {
  if (PLAIN.test(path)) return path;
  if (ESCAPABLE.test(path) && !(parsed && TRAILING_SPACE.test(path))) {
    // `encodeURI` escapes `%` itself, as `%25` (no other escape it writes reads so): put the `%` back.
    return encodeURI(path).replace(/%25/g, "%");
  }
}

/**
 * `path` (starting with `/`) as the URL parser writes a pathname: percent-encoded, dot segments resolved (never
 * above the root), backslashes turned into slashes, runs of slashes folded: first, as v5 and path.posix.join do
 * (`/a//..` is `/`), or, with `foldFirst` false, last, as a browser requests the path (`/a//..` is `/a/`).
 */
export function normalizedPath(path: string, foldFirst = true): string {
  if (foldFirst) path = foldSlashes(path);
  const escaped = escapedPath(path);
  if (escaped !== undefined) return foldSlashes(escaped);
  return foldSlashes(parserPath(path));
}

/**
 * `path` as the URL parser writes it, set on a URL with a query: without one, Node 20's parser (ada) leaves some dot
 * segments (`/a/.b/..`, `/a/.-.//..`) unresolved, where browsers and the URL standard resolve them.
 */
function parserPath(path: string): string {
  const url = new URL("http://h?");
  url.pathname = path;
  return url.pathname;
}

/**
 * An absolute URL's `[prefix, pathname, search, hash]` as the URL parser writes them: the prefix is scheme, user
 * info, host and port; search and hash keep their `?` and `#`.
 */
export type UrlParts = [prefix: string, pathname: string, search: string, hash: string];

// A `.` or `..` segment, escaped or not.
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:\/|$)/i;
// Scheme and host, path, search, hash: how `href` reads (and an input `URL` would leave unchanged).
type Match = [whole: string, ...parts: UrlParts];
const PARTS = /^([a-z][\w+.-]*:\/\/[^/?#]*)([^?#]*)([^#]*)(.*)$/is;
// An http(s) scheme and lower-case DNS host the URL parser keeps as they are: no port, IP, punycode or user info.
const PLAIN_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*$/;

/** Splits an absolute URL into {@link UrlParts}; `undefined` when `URL` cannot parse it or it has no host part. */
export function urlParts(url: string): UrlParts | undefined {
  let parts = PARTS.exec(url) as Match | null;
  // Without query or hash, a plain origin and a path escaped as the parser would: no `URL` needed. The parser would
  // also trim trailing spaces and control characters.
  const path =
    parts && PLAIN_ORIGIN.test(parts[1]) && !url.includes("xn--") && !parts[3] && !parts[4]
      ? escapedPath(parts[2], true)
      : undefined;
  if (path !== undefined) return [(parts as Match)[1], path || "/", "", ""];
  try {
    // `href`, not `search` and `hash`: those read "" for a bare `?` or `#` that `href` keeps.
    parts = PARTS.exec(new URL(url).href) as Match | null;
  } catch {
    return;
  }
  // The four groups, without the whole match; a dot segment Node 20's parser left is resolved.
  const result = parts?.slice(1) as UrlParts | undefined;
  if (result && DOT_SEGMENT.test(result[1])) result[1] = parserPath(result[1]);
  return result;
}
