// Hostile input to the URL builders, expression helpers and strict checks: whatever a caller passes (wrong types,
// symbols, cyclic overlays, lone surrogates, names of Object.prototype members), each export returns a usable
// result or throws an IkitError with a code; never a TypeError, URIError, RangeError or a JS artifact in a URL.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  buildSrc,
  buildTransformationString,
  div,
  getResponsiveImageAttributes,
  IkitError,
  isExpression,
  legacyTransformationString,
  mod,
  mul,
  pow,
  sub,
  url,
} from "../src/index.js";
import * as strict from "../src/strict.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

// Text JavaScript writes when it stringifies what it should not have: a function, an object, a symbol.
const ARTIFACTS = ["[native code]", "function ", "[object ", "Symbol("];

/** Runs `call`: a thrown error must be an IkitError with a code; a string result must hold no JS artifact. */
function settle(call: () => unknown): unknown {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    expect(error).toBeInstanceOf(IkitError);
    expect((error as IkitError).code).toMatch(/^[A-Z_]+$/);
    expect((error as IkitError).message.length).toBeGreaterThan(20);
    return error;
  }
  // A BigInt `width` comes back as it was given, as in v5 (only a number sets the candidates): printed, not thrown on.
  const text =
    typeof result === "string"
      ? result
      : (JSON.stringify(result, (_key, value) => (typeof value === "bigint" ? `${value}n` : value)) ?? "");
  for (const artifact of ARTIFACTS) expect(text, artifact).not.toContain(artifact);
  return result;
}

const codeOf = (call: () => unknown) => (settle(call) as IkitError).code;

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
  maxDepth: 3,
});
const hostile = fc.oneof(
  anything,
  fc.constantFrom(Symbol("s"), () => 1, Number.NaN, "\ud800", "a\udc00b", -0, 10n),
);
const PROTOTYPE_NAMES = ["constructor", "toString", "__proto__", "valueOf", "hasOwnProperty", "isPrototypeOf"];
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, "width", "overlay", "raw", "effectSharpen"), fc.string());
const step = fc.oneof(
  fc.dictionary(key, hostile, { maxKeys: 4 }),
  fc.record({
    overlay: fc.record({
      type: fc.oneof(fc.constantFrom("text", "image", "video", "subtitle", "solidColor", "toString"), hostile),
      text: hostile,
      input: hostile,
      color: hostile,
      encoding: fc.oneof(fc.constantFrom("plain", "base64", "auto"), hostile),
      position: fc.oneof(fc.dictionary(key, hostile, { maxKeys: 3 }), hostile),
      timing: hostile,
      layerMode: hostile,
      transformation: hostile,
    }),
  }),
  hostile,
);
const transformation = fc.oneof(fc.array(step, { maxLength: 3 }), hostile);
const options = fc.record(
  {
    urlEndpoint: fc.oneof(fc.constant(urlEndpoint), hostile),
    src: fc.oneof(fc.constantFrom("/a.jpg", "https://x.example/a b.jpg?q#h", "https://", "/\ud800"), hostile),
    path: fc.oneof(fc.constantFrom("/a.jpg", "/../x", "/\ud800"), hostile),
    transformation,
    transformationPosition: fc.oneof(fc.constantFrom("path", "query"), hostile),
    queryParameters: fc.oneof(fc.dictionary(key, hostile, { maxKeys: 3 }), hostile),
    sizes: hostile,
    width: hostile,
    deviceBreakpoints: hostile,
    imageBreakpoints: hostile,
  },
  { requiredKeys: [] },
);

const BUILDERS: [string, (opts: never) => unknown][] = [
  ["buildSrc", buildSrc],
  ["url", url],
  ["getResponsiveImageAttributes", getResponsiveImageAttributes],
  ["strict buildSrc", strict.buildSrc],
  ["strict url", strict.url],
];

describe("hostile input to the builders", () => {
  it.each(BUILDERS)("%s: any options give a URL, an empty string or a typed error", (_name, build) => {
    fc.assert(
      fc.property(fc.oneof(options, hostile), (opts) => {
        settle(() => build(opts as never));
      }),
      { numRuns: 1500, seed: 70707 },
    );
  });

  it("transformation strings and the strict check take any steps without crashing", () => {
    fc.assert(
      fc.property(transformation, (steps) => {
        settle(() => buildTransformationString(steps as never));
        settle(() => legacyTransformationString(steps as never));
        settle(() => strict.validateTransformation(steps as never));
        settle(() => strict.validateTransformation(steps as never, { legacyNames: true }));
      }),
      { numRuns: 3000, seed: 80808 },
    );
  });

  it("expression helpers take any operands", () => {
    fc.assert(
      fc.property(hostile, hostile, (left, right) => {
        for (const op of [add, sub, mul, div, mod, pow]) settle(() => op(left as never, right as never));
        expect(typeof isExpression(left)).toBe("boolean");
      }),
      { numRuns: 500, seed: 90909 },
    );
  });
});

