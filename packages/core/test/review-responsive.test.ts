// Review findings (core-review-2) in getResponsiveImageAttributes and array values: a srcset without URLs for an
// optional image, breakpoints v5 takes that ours refuses (and NaN ones ours writes), `null` written into `sr-`, a
// stack overflow on a long `sizes`, and sparse arrays of length 2^32-1 walked index by index (minutes, then a raw
// RangeError). Each test fails until fixed.
import { getResponsiveImageAttributes as v5Responsive } from "@imagekit/javascript";
import { describe, expect, it } from "vitest";
import {
  buildTransformationString,
  getResponsiveImageAttributes,
  IkitError,
  legacyTransformationString,
} from "../src/index.js";
import * as strict from "../src/strict.js";
import { settled } from "./ikit-error.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

describe("an optional image (src missing) gets no srcset of bare descriptors", () => {
  it.each([
    ["width", { width: 100 }],
    ["sizes", { sizes: "50vw" }],
    ["neither", {}],
  ])('src "" with %s: every srcset candidate has a URL', (_title, extra) => {
    // Today (as v5): srcSet " 1x,  2x" or " 640w,  750w, …". A browser parses " 1x" as the URL "1x" and requests
    // it relative to the page, once per render of an image that has no source.
    const attrs = getResponsiveImageAttributes({ urlEndpoint, src: "", ...extra });
    expect(attrs.src).toBe("");
    for (const candidate of attrs.srcSet?.split(", ") ?? []) expect(candidate).toMatch(/^https:\/\/\S+ \d+[wx]$/);
  });
});

describe("breakpoints", () => {
  it("numeric strings, as v5 takes them (e.g. split from an environment variable)", () => {
    // Today: throws INVALID_VALUE; v5 writes w-640 and w-1080. Not in the README's divergence table.
    const opts = { urlEndpoint, src: "/a.jpg", deviceBreakpoints: ["640", "1080"] as never };
    expect(getResponsiveImageAttributes(opts)).toEqual(v5Responsive(opts));
  });

  it.each([
    ["NaN", [Number.NaN, 640]],
    ["Infinity", [640, Number.POSITIVE_INFINITY]],
  ])("a %s breakpoint is refused, never written as `w-NaN … NaNw`", (_title, deviceBreakpoints) => {
    const result = settled(() => getResponsiveImageAttributes({ urlEndpoint, src: "/a.jpg", deviceBreakpoints }));
    if (result instanceof IkitError) expect(result.code).toBe("INVALID_VALUE");
    else expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it("a hole in deviceBreakpoints is reported as deviceBreakpoints", () => {
    // Today: "imageBreakpoints must be an array of widths": the hole is found only after the two are merged.
    // biome-ignore lint/suspicious/noSparseArray: a hole (a stray comma) is the input under test.
    const deviceBreakpoints = [640, , 1080] as number[];
    const result = settled(() => getResponsiveImageAttributes({ urlEndpoint, src: "/a.jpg", deviceBreakpoints }));
    if (result instanceof IkitError) expect(result.message).toContain("deviceBreakpoints");
    else expect(JSON.stringify(result)).not.toContain("undefined");
  });

  it("a long sizes attribute is read without overflowing the stack", () => {
    // Today: RangeError "Maximum call stack size exceeded" (Math.min spread over every `vw` token) from ~600 KB.
    const sizes = " 1vw".repeat(250_000);
    settled(() => getResponsiveImageAttributes({ urlEndpoint, src: "/a.jpg", sizes }));
  });
});

describe("streamingResolutions", () => {
  it.each([
    ["null", [240, null, 360]],
    ["undefined", [240, undefined, 360]],
  ])("a %s entry is never written as text into the URL", (_title, streamingResolutions) => {
    // Today: "sr-240_null_360" (v5 writes "sr-240__360": Array#join writes null and undefined as "").
    for (const build of [buildTransformationString, legacyTransformationString]) {
      const result = settled(() => build([{ streamingResolutions } as never]));
      if (!(result instanceof IkitError)) expect(result).not.toMatch(/null|undefined/);
    }
  });
});

/**
 * A sparse array of length 2^32-1 (free to make: `a.length = 2 ** 32 - 1`) behind a Proxy that throws a plain Error
 * after 100,000 reads: a call that walks it index by index (minutes today) fails fast instead of hanging the suite.
 */
function hugeSparse(): unknown[] {
  const array: unknown[] = [];
  array.length = 2 ** 32 - 1;
  let reads = 0;
  const count = () => {
    if (++reads > 100_000) throw new Error("walked more than 100,000 indexes of a sparse array");
  };
  return new Proxy(array, {
    get(target, key, receiver) {
      count();
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      count();
      return Reflect.has(target, key);
    },
  });
}

describe("arrays of length 2^32-1 are refused by their length, not walked", () => {
  it.each([
    ["buildTransformationString steps", () => buildTransformationString(hugeSparse() as never)],
    ["streamingResolutions", () => buildTransformationString([{ streamingResolutions: hugeSparse() as never }])],
    ["strict steps", () => strict.validateTransformation(hugeSparse() as never)],
    [
      "deviceBreakpoints",
      () => getResponsiveImageAttributes({ urlEndpoint, src: "/a.jpg", deviceBreakpoints: hugeSparse() as never }),
    ],
    [
      "a layer's steps",
      () =>
        buildTransformationString([{ overlay: { type: "text", text: "a", transformation: hugeSparse() as never } }]),
    ],
  ])(
    "%s: an IkitError, never an unbounded walk (today streamingResolutions takes 135 s, then a RangeError)",
    (_t, call) => {
      expect(() => call()).toThrow(IkitError);
    },
  );
});
