import { isExpression } from "@ikit/core";

/** Values of the expression variables the emulator knows: the original upload (`i*`) and the current step (`c*`). */
export interface ExpressionScope {
  iw: number;
  ih: number;
  cw: number;
  ch: number;
}

const PRECEDENCE: Record<string, number> = { add: 1, sub: 1, mul: 2, div: 2, mod: 2, pow: 3 };

function apply(op: string, left: number, right: number): number {
  switch (op) {
    case "add":
      return left + right;
    case "sub":
      return left - right;
    case "mul":
      return left * right;
    case "div":
      return left / right;
    case "mod":
      return left % right;
    default:
      return left ** right;
  }
}

/**
 * Evaluates an ImageKit arithmetic expression such as `iw_div_4` or `ih_mul_0.8_add_iw_mul_0.4` with the usual
 * precedence (`pow` before `mul`/`div`/`mod` before `add`/`sub`, left to right within a level). Returns `undefined`
 * for text that is not an expression or uses variables the emulator cannot know (`bw`, `bh`, `bar` of a layer's
 * base, video durations), so the caller reports it as ignored.
 *
 * @example
 * ```ts
 * evaluate("iw_div_4", { iw: 320, ih: 200, cw: 320, ch: 200 }); // 80
 * ```
 */
export function evaluate(text: string, scope: ExpressionScope): number | undefined {
  if (!isExpression(text)) return undefined;
  const variables: Record<string, number> = { ...scope, iar: scope.iw / scope.ih, car: scope.cw / scope.ch };
  const parts = text.split("_");
  const values: number[] = [];
  const ops: string[] = [];
  const reduce = () => {
    const right = values.pop() as number;
    const left = values.pop() as number;
    values.push(apply(ops.pop() as string, left, right));
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 1) {
      // pow is right-associative; the others reduce while the stack top binds at least as tightly.
      while (
        ops.length &&
        (PRECEDENCE[ops[ops.length - 1] as string] as number) >= (PRECEDENCE[part] as number) &&
        part !== "pow"
      )
        reduce();
      ops.push(part);
      continue;
    }
    const value = part in variables ? variables[part] : /^[\d.]+$/.test(part) ? Number(part) : undefined;
    if (value === undefined) return undefined;
    values.push(value);
  }
  while (ops.length) reduce();
  const result = values[0];
  return result !== undefined && Number.isFinite(result) ? result : undefined;
}
