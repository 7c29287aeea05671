// pHashDistance: Hamming distance of two perceptual hashes.
import { describe, expect, it } from "vitest";
import { pHashDistance } from "../src/index.js";
import { errorOf } from "./ikit-error.js";

describe("pHashDistance", () => {
  it("counts differing bits, and rejects non-hex or unequal hashes", () => {
    expect(pHashDistance("f06830ca9f1e3e90", "f06830ca9f1e3e90")).toBe(0);
    expect(pHashDistance("a4a65595ac94518b", "7838873e791f8400")).toBe(37);
    expect(errorOf(() => pHashDistance("xyz", "abc")).code).toBe("INVALID_PHASH");
    expect(errorOf(() => pHashDistance("abcd", "abc")).code).toBe("INVALID_PHASH");
    expect(errorOf(() => pHashDistance("", "abc")).code).toBe("INVALID_PHASH");
  });
});
