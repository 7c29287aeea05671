/**
 * The expected shape of a JSON document read back from disk: a type name (`"string"`, `"number"`, `"boolean"`,
 * `"object"`, `"string[]"`, `"object[]"`), alternatives joined with `|` (`"string|null"`), a trailing `?` for a key
 * that may be absent; an object of shapes for a nested object, or `[shape]` for a non-empty array of them.
 *
 * @example
 * ```ts
 * const shape: Shape = { id: "string", tags: "string[]|null", versions: [{ size: "number" }] };
 * ```
 */
export type Shape = string | { [key: string]: Shape } | [Shape];

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty array";
    return value.every((item) => typeof item === "string") ? "string[]" : "array";
  }
  return typeof value;
}

function matches(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "string[]":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "object[]":
      return Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

/**
 * What is wrong with `value` for `shape` (`versions[0].size is "big", expected number`), or `undefined` when it fits.
 * Keys the shape does not name are allowed.
 *
 * @example
 * ```ts
 * shapeProblem({ id: 1 }, { id: "string" }); // "id is 1, expected string"
 * shapeProblem({ id: "a" }, { id: "string" }); // undefined
 * ```
 */
export function shapeProblem(value: unknown, shape: Shape, at = ""): string | undefined {
  const name = at === "" ? "the record" : at;
  if (typeof shape === "string") {
    const optional = shape.endsWith("?");
    if (value === undefined) return optional ? undefined : `${name} is missing, expected ${shape}`;
    const types = shape.replace(/\?$/, "").split("|");
    if (types.some((type) => matches(value, type))) return undefined;
    const shown = JSON.stringify(value)?.slice(0, 40) ?? typeOf(value);
    return `${name} is ${shown}, expected ${types.join(" or ")}`;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value) || value.length === 0)
      return `${name} is ${value === undefined ? "missing" : typeOf(value)}, expected a non-empty array`;
    for (const [index, item] of value.entries()) {
      const problem = shapeProblem(item, shape[0], `${at}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!matches(value, "object"))
    return `${name} is ${value === undefined ? "missing" : typeOf(value)}, expected an object`;
  for (const [key, inner] of Object.entries(shape)) {
    const field = Object.hasOwn(value as object, key) ? (value as Record<string, unknown>)[key] : undefined;
    const problem = shapeProblem(field, inner, at === "" ? key : `${at}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}
