// Arithmetic expression helpers and their checks.
import { describe, expect, it } from "vitest";
import { div, isExpression, mul, sub } from "../src/index.js";
import { errorOf } from "./ikit-error.js";

describe("expressions", () => {
  it("builds and checks arithmetic expressions", () => {
    expect(div("iw", 4)).toBe("iw_div_4");
    expect(sub("ch", 20)).toBe("ch_sub_20");
    expect(mul("bw", 0.5)).toBe("bw_mul_0.5");
    expect(mul(div("ih", 2), 3)).toBe("ih_div_2_mul_3");
    expect(isExpression("ih_mul_0.8_add_iw_mul_0.4")).toBe(true);
    expect(isExpression("iw_divide_4")).toBe(false);
    expect(isExpression("zz_div_2")).toBe(false);
    expect(errorOf(() => div("iw", -1)).code).toBe("INVALID_EXPRESSION");
    expect(errorOf(() => div("nope" as never, 2)).code).toBe("INVALID_EXPRESSION");
  });
});
