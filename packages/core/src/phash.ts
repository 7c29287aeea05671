import { fail, show } from "./errors.js";

const HEX = /^[0-9a-f]+$/i;

/**
 * Hamming distance in bits between two perceptual hashes (the `pHash` of ImageKit's metadata API): 0 for the same
 * image, small for similar ones. Throws `INVALID_PHASH` for a missing, non-hex or unequal-length hash.
 *
 * @example
 * ```ts
 * pHashDistance("f06830ca9f1e3e90", "f06830ca9f1e3e90"); // 0
 * pHashDistance("2d5ad3936d2e015b", "2d6ed293db36a4fb"); // 17
 * ```
 */
export function pHashDistance(first: string, second: string): number {
  for (const hash of [first, second]) {
    if (typeof hash !== "string" || !HEX.test(hash)) {
      fail(
        "INVALID_PHASH",
        `pHash ${show(hash)} is not a hexadecimal string such as "f06830ca9f1e3e90": pass the pHash field of ImageKit's metadata response.`,
        hash,
      );
    }
  }
  if (first.length !== second.length) {
    fail(
      "INVALID_PHASH",
      `the two pHashes differ in length (${first.length} and ${second.length} hex digits); compare hashes of the same kind.`,
      [first, second],
    );
  }
  let distance = 0;
  for (let i = 0; i < first.length; i++) {
    let bits = Number.parseInt(first[i] as string, 16) ^ Number.parseInt(second[i] as string, 16);
    while (bits) {
      distance += bits & 1;
      bits >>= 1;
    }
  }
  return distance;
}
