// parseTransformation: a transformation string read back into steps whose values have their declared types, and
// built again into the same string, byte for byte, in both dialects.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTransformationString,
  legacyTransformationString,
  type Overlay,
  parseTransformation,
  type Transformation,
} from "../src/index.js";
import { PARAMETERS } from "../src/parameters.js";
import { errorOf } from "./ikit-error.js";

/** Both dialects write `text` back from the parsed steps. */
function rebuilds(text: string): void {
  const steps = parseTransformation(text);
  expect(buildTransformationString(steps), "buildTransformationString").toBe(text);
  expect(legacyTransformationString(steps), "legacyTransformationString").toBe(text);
}

// One value of the declared type per name: `Required` makes a name added to `Transformation` fail to compile here.
const SAMPLES: Required<Omit<Transformation, "overlay" | "raw">> = {
  width: 300,
  height: "ih_div_2",
  aspectRatio: "4-3",
  background: "FF0000",
  border: "5_FFF000",
  crop: "at_max",
  cropMode: "pad_resize",
  dpr: 2,
  focus: "face",
  quality: 80,
  x: 10,
  xCenter: 0.5,
  y: "N10",
  yCenter: 7,
  format: "avif",
  videoCodec: "vp9",
  audioCodec: "opus",
  radius: "max",
  rotation: 90,
  blur: 10,
  named: "thumb",
  defaultImage: "fallbacks/missing.jpg",
  flip: "h_v",
  original: true,
  startOffset: 2,
  endOffset: "idu_div_2",
  duration: 5,
  streamingResolutions: ["240", "1080"],
  grayscale: true,
  aiUpscale: true,
  aiRetouch: true,
  aiVariation: true,
  aiDropShadow: "az-45",
  aiChangeBackground: "prompt-snow road",
  aiEdit: "prompt-add a hat",
  aiRemoveBackground: true,
  aiRemoveBackgroundExternal: true,
  contrastStretch: true,
  shadow: true,
  sharpen: 5,
  unsharpMask: "2-2-0.8-0.024",
  gradient: "ld-top_from-green_to-00FF0010_sp-1",
  colorReplace: "FF0000_20_00FF00",
  colorize: "co-red_al-50",
  distort: "p-x1_y1_x2_y2",
  density: 300,
  progressive: true,
  lossless: false,
  colorProfile: true,
  metadata: false,
  opacity: 5,
  trim: 20,
  zoom: 2,
  page: "2_4",
  layerMode: "multiply",
  fontSize: 20,
  fontFamily: "fonts/Roboto.ttf",
  fontColor: "FFFFFF",
  color: "00FF00",
  innerAlignment: "center",
  padding: 10,
  alpha: 5,
  typography: "b_i",
  lineHeight: 20,
  fontOutline: "2_blue",
  fontShadow: "blue_2",
};

