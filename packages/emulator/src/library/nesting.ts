import { MAX_NESTING } from "../limits.js";

/**
 * Whether JSON text nests arrays and objects deeper than {@link MAX_NESTING}, found with one pass over the text (no
 * recursion, strings skipped), so it is safe to run before `JSON.parse`.
 *
 * @example
 * ```ts
 * nestedTooDeep("[[1]]"); // false
 * nestedTooDeep("[".repeat(20_000)); // true
 * ```
 */
export function nestedTooDeep(json: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > MAX_NESTING) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}

/**
 * `JSON.parse` for client input: text nested deeper than {@link MAX_NESTING} throws a `RangeError` saying so, before
 * it is parsed; text that is not JSON throws `JSON.parse`'s `SyntaxError`.
 *
 * @example
 * ```ts
 * parseClientJson('{"a":[1]}'); // { a: [1] }
 * parseClientJson("[".repeat(100) + "]".repeat(100)); // throws RangeError
 * ```
 */
export function parseClientJson(text: string): unknown {
  if (nestedTooDeep(text)) throw new RangeError(`it is nested deeper than ${MAX_NESTING} levels`);
  return JSON.parse(text);
}
