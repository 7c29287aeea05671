// The URL builders write paths without `URL` objects where they can: what they write must be byte for byte what
// the runtime's own URL parser writes. Checked in Node, workerd and Chromium, whose parsers differ at the edges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldSlashes, normalizedPath, urlParts } from "../src/path.js";

const pieces = fc.constantFrom(
  ..."abz09-._~!$&'()*+,;=:@/%".split(""),
  ...' "<>`{}#?[]\\^|\t\n\r\u0000\u001f\u007f'.split(""),
  "%2e",
  "%2E",
  "..",
  ".",
  "%20",
  "é",
  "日本",
  "👋",
  "\ud800",
  "\udc00",
);
const path = fc.array(pieces, { maxLength: 12 }).map((parts) => `/${parts.join("")}`);

function parserPathname(text: string): string {
  const url = new URL("http://h");
  url.pathname = foldSlashes(text);
  return foldSlashes(url.pathname);
}

describe("paths written without URL objects", () => {
  it("normalizedPath equals the URL parser's pathname, slashes folded", () => {
    fc.assert(
      fc.property(path, (text) => {
        expect(normalizedPath(text)).toBe(parserPathname(text));
      }),
      { numRuns: 5000, seed: 4242 },
    );
  });

  it("urlParts equals the URL parser's href, split into prefix, path, search and hash", () => {
    fc.assert(
      fc.property(
        path,
        fc.constantFrom("https://ik.imagekit.io", "http://a.b-c.example", "https://X.io"),
        (text, origin) => {
          const input = `${origin}${text}`;
          let href: string | undefined;
          try {
            href = new URL(input).href;
          } catch {
            href = undefined;
          }
          const parts = urlParts(input);
          expect(parts?.join("")).toBe(href);
          if (parts) expect(parts[1].startsWith("/")).toBe(true);
        },
      ),
      { numRuns: 5000, seed: 4343 },
    );
  });
});
