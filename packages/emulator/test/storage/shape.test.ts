import { expect, it } from "vitest";
import { type Shape, shapeProblem } from "../../src/storage/shape.js";

it("says which field of a record read back from disk has the wrong shape", () => {
  const shape: Shape = { id: "string", tags: "string[]|null", note: "string?", items: [{ size: "number" }] };
  expect(shapeProblem({ id: "a", tags: null, items: [{ size: 1 }] }, shape)).toBeUndefined();
  expect(shapeProblem({ id: "a", tags: ["x"], note: "n", items: [{ size: 1 }] }, shape)).toBeUndefined();
  expect(shapeProblem({ tags: null, items: [{ size: 1 }] }, shape)).toBe("id is missing, expected string");
  expect(shapeProblem({ id: "a", tags: [1], items: [{ size: 1 }] }, shape)).toBe(
    "tags is [1], expected string[] or null",
  );
  expect(shapeProblem({ id: "a", tags: null, items: [] }, shape)).toBe(
    "items is an empty array, expected a non-empty array",
  );
  expect(shapeProblem({ id: "a", tags: null, items: [{ size: "big" }] }, shape)).toBe(
    'items[0].size is "big", expected number',
  );
  expect(shapeProblem([], shape)).toBe("the record is an empty array, expected an object");
  // Keys inherited from Object.prototype are not the record's.
  expect(shapeProblem(JSON.parse('{"tags":null,"items":[{"size":1}]}'), { constructor: "string" })).toBe(
    "constructor is missing, expected string",
  );
});
