// Strict mode: unknown names, malformed expressions and out-of-range values throw, naming the step and key.
import { describe, expect, it } from "vitest";
import { buildSrc, div, IkitError, url, validateTransformation } from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

function errorOf(run: () => unknown): IkitError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IkitError);
    return error as IkitError;
  }
  throw new Error("expected an IkitError");
}

describe("strict mode", () => {
  it("is off by default, as permissive as ImageKit's SDKs", () => {
    expect(buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ widht: 300 } as never] })).toBe(
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
      () => buildSrc({ urlEndpoint, src: "/a.jpg", transformation: steps as never, strict: true }),
      () => url({ urlEndpoint, path: "/a.jpg", transformation: steps as never, strict: true }),
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
    expect(() => buildSrc({ urlEndpoint, src: "/a.jpg", transformation, strict: true })).not.toThrow();
    expect(() =>
      url({ urlEndpoint, path: "/a.jpg", transformation: [{ effectSharpen: "-", rotate: 90 }], strict: true }),
    ).not.toThrow();
  });
});
