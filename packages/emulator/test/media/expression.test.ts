import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/media/expression.js";

const scope = { iw: 400, ih: 200, cw: 100, ch: 50 };

describe("evaluate (ImageKit arithmetic expressions)", () => {
  it("reads the variables of the original (i*) and current (c*) image, aspect ratios included", () => {
    expect(evaluate("iw_div_4", scope)).toBe(100);
    expect(evaluate("ch_mul_2", scope)).toBe(100);
    expect(evaluate("iar_mul_10", scope)).toBe(20);
    expect(evaluate("car_mul_10", scope)).toBe(20);
  });

  it("applies pow before mul/div/mod before add/sub, left to right within a level", () => {
    expect(evaluate("iw_add_ih_mul_2", scope)).toBe(800);
    expect(evaluate("iw_sub_100_sub_50", scope)).toBe(250);
    expect(evaluate("iw_div_2_div_2", scope)).toBe(100);
    expect(evaluate("cw_mod_30_add_1", scope)).toBe(11);
    expect(evaluate("ch_add_2_pow_3", scope)).toBe(58);
  });

  it("is undefined for text that is no expression, unknown variables and non-finite results", () => {
    expect(evaluate("auto", scope)).toBeUndefined();
    expect(evaluate("bw_div_2", scope)).toBeUndefined();
    expect(evaluate("iw_div_0", scope)).toBeUndefined();
  });
});
