import { describe, expect, it } from "vitest";
import {
  compare,
  conditions,
  evaluate,
  parseQuery,
  parseSize,
  QuerySyntaxError,
} from "../../src/library/query-language.js";

describe("parseQuery", () => {
  it("parses conditions with every operator, quoted field names and literal kinds", () => {
    expect(parseQuery('name = "a.jpg"')).toEqual({ kind: "condition", field: "name", op: "=", value: "a.jpg" });
    expect(parseQuery('"file.size" <= "1mb"')).toEqual({
      kind: "condition",
      field: "file.size",
      op: "<=",
      value: "1mb",
    });
    expect(parseQuery("width > 100")).toMatchObject({ op: ">", value: 100 });
    expect(parseQuery("private = true")).toMatchObject({ op: "=", value: true });
    expect(parseQuery('tags IN ["a", "b"]')).toMatchObject({ op: "IN", value: ["a", "b"] });
    expect(parseQuery('tags NOT IN ["a"]')).toMatchObject({ op: "NOT IN", value: ["a"] });
    expect(parseQuery('format NOT = "png"')).toMatchObject({ op: "NOT =", value: "png" });
    expect(parseQuery('path : "/a"')).toMatchObject({ op: ":", value: "/a" });
    expect(parseQuery("x EXISTS")).toMatchObject({ op: "EXISTS", value: undefined });
    expect(parseQuery('name = "say \\"hi\\""')).toMatchObject({ value: 'say "hi"' });
  });

  it("binds AND tighter than OR, and parentheses override", () => {
    const flat = parseQuery("a = 1 OR b = 2 AND c = 3");
    expect(flat).toMatchObject({ kind: "or", items: [{ field: "a" }, { kind: "and" }] });
    const grouped = parseQuery("(a = 1 OR b = 2) AND c = 3");
    expect(grouped).toMatchObject({ kind: "and", items: [{ kind: "or" }, { field: "c" }] });
    expect(conditions(grouped).map((condition) => condition.field)).toEqual(["a", "b", "c"]);
  });

  it("says where a query is malformed", () => {
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["name =", /value is missing/],
      ['name = "open', /unterminated string starting at character 8/],
      ["name", /expected an operator/],
      ["(a = 1", /expected \)/],
      ['tags IN "a"', /expected \[ after IN/],
      ['tags IN ["a"', /expected , or \] at the end of the query/],
      ["tags IN [", /a list is missing its closing \]/],
      ["a = 1 b = 2", /unexpected at character 7/],
      ["a NOT LIKE 1", /expected IN, = or EXISTS after NOT/],
    ];
    for (const [query, message] of cases) {
      expect(() => parseQuery(query), query).toThrow(QuerySyntaxError);
      expect(() => parseQuery(query), query).toThrow(message);
    }
  });
});

describe("evaluate", () => {
  it("decides each condition with the test and combines them with AND and OR", () => {
    const truth = new Set(["a", "c"]);
    const holds = (query: string) => evaluate(parseQuery(query), (condition) => truth.has(condition.field));
    expect(holds("a = 1 AND c = 1")).toBe(true);
    expect(holds("a = 1 AND b = 1")).toBe(false);
    expect(holds("b = 1 OR c = 1")).toBe(true);
    expect(holds("(b = 1 OR a = 1) AND (c = 1 OR b = 1)")).toBe(true);
  });
});

describe("parseSize and compare", () => {
  it("reads sizes in b, kb, mb and gb (1024-based), case-insensitive", () => {
    expect(parseSize(500)).toBe(500);
    expect(parseSize("500")).toBe(500);
    expect(parseSize("1kb")).toBe(1024);
    expect(parseSize("1.5 MB")).toBe(1.5 * 1024 ** 2);
    expect(parseSize("2gb")).toBe(2 * 1024 ** 3);
    expect(parseSize("lots")).toBeUndefined();
    expect(parseSize(true)).toBeUndefined();
  });

  it("compares with the numeric operators only", () => {
    expect(compare(5, "<=", 5)).toBe(true);
    expect(compare(5, "<", 5)).toBe(false);
    expect(compare(6, ">", 5)).toBe(true);
    expect(compare(5, ">=", 6)).toBe(false);
    expect(compare(5, "=", 5)).toBe(true);
    expect(compare(5, "NOT =", 5)).toBe(false);
    expect(compare(5, ":", 5)).toBeUndefined();
    expect(compare(5, "IN", 5)).toBeUndefined();
  });
});
