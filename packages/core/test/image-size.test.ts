import { describe, expect, it } from "vitest";
import { imageSize, type Transformation } from "../src/index.js";
import { errorOf } from "./ikit-error.js";

describe("imageSize", () => {
  it("keeps the given width and height", () => {
    expect(imageSize({ width: 640, height: 480, transformation: [{ width: 10, height: 10 }] })).toEqual({
      width: 640,
      height: 480,
    });
    expect(imageSize({ width: "100%" })).toEqual({ width: "100%" });
  });

  it("takes the width from the first step that has a numeric one, and the height from its aspect", () => {
    expect(imageSize({ transformation: [{ width: "iw_div_2" }, { width: 400, height: 200 }] })).toEqual({
      width: 400,
      height: 200,
    });
    expect(imageSize({ width: 800, transformation: [{ width: 400, height: 200 }] })).toEqual({
      width: 800,
      height: 400,
    });
    expect(imageSize({ width: "300", transformation: [{ width: "600", height: "450" }] })).toEqual({
      width: "300",
      height: 225,
    });
  });

  it("reads an aspectRatio such as 4-3", () => {
    expect(imageSize({ transformation: [{ width: 400, aspectRatio: "4-3" }] })).toEqual({ width: 400, height: 300 });
    expect(imageSize({ width: 160, transformation: [{ aspectRatio: "16-9" }] })).toEqual({ width: 160, height: 90 });
  });

  it("leaves out what cannot be known (units, expressions, nothing to go by)", () => {
    expect(imageSize({})).toEqual({});
    expect(imageSize({ width: "50vw", transformation: [{ width: 400, height: 200 }] })).toEqual({ width: "50vw" });
    expect(imageSize({ transformation: [{ height: 300 }] })).toEqual({});
    expect(imageSize({ transformation: [{ width: 400, aspectRatio: "ih_div_iw" }] })).toEqual({ width: 400 });
    expect(imageSize({ transformation: [{ width: Number.POSITIVE_INFINITY, height: 2 }] })).toEqual({});
  });

  it("reads nothing from a transformation that is not an array of steps, without throwing", () => {
    const hostile: unknown[] = [{ width: 400 }, "w-400", 5, [null, { width: 400, height: 200 }], [undefined, 7]];
    expect(hostile.map((transformation) => imageSize({ transformation: transformation as never }))).toEqual([
      {},
      {},
      {},
      { width: 400, height: 200 },
      {},
    ]);
  });

  it("refuses a transformation of length 2^32-1 by its length (INVALID_VALUE), as the URL builder does, never walks it", () => {
    const transformation: Transformation[] = [];
    transformation.length = 2 ** 32 - 1;
    expect(errorOf(() => imageSize({ transformation })).code).toBe("INVALID_VALUE");
  });
});
