/**
 * One candidate of a `srcset`: its URL and its descriptor (`640w`, `2x`, or `""`).
 *
 * @example
 * ```ts
 * const candidate: SrcsetCandidate = { url: "/a.jpg", descriptor: "2x" };
 * ```
 */
export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/**
 * Splits a `srcset` into candidates. Candidates are separated by a comma followed by white space, so URLs that hold
 * commas themselves (ImageKit's `tr:w-640,c-at_max`) stay whole.
 *
 * @example
 * ```ts
 * parseSrcset("/a.jpg 1x, /tr:w-640,c-at_max/a.jpg 2x");
 * // [{ url: "/a.jpg", descriptor: "1x" }, { url: "/tr:w-640,c-at_max/a.jpg", descriptor: "2x" }]
 * ```
 */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  return srcset
    .split(/,\s+/)
    .map((part) => part.trim().replace(/,$/, ""))
    .filter((part) => part !== "")
    .map((part) => {
      const [url = "", descriptor = ""] = part.split(/\s+/, 2);
      return { url, descriptor };
    });
}

/**
 * Writes candidates back as a `srcset`.
 *
 * @example
 * ```ts
 * formatSrcset([{ url: "/a.jpg", descriptor: "1x" }, { url: "/b.jpg", descriptor: "2x" }]); // "/a.jpg 1x, /b.jpg 2x"
 * ```
 */
export function formatSrcset(candidates: readonly SrcsetCandidate[]): string {
  return candidates.map(({ url, descriptor }) => (descriptor ? `${url} ${descriptor}` : url)).join(", ");
}
