// Review findings (core-review-2) in `@ikit/core/strict`: values the strict check lets through that write text
// ImageKit cannot read (`w-1e-7`, `q-0x50`, `o- 5 `, `tr:w,q`, `lm-bogus`, `rotate-90` inside a layer). Strict mode is
// the promise that what passes is a valid transformation, so each must throw. Each test fails until fixed.
import { describe, expect, it } from "vitest";
import { IkitError, type LegacyTransformation } from "../src/index.js";
import * as strict from "../src/strict.js";
import { errorOf } from "./ikit-error.js";

/** The URL `build` writes, or `""` when it throws an IkitError (anything else it throws fails the test). */
function builtOrRefused(build: () => string): string {
  try {
    return build();
  } catch (error) {
    expect(error).toBeInstanceOf(IkitError);
    return "";
  }
}

const urlEndpoint = "https://ik.imagekit.io/demo";

const refused = (transformation: unknown, legacyNames = false) =>
  errorOf(() => strict.validateTransformation(transformation as LegacyTransformation[], { legacyNames })).code;

describe("strict numbers are the decimals ImageKit reads", () => {
  it.each([
    ["quality", "0x50"],
    ["quality", " 80 "],
    ["quality", "1e1"],
    ["blur", "0b101"],
    ["opacity", " 5 "],
    ["radius", "0x10"],
    ["zoom", "5e1"],
  ])("%s: %j is refused (Number() reads it, the URL carries it as it is)", (name, value) => {
    // Today: accepted, and buildSrc writes e.g. `q-0x50` or `o- 5 ` into the URL.
    expect(refused([{ [name]: value }])).toBe("INVALID_VALUE");
  });

  it.each([
    ["width", 1e-7],
    ["width", 1e21],
    ["x", 5e-324],
    ["radius", 1e-7],
    ["zoom", 1e-7],
  ])("%s: %d is refused: JavaScript writes it with an exponent", (name, value) => {
    // Today: accepted; strict buildSrc writes `w-1e-7`, `w-1e+21`.
    expect(refused([{ [name]: value }])).toBe("INVALID_VALUE");
  });

  it("the URL a strict build writes never holds an exponent or a space in a number", () => {
    const built = builtOrRefused(() =>
      strict.buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ width: 1e-7, opacity: " 5 " as never }] }),
    );
    expect(built).not.toMatch(/\d[eE][+-]?\d|o- /);
  });
});

describe('strict url() and the seed\'s `"-"`', () => {
  it('refuses "-" for a parameter that needs a value (`tr:w,q` is no transformation)', () => {
    expect(errorOf(() => strict.url({ urlEndpoint, path: "/a.jpg", transformation: [{ width: "-" }] })).code).toBe(
      "INVALID_VALUE",
    );
    expect(refused([{ quality: "-" }], true)).toBe("INVALID_VALUE");
  });

  it('still takes "-" for the seed\'s effects', () => {
    expect(strict.url({ urlEndpoint, path: "/a.jpg", transformation: [{ effectSharpen: "-" }] })).toBe(
      "https://ik.imagekit.io/demo/tr:e-sharpen/a.jpg",
    );
  });
});

describe("strict url() checks a layer's steps by the rules the builder writes them with", () => {
  it("refuses the seed's names inside a layer, which the builder writes verbatim (`rotate-90`)", () => {
    // A layer's own steps are written by v5's rules in both dialects; strict checks them with the seed's names.
    const transformation = [{ overlay: { type: "image", input: "/l.png", transformation: [{ rotate: 90 }] } }];
    const error = errorOf(() => strict.url({ urlEndpoint, path: "/a.jpg", transformation } as never));
    expect(error.code).toBe("UNKNOWN_PARAMETER");
  });
});

describe("strict overlays", () => {
  it("refuses a layerMode ImageKit does not know (`lm-bogus`)", () => {
    expect(refused([{ overlay: { type: "image", input: "/l.png", layerMode: "bogus" } }])).toBe("INVALID_VALUE");
  });

  it("refuses a negative timing (`lso--5`)", () => {
    expect(refused([{ overlay: { type: "video", input: "/v.mp4", timing: { start: -5 } } }])).toBe("INVALID_VALUE");
  });
});

describe("strict streamingResolutions", () => {
  it("refuses holes, which write `sr-240__360`", () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole is the hostile input under test.
    expect(refused([{ streamingResolutions: [240, , 360] }])).toBe("INVALID_VALUE");
  });
});

describe("strict checks what it builds", () => {
  it("a transformation getter cannot pass the check with one value and build another", () => {
    let reads = 0;
    const opts = {
      urlEndpoint,
      src: "/a.jpg",
      get transformation() {
        reads++;
        return reads === 1 ? [{ width: 100 }] : [{ widht: 100 }];
      },
    };
    // Today: `…/a.jpg?tr=widht-100`, the typo strict mode exists to catch.
    expect(builtOrRefused(() => strict.buildSrc(opts as never))).not.toContain("widht");
  });
});

describe("validateTransformation's options", () => {
  it("null options are INVALID_OPTIONS (or ignored), never a TypeError", () => {
    // Today: TypeError "Cannot read properties of null (reading 'legacyNames')": only undefined takes the default.
    try {
      strict.validateTransformation([{ width: 100 }], null as never);
    } catch (error) {
      expect(error).toBeInstanceOf(IkitError);
      expect((error as IkitError).code).toBe("INVALID_OPTIONS");
    }
  });
});

describe("strict layers nest as deep as ImageKit allows", () => {
  it("refuses layers nested 5 deep: ImageKit nests up to 3 levels (imagekit.io/docs/add-overlays-on-images)", () => {
    // Today: accepted up to MAX_DEPTH (8), the builders' guard against cycles, not ImageKit's limit.
    let overlay: object = { type: "text", text: "in" };
    for (let i = 0; i < 4; i++) overlay = { type: "image", input: "/l.png", transformation: [{ overlay }] };
    expect(refused([{ overlay }])).toBe("INVALID_VALUE");
  });
});

describe("strict builders check transformationPosition", () => {
  it.each(["PATH", "inline", " path"])("%j is INVALID_OPTIONS, not silently the query", (position) => {
    // Today: strict buildSrc writes `?tr=w-100` (v5 and node-v7 would put it in the path, see review-builders).
    const build = () =>
      strict.buildSrc({
        urlEndpoint,
        src: "/a.jpg",
        transformationPosition: position as never,
        transformation: [{ width: 100 }],
      });
    expect(errorOf(build).code).toBe("INVALID_OPTIONS");
    const legacy = () =>
      strict.url({
        urlEndpoint,
        path: "/a.jpg",
        transformationPosition: position as never,
        transformation: [{ width: 100 }],
      });
    expect(errorOf(legacy).code).toBe("INVALID_OPTIONS");
  });
});
