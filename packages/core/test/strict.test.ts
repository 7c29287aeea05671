// Strict mode (`@ikit/core/strict`): unknown names, malformed expressions, out-of-range values and a missing or
// invalid source throw, naming the step and key; `@ikit/core` stays as permissive as ImageKit's SDKs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as permissive from "../src/index.js";
import { div } from "../src/index.js";
import { PLACEMENT } from "../src/overlay.js";
import { PARAMETERS } from "../src/parameters.js";
import { buildSrc, url, validateTransformation } from "../src/strict.js";
import * as inputs from "./fuzz-inputs.js";
import { errorOf } from "./ikit-error.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

describe("strict mode", () => {
  it("is off in @ikit/core, as permissive as ImageKit's SDKs", () => {
    expect(permissive.buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ widht: 300 } as never] })).toBe(
      "https://ik.imagekit.io/demo/a.jpg?tr=widht-300",
    );
  });

  it.each([
    [[{ widht: 300 }], "UNKNOWN_PARAMETER", 'transformation[0]: unknown transformation parameter "widht"'],
    [
      [{ width: 100 }, { quality: 150 }],
      "INVALID_VALUE",
      "transformation[1].quality (q): expected a number from 1 to 100, got 150",
    ],
    [
      [{ width: "iw_divide_4" }],
      "INVALID_VALUE",
      "transformation[0].width (w): expected a number or an arithmetic expression",
    ],
    [[{ height: "ih_div_x_mul_2" }], "INVALID_EXPRESSION", "transformation[0].height (h)"],
    [[{ crop: "fit" }], "INVALID_VALUE", "transformation[0].crop (c): expected one of"],
    [[{ overlay: { type: "text", text: "" } }], "INVALID_VALUE", "transformation[0].overlay.text"],
    [
      [{ overlay: { type: "image", input: "/a.png", position: { x: "lots" } } }],
      "INVALID_VALUE",
      "transformation[0].overlay.position.x",
    ],
    [
      [{ overlay: { type: "image", input: "/a.png", transformation: [{ blur: 0 }] } }],
      "INVALID_VALUE",
      "transformation[0].overlay.transformation[0].blur (bl)",
    ],
  ])("rejects %j with %s naming the step and key", (steps, code, message) => {
    for (const run of [
      () => buildSrc({ urlEndpoint, src: "/a.jpg", transformation: steps as never }),
      () => url({ urlEndpoint, path: "/a.jpg", transformation: steps as never }),
      () => validateTransformation(steps as never),
    ]) {
      const error = errorOf(run);
      expect(error.code).toBe(code);
      expect(error.message).toContain(message);
    }
  });

  it("accepts valid steps, expressions, raw codes and the seed's names in url()", () => {
    const transformation = [
      { width: div("iw", 4), height: 300, quality: 80, dpr: "auto", rotation: "N90", raw: "l-text,i-x,l-end" },
    ];
    expect(buildSrc({ urlEndpoint, src: "/a.jpg", transformation })).toBe(
      permissive.buildSrc({ urlEndpoint, src: "/a.jpg", transformation }),
    );
    const legacy = { urlEndpoint, path: "/a.jpg", transformation: [{ effectSharpen: "-" as const, rotate: 90 }] };
    expect(url(legacy)).toBe("https://ik.imagekit.io/demo/tr:e-sharpen,rt-90/a.jpg");
  });

  it("accepts every literal of v5's types (crop, cropMode, density) and the seed's string values in url()", () => {
    const v5Steps = [
      { crop: "maintain_ratio_no_enlarge" as const, cropMode: "pad_extract_no_shrink" as const, density: "300" },
      { cropMode: "pad_resize_no_enlarge" as const, density: 72 },
    ];
    expect(validateTransformation(v5Steps)).toBeUndefined();
    expect(buildSrc({ urlEndpoint, src: "/a.jpg", transformation: v5Steps })).toBe(
      "https://ik.imagekit.io/demo/a.jpg?tr=c-maintain_ratio_no_enlarge,cm-pad_extract_no_shrink,dn-300:cm-pad_resize_no_enlarge,dn-72",
    );
    const seed = [{ format: "jpg", progressive: "true", quality: "80", blur: "10", effectContrast: "1" }];
    expect(url({ urlEndpoint, path: "/a.jpg", transformation: seed })).toBe(
      "https://ik.imagekit.io/demo/tr:f-jpg,pr-true,q-80,bl-10,e-contrast-1/a.jpg",
    );
  });

  it("throws MISSING_SOURCE and INVALID_SRC where @ikit/core returns an empty string", () => {
    for (const src of ["", undefined, null]) {
      expect(permissive.buildSrc({ urlEndpoint, src } as never)).toBe("");
      expect(errorOf(() => buildSrc({ urlEndpoint, src } as never)).code).toBe("MISSING_SOURCE");
    }
    expect(permissive.buildSrc({ urlEndpoint, src: "https://" })).toBe("");
    expect(errorOf(() => buildSrc({ urlEndpoint, src: "https://" })).code).toBe("INVALID_SRC");
    expect(permissive.url({ urlEndpoint })).toBe("");
    expect(errorOf(() => url({ urlEndpoint })).code).toBe("MISSING_SOURCE");
    expect(errorOf(() => url({ urlEndpoint, path: "", src: "" })).code).toBe("MISSING_SOURCE");
  });

  it("treats names of Object.prototype members as unknown parameters", () => {
    for (const name of ["toString", "constructor", "hasOwnProperty", "__proto__", "valueOf"]) {
      const step = JSON.parse(`{"${name}": 5}`);
      const error = errorOf(() => validateTransformation([step]));
      expect(error.code, name).toBe("UNKNOWN_PARAMETER");
      expect(error.message).toContain(`"${name}"`);
    }
  });

  it("stops at a cyclic overlay with INVALID_VALUE instead of overflowing the stack", () => {
    const overlay = { type: "image", input: "/a.png", transformation: [] as unknown[] };
    overlay.transformation.push({ overlay });
    const error = errorOf(() => validateTransformation([{ overlay }] as never));
    expect(error.code).toBe("INVALID_VALUE");
    expect(error.message).toContain("inside its own transformation");
  });

  it("lives in @ikit/core/strict only, so @ikit/core never bundles it", () => {
    expect("validateTransformation" in permissive).toBe(false);
  });
});