describe("parseTransformation: values of the declared types", () => {
  it.each(Object.entries(SAMPLES))("%s reads back as the value that wrote it, of the same type", (name, value) => {
    const text = buildTransformationString([{ [name]: value }]);
    // `color` and `fontColor` share the code co; it reads back under the first name.
    expect(parseTransformation(text)).toEqual([{ [name === "color" ? "fontColor" : name]: value }]);
    rebuilds(text);
  });

  it("gives numbers as numbers, so arithmetic on them works", () => {
    const [step] = parseTransformation("q-80,w-0.5,bl-10,o-5,dpr-2.5");
    expect(step).toEqual({ quality: 80, width: 0.5, blur: 10, opacity: 5, dpr: 2.5 });
    expect((step?.quality ?? 0) + 10).toBe(90);
  });

  it("gives booleans as booleans and bare effects as true", () => {
    expect(parseTransformation("pr-true,lo-false,orig-true,e-grayscale,e-sharpen,t-true")).toEqual([
      { progressive: true, lossless: false, original: true, grayscale: true, sharpen: true, trim: true },
    ]);
  });

  it("keeps expressions, negative offsets and numbers that would not write back the same as strings", () => {
    expect(parseTransformation("w-iw_div_4,h-ih_mul_0.8_add_iw_mul_0.4,y-N10,x-010,ar-1e3,rt-auto")).toEqual([
      {
        width: "iw_div_4",
        height: "ih_mul_0.8_add_iw_mul_0.4",
        y: "N10",
        x: "010",
        aspectRatio: "1e3",
        rotation: "auto",
      },
    ]);
  });

  it("types v5's crop and cropMode words as its types do, from the same word lists strict checks", () => {
    expect(parseTransformation("c-maintain_ratio_no_enlarge,cm-pad_extract_no_shrink")).toEqual([
      { crop: "maintain_ratio_no_enlarge", cropMode: "pad_extract_no_shrink" },
    ]);
  });

  it("keeps a value its name's type cannot hold under the ImageKit code, never mistyped", () => {
    const [step] = parseTransformation("q-high,c-fit,pr-yes,sr-240_999,e-grayscale-5,bl-NaN");
    expect(step).toEqual({ q: "high", c: "fit", pr: "yes", sr: "240_999", raw: "e-grayscale-5", bl: "NaN" });
    expect(step?.quality).toBeUndefined();
    expect(step?.crop).toBeUndefined();
  });

  it("reads codes ImageKit added later and a repeated code under the code", () => {
    expect(parseTransformation("e-newthing-5,w-100,w-200,zz-1")).toEqual([
      { "e-newthing": "5", width: 100, w: "200", zz: "1" },
    ]);
  });

  it("reads defaultImage and fontFamily paths with their slashes", () => {
    expect(parseTransformation("di-a@@b@@c.jpg,ff-fonts@@x.ttf")).toEqual([
      { defaultImage: "a/b/c.jpg", fontFamily: "fonts/x.ttf" },
    ]);
  });
});