describe("wrong types, named", () => {
  it.each([
    ["buildSrc(null)", "INVALID_OPTIONS", () => buildSrc(null as never)],
    ["buildSrc(42)", "INVALID_OPTIONS", () => buildSrc(42 as never)],
    ["url(null)", "INVALID_OPTIONS", () => url(null as never)],
    ["url(Symbol())", "INVALID_OPTIONS", () => url(Symbol() as never)],
    ["getResponsiveImageAttributes(null)", "INVALID_OPTIONS", () => getResponsiveImageAttributes(null as never)],
    ["a numeric src", "INVALID_SRC", () => buildSrc({ urlEndpoint, src: 5 as never })],
    ["an object src in url()", "INVALID_SRC", () => url({ src: {} as never })],
    ["a numeric path in url()", "INVALID_OPTIONS", () => url({ urlEndpoint, path: 5 as never })],
    ["an object urlEndpoint", "INVALID_URL_ENDPOINT", () => buildSrc({ urlEndpoint: {} as never, src: "/a.jpg" })],
    ["a symbol value", "INVALID_VALUE", () => buildTransformationString([{ width: Symbol() as never }])],
    ["an object value", "INVALID_VALUE", () => buildTransformationString([{ height: {} as never }])],
    [
      "a symbol text",
      "INVALID_VALUE",
      () => buildTransformationString([{ overlay: { type: "text", text: Symbol() as never } }]),
    ],
    [
      "an object query value",
      "INVALID_VALUE",
      () => buildSrc({ urlEndpoint, src: "/a", queryParameters: { v: [] as never } }),
    ],
    [
      "string breakpoints",
      "INVALID_VALUE",
      () => getResponsiveImageAttributes({ urlEndpoint, src: "/a", deviceBreakpoints: "640" as never }),
    ],
    [
      "a symbol breakpoint",
      "INVALID_VALUE",
      () => getResponsiveImageAttributes({ urlEndpoint, src: "/a", imageBreakpoints: [Symbol()] as never }),
    ],
    ["a negative expression number", "INVALID_EXPRESSION", () => div("iw", -1)],
    ["a symbol operand", "INVALID_EXPRESSION", () => add(Symbol() as never, 2)],
    ["a BigInt operand", "INVALID_EXPRESSION", () => mul(10n as never, 2)],
  ])("%s → %s", (_title, code, call) => {
    expect(codeOf(call)).toBe(code);
  });

  it("returns an empty string where v5 does: no src, or a src URL cannot parse", () => {
    for (const src of [undefined, null, "", 0, false]) expect(buildSrc({ urlEndpoint, src } as never)).toBe("");
    expect(buildSrc({ urlEndpoint, src: "https://" })).toBe("");
    expect(buildSrc({ urlEndpoint, src: "http://exa mple.com/a.jpg" })).toBe("");
    expect(url({ urlEndpoint })).toBe("");
  });
});

describe("cyclic overlays", () => {
  const cyclic = () => {
    const overlay = { type: "image" as const, input: "/logo.png", transformation: [] as object[] };
    overlay.transformation.push({ overlay });
    return [{ overlay }];
  };

  it.each([
    ["buildTransformationString", () => buildTransformationString(cyclic() as never)],
    ["legacyTransformationString", () => legacyTransformationString(cyclic() as never)],
    ["buildSrc", () => buildSrc({ urlEndpoint, src: "/a.jpg", transformation: cyclic() as never })],
    ["url", () => url({ urlEndpoint, path: "/a.jpg", transformation: cyclic() as never })],
    ["validateTransformation", () => strict.validateTransformation(cyclic() as never)],
  ])("%s throws INVALID_VALUE instead of overflowing the stack", (_name, call) => {
    expect(codeOf(call)).toBe("INVALID_VALUE");
  });

  it("still writes overlays nested a few levels deep", () => {
    let overlay: object = { type: "text", text: "in" };
    for (let i = 0; i < 4; i++) overlay = { type: "image", input: "/l.png", transformation: [{ overlay }] };
    expect(buildTransformationString([{ overlay }] as never).match(/l-end/g)?.length).toBe(5);
  });
});

describe("lone surrogates", () => {
  it("become U+FFFD as URL, URLSearchParams and TextEncoder write them, never a URIError", () => {
    const lone = "a\ud800b";
    expect(buildTransformationString([{ overlay: { type: "text", text: lone, encoding: "plain" } }])).toBe(
      "l-text,i-a%EF%BF%BDb,l-end",
    );
    expect(buildSrc({ urlEndpoint, src: `/${lone}.jpg`, queryParameters: { q: lone } })).toBe(
      "https://ik.imagekit.io/demo/a%EF%BF%BDb.jpg?q=a%EF%BF%BDb",
    );
    expect(url({ urlEndpoint, path: `/${lone}.jpg`, transformation: [{ raw: lone }] })).toBe(
      "https://ik.imagekit.io/demo/tr:a%EF%BF%BDb/a%EF%BF%BDb.jpg",
    );
    const encoded = buildTransformationString([{ overlay: { type: "text", text: lone } }]);
    expect(atob(decodeURIComponent(/ie-([^,]+)/.exec(encoded)?.[1] ?? ""))).toBe("a\xef\xbf\xbdb");
  });
});

describe("names of Object.prototype members", () => {
  it.each(PROTOTYPE_NAMES)("%s is an unknown name, written as it is and rejected by strict", (name) => {
    const step = JSON.parse(`{"${name}": 5}`);
    const expected = `${name}-5`;
    expect(buildTransformationString([step])).toBe(expected);
    expect(legacyTransformationString([step])).toBe(expected);
    expect(codeOf(() => strict.validateTransformation([step]))).toBe("UNKNOWN_PARAMETER");
    expect(codeOf(() => strict.buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [step] }))).toBe(
      "UNKNOWN_PARAMETER",
    );
  });

  it("an overlay type named after one is an unknown layer, left out as v5 leaves out unknown types", () => {
    for (const type of PROTOTYPE_NAMES) {
      expect(buildTransformationString([{ overlay: { type, input: "/a.png" } as never }])).toBe("");
    }
  });
});