describe("strict mode writes only what ImageKit reads", () => {
  const code = (steps: unknown, legacyNames = false) =>
    errorOf(() => validateTransformation(steps as never, { legacyNames })).code;

  it("accepts plain decimals, as numbers or strings, and refuses NaN and Infinity", () => {
    const steps = [{ quality: "80", dpr: "0.5", opacity: 5, zoom: ".5", width: 0.25, x: -20, y: "N20" }] as never;
    expect(validateTransformation(steps)).toBeUndefined();
    expect(buildSrc({ urlEndpoint, src: "/a.jpg", transformation: steps })).toBe(
      "https://ik.imagekit.io/demo/a.jpg?tr=q-80,dpr-0.5,o-5,z-.5,w-0.25,x--20,y-N20",
    );
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(code([{ width: value }])).toBe("INVALID_VALUE");
      expect(code([{ fontSize: value }])).toBe("INVALID_VALUE");
    }
    expect(errorOf(() => validateTransformation([{ width: 1e21 }])).message).toContain("exponent");
  });

  it('takes "-" for a bare effect in buildSrc only where v5 writes the bare code', () => {
    expect(buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ grayscale: "-" as never }] })).toBe(
      "https://ik.imagekit.io/demo/a.jpg?tr=e-grayscale",
    );
    // v5 writes `e-sharpen--` for it; url() writes the bare `e-sharpen`.
    const error = errorOf(() => validateTransformation([{ sharpen: "-" as never }]));
    expect(error.code).toBe("INVALID_VALUE");
    expect(error.message).toContain("expected true for the bare effect");
    expect(url({ urlEndpoint, path: "/a.jpg", transformation: [{ sharpen: "-" as never }] })).toBe(
      "https://ik.imagekit.io/demo/tr:e-sharpen/a.jpg",
    );
    expect(code([{ background: "-" }], true)).toBe("INVALID_VALUE");
    expect(code([{ aiChangeBackground: "-" }], true)).toBe("INVALID_VALUE");
  });

  it("refuses negative and N-prefixed times, and an empty streamingResolutions", () => {
    for (const startOffset of [-1, "N5"]) expect(code([{ startOffset }])).toBe("INVALID_VALUE");
    expect(code([{ overlay: { type: "video", input: "/v.mp4", timing: { end: "N2" } } }])).toBe("INVALID_VALUE");
    expect(code([{ streamingResolutions: [] }])).toBe("INVALID_VALUE");
    expect(
      validateTransformation([{ startOffset: 0, duration: "idu_div_2", streamingResolutions: [240, "360"] as never }]),
    ).toBeUndefined();
  });

  it("refuses a value that would end early and start ImageKit syntax of its own (`bg-red,w-5000`)", () => {
    for (const background of ["red,w-5000", "red:rt-90", "red/x", "red?x=1", "red#x", "red&x=1"]) {
      const error = errorOf(() => validateTransformation([{ background }]));
      expect(error.code, background).toBe("INVALID_VALUE");
      expect(error.message).toContain("raw");
    }
    expect(code([{ effectContrast: "1,w-9" }], true)).toBe("INVALID_VALUE");
    expect(code([{ defaultImage: "/a.jpg,w-9" }])).toBe("INVALID_VALUE");
    expect(code([{ overlay: { type: "solidColor", color: "F00,w-9" } }])).toBe("INVALID_VALUE");
    expect(code([{ overlay: { type: "text", text: "a,w-9", encoding: "plain" } }])).toBe("INVALID_VALUE");
    expect(code([{ overlay: { type: "image", input: "/a.png,w-9", encoding: "plain" } }])).toBe("INVALID_VALUE");
    // Written in base64 (`ie-`), where nothing ends early.
    expect(validateTransformation([{ overlay: { type: "text", text: "a, b: c/d" } }])).toBeUndefined();
    // `defaultImage` and `fontFamily` take a path: the builders write its `/` as `@@`.
    expect(
      buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ defaultImage: "/d/x.jpg", background: "F00" }] }),
    ).toBe("https://ik.imagekit.io/demo/a.jpg?tr=di-d@@x.jpg,bg-F00");
  });

  it("refuses a rotation past 360 written as a string, as it does the number", () => {
    for (const rotation of ["361", "N999", 361]) expect(code([{ rotation }])).toBe("INVALID_VALUE");
    expect(validateTransformation([{ rotation: "N360" }, { rotation: "360" }])).toBeUndefined();
  });

  it("takes 1000 steps and refuses more by the length alone, without walking them", () => {
    expect(validateTransformation(Array.from({ length: 1000 }, () => ({ width: 1 })))).toBeUndefined();
    const steps: unknown[] = [];
    steps.length = 2 ** 32 - 1;
    const error = errorOf(() => validateTransformation(steps as never));
    expect(error.code).toBe("INVALID_VALUE");
    expect(error.message).toContain("at most 1000");
  });

  it("takes every position and timing field the layer writer writes", () => {
    for (const [code, path] of PLACEMENT) {
      const [group, key] = path.split(".") as [string, string];
      const value = key === "anchorPoint" || key === "focus" ? "top_left" : 2;
      const transformation = [{ overlay: { type: "video", input: "/v.mp4", [group]: { [key]: value } } }] as never;
      expect(buildSrc({ urlEndpoint, src: "/a.mp4", transformation })).toBe(
        `https://ik.imagekit.io/demo/a.mp4?tr=l-video,i-v.mp4,${code}-${value},l-end`,
      );
    }
  });

  it("refuses an unknown encoding and unknown position or timing fields (typos such as `X` or `begin`)", () => {
    expect(code([{ overlay: { type: "text", text: "hi", encoding: "base-64" } }])).toBe("INVALID_VALUE");
    expect(code([{ overlay: { type: "text", text: "hi", position: { X: 10 } } }])).toBe("UNKNOWN_PARAMETER");
    expect(code([{ overlay: { type: "video", input: "/v.mp4", timing: { begin: 1 } } }])).toBe("UNKNOWN_PARAMETER");
    expect(code([{ overlay: { type: "text", text: "hi", position: "top" } }])).toBe("INVALID_VALUE");
    // Written without its slashes, "/" would be `i-`.
    expect(code([{ overlay: { type: "image", input: "/" } }])).toBe("INVALID_VALUE");
  });

  it("nests layers 3 levels deep, as ImageKit does, and refuses the 4th", () => {
    let overlay: object = { type: "text", text: "in" };
    for (let i = 0; i < 2; i++) overlay = { type: "image", input: "/l.png", transformation: [{ overlay }] };
    expect(buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ overlay } as never] })).toBe(
      "https://ik.imagekit.io/demo/a.jpg?tr=l-image,i-l.png,l-image,i-l.png,l-text,i-in,l-end,l-end,l-end",
    );
    const error = errorOf(() =>
      validateTransformation([{ overlay: { type: "image", input: "/l.png", transformation: [{ overlay }] } } as never]),
    );
    expect(error.code).toBe("INVALID_VALUE");
    expect(error.message).toContain("level 4");
  });

  it("checks a layer's steps in url() by v5's names, with which the builder writes them", () => {
    const transformation = [
      { rotate: 90, overlay: { type: "image", input: "/l.png", transformation: [{ rotation: 90 }] } },
    ];
    expect(url({ urlEndpoint, path: "/a.jpg", transformation } as never)).toBe(
      "https://ik.imagekit.io/demo/tr:rt-90,l-image,i-l.png,rt-90,l-end/a.jpg",
    );
  });

  it("builds from the values it checked, each read once, at every level", () => {
    const reads = { step: 0, overlay: 0, position: 0 };
    const position = {
      get x() {
        return reads.position++ ? "lots" : 10;
      },
    };
    const overlay = {
      type: "text",
      get text() {
        return reads.overlay++ ? "" : "hi";
      },
      position,
    };
    const step = {
      get width() {
        return reads.step++ ? 1e21 : 100;
      },
      overlay,
    };
    expect(buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [step] as never })).toBe(
      "https://ik.imagekit.io/demo/a.jpg?tr=w-100,l-text,i-hi,lx-10,l-end",
    );
    expect(reads).toEqual({ step: 1, overlay: 1, position: 1 });
  });

  it("keeps options it does not check as given, inherited ones too, and checks transformationPosition", () => {
    const defaults = { urlEndpoint, transformationPosition: "path" as const, queryParameters: { v: 2 } };
    const opts = Object.assign(Object.create(defaults), { src: "/a.jpg", transformation: [{ width: 100 }] });
    expect(buildSrc(opts)).toBe(permissive.buildSrc(opts));
    expect(buildSrc(opts)).toBe("https://ik.imagekit.io/demo/tr:w-100/a.jpg?v=2");
    expect(
      url({ urlEndpoint, path: "/a.jpg", transformationPosition: "query", transformation: [{ width: 100 }] }),
    ).toBe("https://ik.imagekit.io/demo/a.jpg?tr=w-100");
    expect(errorOf(() => validateTransformation([], null as never)).code).toBe("INVALID_OPTIONS");
  });
});

