// ImageKit's rules on the attributes a client sets on a file version, shared by the upload API and the details update.
import { apiErrors } from "../errors/imagekit-errors.js";
import type { AITag } from "./records.js";

/**
 * The limits ImageKit puts on tags (combined length ≤ 500, no `%`), duplicates removed.
 *
 * @example
 * ```ts
 * checkTags(["a", "a", "b"], "tags"); // ["a", "b"]
 * ```
 */
export function checkTags(tags: string[], name: string): string[] {
  if (tags.join("").length > 500) {
    throw apiErrors.invalidValue(name, "Combined length of all tags should be less than or equal to 500.");
  }
  if (tags.some((tag) => tag.includes("%"))) {
    throw apiErrors.invalidValue(name, "The % character is not allowed in tags.");
  }
  return [...new Set(tags)];
}

/**
 * `customCoordinates` as `x,y,width,height` of non-negative integers (surrounding spaces dropped).
 *
 * @example
 * ```ts
 * checkCoordinates(" 10,10,100,100 "); // "10,10,100,100"
 * checkCoordinates("10,10"); // throws ApiError 400
 * ```
 */
export function checkCoordinates(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!/^\d+,\d+,\d+,\d+$/.test(text)) {
    const got = typeof value === "string" ? JSON.stringify(value.slice(0, 50)) : `a value of type ${typeof value}`;
    throw apiErrors.invalidParameter(
      "customCoordinates",
      `expected "x,y,width,height" such as "10,10,100,100", got ${got}`,
    );
  }
  return text;
}

/**
 * A file's `description`: a string of at most 1,000 characters.
 *
 * @example
 * ```ts
 * checkDescription("A red shoe"); // "A red shoe"
 * ```
 */
export function checkDescription(value: unknown): string {
  if (typeof value !== "string") throw apiErrors.invalidParameter("description", "expected a string");
  if (value.length > 1000) throw apiErrors.invalidParameter("description", "longer than 1000 characters");
  return value;
}

/**
 * AI tags without those named (`"all"`: none left, `null`).
 *
 * @example
 * ```ts
 * withoutAITags([{ name: "Shirt", confidence: 90, source: "google-auto-tagging" }], ["Shirt"]); // []
 * ```
 */
export function withoutAITags(tags: AITag[] | null, names: string[] | "all"): AITag[] | null {
  if (names === "all") return null;
  return tags?.filter((tag) => !names.includes(tag.name)) ?? null;
}
