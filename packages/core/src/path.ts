/**
 * Paths and URLs as the WHATWG URL parser writes them, shared by `buildSrc` and `url`. Plain text, which the parser
 * would leave unchanged, is taken as it is; anything else is written by `URL` itself, so the result is byte for
 * byte what the official SDKs (which build with `URL` objects) produce in the same runtime.
 */

// Characters the parser keeps as they are in a path; `%` included, since it never re-escapes an escape.
const PLAIN = /^[\w\-.~!$&'()*+,;=:@/%]*$/;
// A `.` or `..` segment, also escaped (`%2e`), which the parser resolves.
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

/** True when the URL parser would keep `path` as it is: no character to escape, no dot segment. */
export function isPlainPath(path: string): boolean {
  return PLAIN.test(path) && !DOT_SEGMENT.test(path);
}

/** Folds every run of slashes into one, as the ImageKit SDKs do. */
export function foldSlashes(path: string): string {
  return path.includes("//") ? path.replace(/\/{2,}/g, "/") : path;
}

/**
 * `path` with runs of slashes folded, then as the URL parser writes a pathname: percent-encoded, dot segments
 * resolved (never above the root), backslashes turned into slashes.
 */
export function normalizedPath(path: string): string {
  const folded = foldSlashes(path);
  if (isPlainPath(folded)) return folded;
  const url = new URL("http://h");
  url.pathname = folded;
  return foldSlashes(url.pathname);
}

/**
 * An absolute URL's `[prefix, pathname, search, hash]` as the URL parser writes them: the prefix is scheme, user
 * info, host and port; search and hash keep their `?` and `#`.
 */
export type UrlParts = [prefix: string, pathname: string, search: string, hash: string];

// Scheme and a lower-case DNS host the URL parser keeps as they are (no port, IP, punycode or user info).
const PLAIN_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?=\/|$)/;

/** Splits an absolute URL into {@link UrlParts}; `undefined` when `URL` cannot parse it or it has no host part. */
export function urlParts(url: string): UrlParts | undefined {
  const origin = PLAIN_ORIGIN.exec(url)?.[0];
  if (origin !== undefined && !origin.includes("xn--")) {
    const path = url.slice(origin.length) || "/";
    if (isPlainPath(path)) return [origin, path, "", ""];
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  // Sliced from `href`, not read from `search` and `hash`: those are "" for a bare `?` or `#` that `href` keeps.
  const { href, pathname } = parsed;
  const at = href.indexOf("/", parsed.protocol.length + 2);
  if (at < 0 || !href.startsWith(pathname, at)) return;
  const rest = href.slice(at + pathname.length);
  const hash = rest.indexOf("#");
  return hash < 0
    ? [href.slice(0, at), pathname, rest, ""]
    : [href.slice(0, at), pathname, rest.slice(0, hash), rest.slice(hash)];
}
