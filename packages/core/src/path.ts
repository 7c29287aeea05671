/**
 * Paths and URLs as the WHATWG URL parser writes them, shared by `buildSrc` and `url`. Plain text, which the parser
 * would leave unchanged, is taken as it is; anything else is written by `URL` itself, so the result is byte for
 * byte what the official SDKs (which build with `URL` objects) produce in the same runtime.
 */

// Characters the parser keeps as they are in a path (`%` too: it never re-escapes an escape), and no `.` or `..`
// segment, which it would resolve, escaped (`%2e`) or not.
const PLAIN = /^(?!(?:.*\/)?(?:\.|%2e){1,2}(?:\/|$))[\w\-.~!$&'()*+,;=:@/%]*$/i;

/** True when the URL parser would keep `path` as it is: no character to escape, no dot segment. */
export function isPlainPath(path: string): boolean {
  return PLAIN.test(path);
}

/** Folds every run of slashes into one, as the ImageKit SDKs do. */
export function foldSlashes(path: string): string {
  return path.replace(/\/\/+/g, "/");
}

/**
 * `path` with runs of slashes folded, then as the URL parser writes a pathname: percent-encoded, dot segments
 * resolved (never above the root), backslashes turned into slashes.
 */
export function normalizedPath(path: string): string {
  path = foldSlashes(path);
  if (isPlainPath(path)) return path;
  const url = new URL("http://h");
  url.pathname = path;
  return foldSlashes(url.pathname);
}

/**
 * An absolute URL's `[prefix, pathname, search, hash]` as the URL parser writes them: the prefix is scheme, user
 * info, host and port; search and hash keep their `?` and `#`.
 */
export type UrlParts = [prefix: string, pathname: string, search: string, hash: string];

// Scheme and host, path, search, hash: how `href` reads (and an input `URL` would leave unchanged).
const PARTS = /^([a-z][\w+.-]*:\/\/[^/?#]*)([^?#]*)([^#]*)(.*)$/is;
// An http(s) scheme and lower-case DNS host the URL parser keeps as they are: no port, IP, punycode or user info.
const PLAIN_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*$/;

/** Splits an absolute URL into {@link UrlParts}; `undefined` when `URL` cannot parse it or it has no host part. */
export function urlParts(url: string): UrlParts | undefined {
  let parts = PARTS.exec(url);
  // Taken as it is when plain; else as `URL` writes it (`href` keeps a bare `?` or `#`, which `search` and `hash` drop).
  if (
    !parts?.[1] ||
    !PLAIN_ORIGIN.test(parts[1]) ||
    url.includes("xn--") ||
    parts[3] ||
    parts[4] ||
    !isPlainPath(parts[2] as string)
  ) {
    try {
      parts = PARTS.exec(new URL(url).href);
    } catch {
      return;
    }
  }
  return parts ? [parts[1] as string, parts[2] || "/", parts[3] as string, parts[4] as string] : undefined;
}