describe("strict mode, fuzzed", () => {
  const name = fc.constantFrom(...Object.keys(PARAMETERS), "rotate", "effectSharpen", "trim", "raw");
  // Also the review's values: numbers JavaScript writes with an exponent, strings only `Number()` reads.
  const value = fc.oneof(
    { weight: 6, arbitrary: inputs.value },
    { weight: 1, arbitrary: fc.constantFrom(1e-7, 1e21, 5e-324, Number.NaN, "0x50", " 80 ", "1e1", "N5", [240, 360]) },
  );
  const simpleStep = fc.dictionary(name, value, { maxKeys: 4 });
  const step = fc.oneof(
    { weight: 4, arbitrary: simpleStep },
    { weight: 1, arbitrary: fc.record({ overlay: inputs.overlay(fc.array(simpleStep, { maxLength: 2 })) }) },
  );

  const CODES = new Set([...Object.values(PARAMETERS), ...PLACEMENT.map(([code]) => code), "i", "ie", "l"]);

  it("builds what it accepts exactly as @ikit/core does, as well-formed steps, and refuses the rest typed", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 3 }), fc.boolean(), (steps, legacyNames) => {
        try {
          validateTransformation(steps as never, { legacyNames });
        } catch (error) {
          expect(error).toBeInstanceOf(permissive.IkitError);
          return;
        }
        const built = legacyNames
          ? url({ urlEndpoint, path: "/a.jpg", transformation: steps as never })
          : buildSrc({ urlEndpoint, src: "/a.jpg", transformation: steps as never });
        expect(built).toBe(
          legacyNames
            ? permissive.url({ urlEndpoint, path: "/a.jpg", transformation: steps as never })
            : permissive.buildSrc({ urlEndpoint, src: "/a.jpg", transformation: steps as never }),
        );
        // `raw` is written as it is, in a layer's steps too.
        if (JSON.stringify(steps).includes('"raw"')) return;
        const tr = (legacyNames ? permissive.legacyTransformationString : permissive.buildTransformationString)(
          steps as never,
        );
        expect(tr).not.toMatch(/undefined|null|NaN|Infinity|\[object/);
        for (const token of tr === "" ? [] : tr.split(/[,:]/)) {
          expect(token, tr).toMatch(/^[a-z]/);
          // No code with an empty or padded value (`bg-`, `di- a`).
          expect(CODES.has(token.slice(0, -1)) && token.endsWith("-"), tr).toBe(false);
          expect(token, tr).not.toMatch(/^[a-z-]+- |\s$/);
          // A number as ImageKit reads it: no hexadecimal, binary, exponent or padding.
          const number = /^(q|bl|dpr|o|al|z|t|r|w|h|x|y|xc|yc|rt|so|eo|du|lx|ly|lxc|lyc|lso|leo|ldu)-(.*)$/.exec(token);
          if (number) expect(number[2], tr).not.toMatch(/0[xb]|\d[eE]|\s/);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
