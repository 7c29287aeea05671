import { fail, show } from "./errors.js";

/**
 * Variables of ImageKit's arithmetic expressions: `i*` the input asset, `c*` the current state in the chain,
 * `b*` the base image under a layer; `w` width, `h` height, `ar` aspect ratio, `du` video duration.
 */
export type ExpressionVariable = "iw" | "ih" | "iar" | "cw" | "ch" | "car" | "bw" | "bh" | "bar" | "idu" | "cdu";

/** Operators of ImageKit's arithmetic expressions. */
export type ExpressionOperator = "add" | "sub" | "mul" | "div" | "mod" | "pow";

/** One side of an expression: a variable, a positive number or an expression built by these helpers. */
export type Operand = ExpressionVariable | number | Expression;

/** A checked expression string such as `"iw_div_4"`, usable wherever a {@link Dimension} is. */
export type Expression = `${ExpressionVariable | number}_${ExpressionOperator}_${string}`;

const VARIABLES = "iw, ih, iar, cw, ch, car, bw, bh, bar, idu, cdu";
const EXPRESSION =
  /^(?:[ic]w|[ic]h|[ic]ar|b[wh]|bar|[ic]du|\d+(?:\.\d+)?|\.\d+)(?:_(?:add|sub|mul|div|mod|pow)_(?:[ic]w|[ic]h|[ic]ar|b[wh]|bar|[ic]du|\d+(?:\.\d+)?|\.\d+))*$/;

function operand(value: Operand): string {
  if (typeof value === "number") {
    const text = String(value);
    // Below 1e-6 and from 1e21 JavaScript writes an exponent (`1e-7`), which ImageKit cannot read.
    if (!isExpression(text)) {
      fail(
        "INVALID_EXPRESSION",
        `expression numbers must be plain decimals ≥ 0 (got ${value}): ImageKit reads no sign, exponent, NaN or Infinity.`,
        value,
      );
    }
    return text;
  }
  if (!isExpression(value)) {
    fail("INVALID_EXPRESSION", `${show(value)} is not an expression variable (${VARIABLES}) or expression.`, value);
  }
  return value;
}

/* @__NO_SIDE_EFFECTS__ */
function operator(op: ExpressionOperator) {
  return (left: Operand, right: Operand): Expression => `${operand(left)}_${op}_${operand(right)}` as Expression;
}

/** `left_add_right`. @example `add("ih", 20)` → `"ih_add_20"` */
export const add = /* @__PURE__ */ operator("add");
/** `left_sub_right`. @example `sub("ch", 20)` → `"ch_sub_20"` */
export const sub = /* @__PURE__ */ operator("sub");
/** `left_mul_right`. @example `mul("bw", 0.5)` → `"bw_mul_0.5"` */
export const mul = /* @__PURE__ */ operator("mul");
/** `left_div_right`. @example `div("iw", 4)` → `"iw_div_4"` */
export const div = /* @__PURE__ */ operator("div");
/** `left_mod_right`. @example `mod("ch", 5)` → `"ch_mod_5"` */
export const mod = /* @__PURE__ */ operator("mod");
/** `left_pow_right`. @example `pow("iar", 2)` → `"iar_pow_2"` */
export const pow = /* @__PURE__ */ operator("pow");

/**
 * True when `value` is an ImageKit arithmetic expression or a bare variable: `iw_div_4`,
 * `ih_mul_0.8_add_iw_mul_0.4`, `bh`.
 *
 * @example
 * ```ts
 * isExpression("iw_div_4"); // true
 * isExpression("iw_divide_4"); // false
 * ```
 */
export function isExpression(value: unknown): value is string {
  return typeof value === "string" && EXPRESSION.test(value);
}
