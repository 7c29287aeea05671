// Random inputs of the differential fuzz tests (fuzz-url, fuzz-build-src): values of every type, paths with odd
// slashes, dots and Unicode, endpoints written every way the URL parser normalises, and typed layers.
import fc from "fast-check";

/** Raw ImageKit codes, case variants of names and Object.prototype member names, which the SDKs look up too. */
export const ODD_NAMES = [
  "raw",
  "w",
  "di",
  "t",
  "ff",
  "e-contrast",
  "e-sharpen",
  "e-bgremove",
  "Width",
  "ROTATE",
  "EffectSharpen",
  "XCENTER",
  "DENSITY",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
];

/** A parameter value of every type a caller passes: numbers, numeric strings, booleans, `"-"`, `""`, expressions. */
export const value = fc.oneof(
  fc.constantFrom("-", "", " ", "true", "false", "0", "80", "10", "N20", "-5", "1.5", "auto", "4-3"),
  fc.constantFrom("iw_div_4", "ih_mul_0.8_add_10", "cw_mul_0.05_yellow", "bl-15_st-40_x-10_y-N5", "prompt-snow road"),
  fc.constantFrom("/a/b.jpg", "a/b/", "//x//", "/", "folder@@file.jpg", "a,b:c", "ü é", "中文", "x?y#z", "50%"),
  fc.integer({ min: -10, max: 5000 }),
  fc.double({ min: -2, max: 10, noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
  fc.constantFrom(null, undefined),
);

const segment = fc.oneof(
  fc.stringMatching(/^[\w.-]{1,8}$/),
  fc.string({ unit: "grapheme", maxLength: 5 }),
  fc.constantFrom("a b", "ü", "x%20y", "%2e%2e", "..", ".", "", "(1)", "a+b", "q?x=1", "h#t", "日本", "a\\b"),
  fc.constantFrom("..\\..\\x", "%2E.", ".%2e", "tr:w-1", ".b"),
);

/** A file path: no, one or two leading slashes, one to four segments, maybe a trailing slash. */
export const filePath = fc
  .tuple(fc.constantFrom("", "/", "//"), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "/"))
  .map(([lead, parts, trail]) => `${lead}${parts.join("/")}${trail}`);

/** A path (leading slash) with an optional query and fragment, to follow an origin. */
export const pathQueryHash = fc
  .tuple(
    filePath,
    fc.constantFrom("", "?v=1", "?a=b c&d", "?tr=w-1", "?x=%20&x=2", "?", "?ü=ß"),
    fc.constantFrom("", "#frag", "#a b"),
  )
  .map(([file, search, hash]) => `/${file.replace(/^\/+/, "")}${search}${hash}`);

/** URL endpoints: plain, with and without trailing slash, and written in forms the URL parser rewrites. */
export const endpoint = fc.constantFrom(
  "https://ik.imagekit.io/demo",
  "https://ik.imagekit.io/demo/",
  "https://ik.imagekit.io",
  "https://ik.imagekit.io/",
  "https://ik.imagekit.io/your_imagekit_id/endpoint/",
  "https://cdn.example.com/img/v1",
  "https://ik.imagekit.io/ü/",
  "https://ik.imagekit.io/a b",
  "http://localhost:8080/x/",
  "https://IK.imagekit.io/Demo",
  "https://ik.imagekit.io:443/demo",
  "https://ik.imagekit.io/demo?v=1",
);

/** Query parameters; keys that need escaping, and `tr`. */
export const queryParameters = fc.option(
  fc.dictionary(
    fc.constantFrom("v", "a", "x", "tr", "ü", "a b", "&"),
    fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
  ),
  { nil: undefined },
);

const anchor = fc.constantFrom("center", "top", "left", "bottom_right", "top_left");

/** A typed layer of every kind (and of an unknown kind), with position, timing, mode and its own `steps`. */
export function overlay(steps: fc.Arbitrary<unknown[]>) {
  const common = {
    encoding: fc.constantFrom("auto", "plain", "base64"),
    layerMode: fc.constantFrom("multiply", "cutter", "displace"),
    position: fc.record(
      { x: value, y: value, xCenter: value, yCenter: value, anchorPoint: anchor, focus: anchor },
      { requiredKeys: [] },
    ),
    timing: fc.record({ start: value, end: value, duration: value }, { requiredKeys: [] }),
    transformation: steps,
  };
  const text = fc.oneof(fc.constantFrom("Hi", "Hello World", "Grüße 👋", "a,b:c", ""), fc.string({ maxLength: 8 }));
  const input = fc.oneof(fc.constantFrom("/logo.png", "a/b c.png", "/ü/ñ.png", "/x/", ""), fc.string({ maxLength: 8 }));
  return fc.oneof(
    fc.record({ type: fc.constant("text"), text, ...common }, { requiredKeys: ["type", "text"] }),
    fc.record(
      { type: fc.constantFrom("image", "video", "subtitle"), input, ...common },
      { requiredKeys: ["type", "input"] },
    ),
    fc.record(
      { type: fc.constant("solidColor"), color: fc.constantFrom("FF0000", "00FF0080", ""), ...common },
      { requiredKeys: ["type", "color"] },
    ),
    fc.record({ type: fc.constantFrom("unknown", "toString"), input, ...common }, { requiredKeys: ["type"] }),
  );
}
