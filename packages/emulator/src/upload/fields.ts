import { IkitError, parseTransformation, type Transformation } from "@ikit/core";
import { validateTransformation } from "@ikit/core/strict";
import { apiErrors } from "../errors/imagekit-errors.js";
import { checkCoordinates, checkTags } from "../library/attributes.js";
import { parseClientJson } from "../library/nesting.js";
import { RESPONSE_FIELDS, type ResponseField } from "./response.js";

// Parsing and validating the upload API's text fields, one function per field kind.

/** Reads a boolean field sent as `"true"`/`"false"`; a 400 names the field otherwise. */
export function booleanField(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw apiErrors.invalidParameter(name, `expected true or false, got ${JSON.stringify(value.slice(0, 50))}`);
}

/**
 * `tags` as a comma-separated string, a JSON array or repeated fields; ≤ 500 characters in all, no `%`.
 *
 * @example
 * ```ts
 * tagsField(["summer, sale"]); // ["summer", "sale"]
 * tagsField(['["a b","c"]']); // ["a b", "c"]
 * ```
 */
export function tagsField(values: string[] | undefined): string[] | undefined {
  if (!values || values.length === 0) return undefined;
  let tags: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed.startsWith("[")) {
      const parsed = jsonField(trimmed, "tags");
      if (!Array.isArray(parsed) || !parsed.every((tag) => typeof tag === "string"))
        throw apiErrors.invalidValue("tags", "Send a comma-separated string or a JSON array of strings.");
      tags.push(...parsed);
      continue;
    }
    tags.push(...trimmed.split(","));
  }
  tags = tags.map((tag) => tag.trim()).filter((tag) => tag !== "");
  return checkTags(tags, "tags");
}

/** `customCoordinates` as `x,y,width,height`; empty means not sent. */
export function coordinatesField(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : checkCoordinates(value);
}

/**
 * A JSON field (`customMetadata`, `extensions`, `transformation`, `tags`); invalid JSON, or JSON nested deeper than
 * the emulator walks, is a 400 naming the field.
 */
export function jsonField(value: string | undefined, name: string): unknown {
  if (value === undefined || value.trim() === "") return undefined;
  try {
    return parseClientJson(value);
  } catch (error) {
    throw error instanceof RangeError ? apiErrors.nestedTooDeep(name) : apiErrors.invalidJsonField(name, value);
  }
}

/** `responseFields` as a comma-separated string or repeated fields, each one ImageKit knows. */
export function responseFieldsField(values: string[] | undefined): ResponseField[] {
  const fields = (values ?? [])
    .flatMap((value) => value.split(","))
    .map((field) => field.trim())
    .filter(Boolean);
  for (const field of fields) {
    if (!(RESPONSE_FIELDS as readonly string[]).includes(field)) {
      throw apiErrors.invalidParameter(
        "responseFields",
        `${JSON.stringify(field)} is not one of ${RESPONSE_FIELDS.join(", ")}`,
      );
    }
  }
  return fields as ResponseField[];
}

/** Parses and checks one transformation string (`w-300,h-300:rt-90`) with @ikit/core's parser and strict checks. */
function transformationSteps(text: unknown): Transformation[] {
  if (typeof text !== "string" || text.trim() === "" || /[/?#\s]/.test(text)) throw apiErrors.invalidTransformation();
  const steps = parseTransformation(text);
  for (const token of text.split(/[,:]/)) {
    if (!/^[a-z][a-z0-9]*(-.*)?$/i.test(token))
      throw apiErrors.invalidTransformation(`${JSON.stringify(token)} is not a transformation parameter.`);
  }
  try {
    validateTransformation(steps);
  } catch (error) {
    if (error instanceof IkitError) throw apiErrors.invalidTransformation(error.message);
    throw error;
  }
  return steps;
}

/** An upload's `transformation`: `{ pre?: string, post?: [{ type, value?, protocol? }] }`, as the OpenAPI schema says. */
export function uploadTransformationField(
  value: unknown,
): { pre?: Transformation[]; post: Record<string, unknown>[] } | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw apiErrors.invalidTransformation();
  const { pre, post, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length)
    throw apiErrors.invalidTransformation(`Unknown key ${Object.keys(rest)[0]}; use pre and post.`);
  const result: { pre?: Transformation[]; post: Record<string, unknown>[] } = { post: [] };
  if (pre !== undefined) result.pre = transformationSteps(pre);
  if (post !== undefined) {
    if (!Array.isArray(post)) throw apiErrors.invalidTransformation("post must be an array.");
    for (const item of post as Record<string, unknown>[]) {
      const type = item?.type;
      const allowed: Record<string, string[]> = {
        transformation: ["type", "value"],
        "gif-to-video": ["type", "value"],
        thumbnail: ["type", "value"],
        abs: ["type", "value", "protocol"],
      };
      // `type` is client text: `constructor` or `__proto__` must not find Object's own members.
      const keys = typeof type === "string" && Object.hasOwn(allowed, type) ? allowed[type] : undefined;
      if (!keys || Object.keys(item).some((key) => !keys.includes(key)))
        throw apiErrors.invalidTransformation(`Bad post item ${JSON.stringify(item).slice(0, 200)}.`);
      if (type === "transformation") transformationSteps(item.value);
      else if (type === "abs") {
        if (item.protocol !== "hls" && item.protocol !== "dash")
          throw apiErrors.invalidTransformation("abs needs protocol hls or dash.");
        if (typeof item.value !== "string" || !/^sr-\d+(_\d+)*$/.test(item.value))
          throw apiErrors.invalidTransformation("abs value must look like sr-240_360_720.");
      } else if (item.value !== undefined) transformationSteps(item.value);
      result.post.push(item);
    }
  }
  return result;
}
