import { refuse } from "./http/refusal.js";
import { quote } from "./http/responses.js";

/**
 * Longest request path accepted, in characters as sent (percent-encoded).
 *
 * @example
 * ```ts
 * if (path.length > MAX_PATH_LENGTH) refuse(414, "uri_too_long", "…");
 * ```
 */
export const MAX_PATH_LENGTH = 1024;

// What a decoded path segment may hold: letters and digits of any script, combining marks, and a few marks that are
// safe in a path. No "/", "\", "%", "?", "#", ":" (a `tr:` segment), quotes, angle brackets or control characters.
const SEGMENT = /^[\p{L}\p{N}\p{M} ._~@+()=,-]+$/u;

/**
 * Decodes a request path (as sent, percent-encoded) into its segments, refusing anything that could reach outside
 * the allowed prefixes or inject into a URL or header: empty segments (`//`), `.`/`..` in any encoding, encoded
 * slashes and backslashes, invalid percent-encoding or UTF-8, control characters, and paths over
 * {@link MAX_PATH_LENGTH}.
 *
 * @example
 * ```ts
 * pathSegments("/products/red%20shoe.jpg"); // ["products", "red shoe.jpg"]
 * pathSegments("/products/%2e%2e/secret.jpg"); // throws a 400 invalid_path refusal
 * ```
 */
export function pathSegments(rawPath: string): string[] {
  if (rawPath.length > MAX_PATH_LENGTH) {
    refuse(
      414,
      "uri_too_long",
      `the path is ${rawPath.length} characters long; at most ${MAX_PATH_LENGTH} are accepted.`,
    );
  }
  if (!rawPath.startsWith("/") || rawPath === "/")
    refuse(400, "invalid_path", "expected a file path such as /products/shoe.jpg.");
  return rawPath
    .slice(1)
    .split("/")
    .map((raw) => {
      if (raw === "") refuse(400, "invalid_path", 'the path has an empty segment ("//" or a trailing "/").');
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return refuse(400, "invalid_path", `path segment ${quote(raw)} is not valid percent-encoded UTF-8.`);
      }
      if (segment === "." || segment === ".." || !SEGMENT.test(segment)) {
        refuse(
          400,
          "invalid_path",
          `path segment ${quote(raw)} is not allowed: use letters, digits, spaces and . _ ~ @ + ( ) = , - (no "..", slashes or control characters).`,
        );
      }
      return segment;
    });
}

/**
 * The segments as an ImageKit path, each percent-encoded, so the URL signed is exactly the URL requested.
 *
 * @example
 * ```ts
 * encodedPath(["products", "grüße.png"]); // "/products/gr%C3%BC%C3%9Fe.png"
 * ```
 */
export function encodedPath(segments: readonly string[]): string {
  return `/${segments.map(encodeURIComponent).join("/")}`;
}

/**
 * Refuses a path that is not under one of `prefixes` or whose extension is not in `extensions` (403, with what is
 * allowed in the message).
 *
 * @example
 * ```ts
 * checkAllowed(["products", "shoe.jpg"], ["/products/"], new Set(["jpg"])); // passes
 * ```
 */
export function checkAllowed(
  segments: readonly string[],
  prefixes: readonly string[],
  extensions: ReadonlySet<string>,
): void {
  const path = `/${segments.join("/")}`;
  if (!prefixes.some((prefix) => path.startsWith(prefix))) {
    refuse(403, "path_not_allowed", `path ${quote(path)} is not under an allowed prefix (${prefixes.join(", ")}).`);
  }
  const name = segments[segments.length - 1] ?? "";
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (!extensions.has(extension)) {
    refuse(
      403,
      "extension_not_allowed",
      `${extension ? `extension ".${extension}"` : "a file without an extension"} is not allowed; allowed: ${[...extensions].join(", ")}.`,
    );
  }
}