describe("parseTransformation: layers", () => {
  const overlays: [string, Overlay][] = [
    ["text", { type: "text", text: "Hello World" }],
    ["Unicode text (base64 of UTF-8)", { type: "text", text: "Grüße 👋" }],
    ["text with a comma, written plain", { type: "text", text: "a,b:c", encoding: "plain" }],
    ["ASCII text written as base64", { type: "text", text: "Hi", encoding: "base64" }],
    [
      "an image with position and nested steps",
      {
        type: "image",
        input: "/logos/brand.png",
        position: { x: 10, y: "bh_mul_0.8", anchorPoint: "top_left" },
        transformation: [{ width: 100, quality: 50 }, { rotation: 90 }],
      },
    ],
    ["an image path outside plain letters", { type: "image", input: "/ü/ñ.png" }],
    [
      "a video with timing and layer mode",
      { type: "video", input: "clips/intro.mp4", layerMode: "cutout", timing: { start: 2, duration: "idu_div_2" } },
    ],
    [
      "subtitles, whose co is their color",
      {
        type: "subtitle",
        input: "subs.srt",
        transformation: [{ color: "FFFFFF", fontOutline: "2_blue", fontSize: 20 }],
      },
    ],
    [
      "text with its own steps",
      { type: "text", text: "Sale", transformation: [{ fontSize: 40, fontColor: "FF0000", padding: "10_20" }] },
    ],
    ["a solid colour", { type: "solidColor", color: "FF0000", transformation: [{ width: 50, alpha: 5 }] }],
    [
      "a layer inside a layer",
      {
        type: "image",
        input: "bg.png",
        transformation: [{ overlay: { type: "text", text: "Inner", position: { x: 5 } } }, { width: 200 }],
      },
    ],
    ["a zero offset", { type: "text", text: "Zero", position: { x: "0" } }],
  ];

  it.each(overlays)("%s reads back as the typed overlay that wrote it", (_title, overlay) => {
    const text = buildTransformationString([{ overlay }]);
    const [step] = parseTransformation(text);
    expect(step?.raw).toBeUndefined();
    expect(buildTransformationString([{ overlay: step?.overlay as Overlay }])).toBe(text);
    const expected = { ...overlay } as Record<string, unknown>;
    if (overlay.type !== "text" && overlay.type !== "solidColor") {
      expected.input = overlay.input.replace(/^\/|\/$/g, "");
    }
    expect(step?.overlay).toMatchObject(expected);
    rebuilds(text);
  });

  it("splits a step with a layer, named parameters and raw content into its parts", () => {
    const text = "l-text,i-Hi,lx-10,l-end,w-400,bare,e-newthing-5";
    const [step] = parseTransformation(text);
    expect(step).toEqual({
      overlay: { type: "text", text: "Hi", position: { x: 10 } },
      width: 400,
      raw: "bare",
      "e-newthing": "5",
    });
    if (step) step.width = 600;
    expect(buildTransformationString([step as Transformation])).toBe("l-text,i-Hi,lx-10,l-end,w-600,bare,e-newthing-5");
  });

  it("keeps a layer no typed overlay writes back exactly in raw, and still reads what follows it", () => {
    // An anchor that is not one of the typed Anchor words.
    const text = "l-image,i-logo.png,lap-nowhere,l-end,w-300,h-200";
    const [step] = parseTransformation(text);
    expect(step).toEqual({ raw: "l-image,i-logo.png,lap-nowhere,l-end", width: 300, height: 200 });
    if (step) step.width = 100;
    expect(buildTransformationString([step as Transformation])).toBe(
      "l-image,i-logo.png,lap-nowhere,l-end,w-100,h-200",
    );
  });

  it("reads a layer in another SDK's parameter order as a typed overlay that writes the same text", () => {
    // @imagekit/nodejs v7 writes lfo before lap; v5's typed overlay writes lap first, so lap stays a nested code.
    const text = "l-image,i-logo.png,lfo-center,lap-top,l-end";
    const [step] = parseTransformation(text);
    expect(step?.overlay).toEqual({
      type: "image",
      input: "logo.png",
      position: { focus: "center" },
      transformation: [{ lap: "top" }],
    });
    rebuilds(text);
  });

  it("keeps a text, subtitle or solid colour layer raw when its steps hold more than v5 types them to hold", () => {
    for (const text of [
      "l-text,i-Hi,q-80,l-end",
      "l-subtitles,i-a.srt,fs-large,l-end",
      "l-subtitles,i-a.srt,tg-bold,l-end",
      "l-image,i-ik_canvas,bg-FF0000,rt-90,l-end",
    ]) {
      expect(parseTransformation(text)).toEqual([{ raw: text }]);
      rebuilds(text);
    }
    // An image layer's steps are any steps.
    expect(parseTransformation("l-image,i-a.png,q-80,l-end")[0]?.overlay).toEqual({
      type: "image",
      input: "a.png",
      transformation: [{ quality: 80 }],
    });
  });

  it("keeps `:` inside a layer's nested steps inside the layer", () => {
    const [step, ...rest] = parseTransformation("l-image,i-a.png,w-100:rt-90,l-end");
    expect(rest).toEqual([]);
    expect(step?.overlay).toEqual({
      type: "image",
      input: "a.png",
      transformation: [{ width: 100 }, { rotation: 90 }],
    });
  });

  it("keeps unbalanced layer tokens as raw text", () => {
    for (const text of [
      "l-text,i-Hi",
      "l-end,w-100",
      "l-text,i-a:l-image,i-b,l-end",
      "l-text,l-end",
      "l-image,l-end:w-5",
    ]) {
      rebuilds(text);
    }
    expect(parseTransformation("l-text,i-Hi:w-100")).toEqual([{ raw: "l-text", i: "Hi" }, { width: 100 }]);
  });

  it("reads 10,000 nested layers without overflowing the stack", () => {
    const text = `${"l-image,i-a.png,".repeat(10_000)}w-1${",l-end".repeat(10_000)}`;
    rebuilds(text);
  });
});

