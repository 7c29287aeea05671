/**
 * Path helpers shared by `buildSrc`, `url` and `parseUrl`. The fast paths below apply only to text that the
 * WHATWG URL parser would leave unchanged; anything else goes through `URL` so the result is byte-for-byte the same.
 */

const PLAIN = /^[\w\-.~!$&'()*+,;=:@/]*$/;
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;

/** True when the URL parser would keep `text` as it is inside a path: no escaping, no dot segments. */
export function isPlainPath(text: string): boolean {
  return PLAIN.test(text) && ((text[0] !== "." && !text.includes("/.")) || !DOT_SEGMENT.test(text));
}

/** Folds every run of slashes into one, as the ImageKit SDKs do. */
export function foldSlashes(path: string): string {
  return path.includes("//") ? path.replace(/\/{2,}/g, "/") : path;
}

/** Joins path parts with `/`, folding runs of slashes. */
export function joinPath(parts: readonly string[]): string {
  return foldSlashes(parts.join("/"));
}

/** A path as the URL parser writes it on its own: percent-encoded, dot segments resolved from the root, slashes folded. */
export function normalizedPath(path: string): string {
  // The query is there for Node 20's URL parser, which leaves `/a/.b/../c` as it is on a URL without one.
  const url = new URL("http://h/?");
  url.pathname = path;
  return foldSlashes(url.pathname);
}

/**
 * `<base>/tr:<tr>/<path>` (or `<base>/<path>` without `tr`), folding runs of slashes as the ImageKit SDKs do.
 * `base` is an endpoint path without its trailing slash.
 */
export function appendPath(base: string, tr: string, path: string): string {
  const rest = path[0] === "/" ? path.slice(1) : path;
  return foldSlashes(tr ? `${base}/tr:${tr}/${rest}` : `${base}/${rest}`);
}

// Scheme and a lower-case DNS host the URL parser keeps as it is (no port, IP, punycode or user info).
const PLAIN_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?=\/|$)/;

/**
 * Splits an absolute URL into origin and slash-folded path when the URL parser would not change either,
 * else returns `undefined` (the caller then goes through `URL`).
 */
export function splitPlainUrl(src: string): { origin: string; path: string } | undefined {
  const origin = PLAIN_ORIGIN.exec(src)?.[0];
  if (origin === undefined || origin.includes("xn--")) return;
  const path = src.slice(origin.length) || "/";
  return isPlainPath(path) ? { origin, path: foldSlashes(path) } : undefined;
}
