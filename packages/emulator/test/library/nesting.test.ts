import { expect, it } from "vitest";
import { nestedTooDeep, parseClientJson } from "../../src/library/nesting.js";
import { parseQuery, QuerySyntaxError } from "../../src/library/query-language.js";
import { MAX_NESTING } from "../../src/limits.js";

it("measures JSON nesting in one pass, skipping brackets inside strings", () => {
  const at = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;
  expect(nestedTooDeep(at(MAX_NESTING))).toBe(false);
  expect(nestedTooDeep(at(MAX_NESTING + 1))).toBe(true);
  expect(nestedTooDeep(`{"a":"${"[".repeat(100)}\\"{{{{"}`)).toBe(false);
  expect(nestedTooDeep(`[${"{".repeat(MAX_NESTING)}`)).toBe(true);
  expect(parseClientJson('{"a":[1,{"b":2}]}')).toEqual({ a: [1, { b: 2 }] });
  expect(() => parseClientJson(at(100_000))).toThrow(RangeError);
  expect(() => parseClientJson("{nope")).toThrow(SyntaxError);
});

it("parses queries up to the nesting limit and refuses deeper ones with a syntax error", () => {
  const query = (depth: number) => `${"(".repeat(depth)}name = "a"${")".repeat(depth)}`;
  expect(parseQuery(query(MAX_NESTING))).toEqual({ kind: "condition", field: "name", op: "=", value: "a" });
  expect(() => parseQuery(query(MAX_NESTING + 1))).toThrowError(QuerySyntaxError);
  expect(() => parseQuery(query(50_000))).toThrowError(/nested deeper than 32/);
  // Sequential groups are not nesting.
  expect(() => parseQuery(Array(200).fill('(name = "a")').join(" OR "))).not.toThrow();
});