describe("parseTransformation: hostile and odd input", () => {
  it("never looks a code up through the prototype chain, and writes Object.prototype names back", () => {
    for (const text of [
      "constructor-x",
      "toString-1",
      "__proto__-x",
      "hasOwnProperty",
      "valueOf-2,w-10",
      "l-constructor,i-x,l-end",
    ]) {
      const steps = parseTransformation(text);
      expect(Object.getPrototypeOf(steps[0])).toBe(Object.prototype);
      rebuilds(text);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("gives no steps for an empty string, and keeps empty steps and parameters", () => {
    expect(parseTransformation("")).toEqual([]);
    for (const text of [":", "w-1::h-2", ",", "w-1,,h-2", "w-", "-", "e-", "e-sharpen-"]) rebuilds(text);
  });

  it.each([null, undefined, 42, {}, ["w-1"], Symbol("tr")])("throws INVALID_VALUE for %s", (value) => {
    expect(errorOf(() => parseTransformation(value as never)).code).toBe("INVALID_VALUE");
  });
});

// Random transformations built with both builders, and random strings from ImageKit's own tokens.
const names = [...Object.keys(PARAMETERS), "raw", "rotate", "effectSharpen", "e-new", "w", "constructor", "toString"];
const value = fc.oneof(
  fc.constantFrom("", "-", "true", "false", "0", "80", "0.5", "N10", "iw_div_4", "a/b", "@@x", "l-end", "a,b", "c:d"),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ min: 0, max: 10, noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
);
const simpleStep = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 5 }),
    fc.option(fc.constantFrom(["240", "360"], ["1080"], ["x"]), { nil: undefined }),
  )
  .map(([step, resolutions]) => (resolutions ? { ...step, streamingResolutions: resolutions } : step));
const overlay = fc.record(
  {
    type: fc.constantFrom("text", "image", "video", "subtitle", "solidColor"),
    text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("Hi there", "日本 👋", "a,b")),
    input: fc.constantFrom("/logo.png", "a/b.png", "/ü.png", "x"),
    color: fc.constantFrom("FF0000", ""),
    encoding: fc.constantFrom("auto", "plain", "base64"),
    layerMode: fc.constantFrom("multiply", "cutter"),
    position: fc.record({ x: value, y: value, anchorPoint: fc.constantFrom("top", "center") }, { requiredKeys: [] }),
    timing: fc.record({ start: value, duration: value }, { requiredKeys: [] }),
    transformation: fc.array(simpleStep, { maxLength: 2 }),
  },
  { requiredKeys: ["type"] },
);
const step = fc.oneof(
  { weight: 3, arbitrary: simpleStep },
  { weight: 1, arbitrary: fc.tuple(simpleStep, overlay).map(([rest, o]) => ({ ...rest, overlay: o })) },
);
const tokens = fc.constantFrom(
  "w-100",
  "q-80",
  "pr-true",
  "e-grayscale",
  "e-sharpen-5",
  "l-text",
  "l-image",
  "i-a.png",
  "ie-SGk%3D",
  "i-ik_canvas",
  "bg-FF0000",
  "lx-10",
  "lap-top",
  "lm-cutter",
  "l-end",
  "constructor-x",
  "__proto__",
  "5-x",
  "",
  "-",
  "zz",
);

describe("parseTransformation round trip", () => {
  it("rebuilds 3,000 random transformations byte for byte in both dialects", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 3 }), fc.boolean(), (steps, legacy) => {
        const text = (legacy ? legacyTransformationString : buildTransformationString)(steps as never);
        rebuilds(text);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it("rebuilds 3,000 random strings of ImageKit tokens and delimiters byte for byte", () => {
    const text = fc
      .array(fc.tuple(tokens, fc.constantFrom(",", ":", ",", ",")), { maxLength: 12 })
      .map((parts) => parts.flat().join("").slice(0, -1));
    fc.assert(fc.property(text, rebuilds), { numRuns: 3000, seed: 43 });
  });
});
