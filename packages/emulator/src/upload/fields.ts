import { IkitError, parseUrl, type Transformation, validateTransformation } from "@ikit/core";
import { ApiError } from "../errors/api-error.js";
import { RESPONSE_FIELDS } from "../library/details.js";
import { parseClientJson } from "../library/nesting.js";

// Parsing and validating the upload API's text fields, one function per field kind.

/** Reads a boolean field sent as `"true"`/`"false"`; a 400 names the field otherwise. */
export function booleanField(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new ApiError(
    400,
    `Your request contains invalid ${name} parameter: expected true or false, got ${JSON.stringify(value.slice(0, 50))}.`,
  );
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
      if (!Array.isArray(parsed) || !parsed.every((tag) => typeof tag === "string")) {
        throw new ApiError(
          400,
          "Your request contains invalid value for tags parameter. Send a comma-separated string or a JSON array of strings.",
        );
      }
      tags.push(...parsed);
      continue;
    }
    tags.push(...trimmed.split(","));
  }
  tags = tags.map((tag) => tag.trim()).filter((tag) => tag !== "");
  return checkTags(tags, "tags");
}

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
    throw new ApiError(
      400,
      `Your request contains invalid value for ${name} parameter. Combined length of all tags should be less than or equal to 500.`,
    );
  }
  if (tags.some((tag) => tag.includes("%"))) {
    throw new ApiError(
      400,
      `Your request contains invalid value for ${name} parameter. The % character is not allowed in tags.`,
    );
  }
  return [...new Set(tags)];
}

/** `customCoordinates` as `x,y,width,height` of non-negative integers. */
export function coordinatesField(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d+,\d+,\d+,\d+$/.test(value.trim())) {
    throw new ApiError(
      400,
      `Your request contains invalid customCoordinates parameter: expected "x,y,width,height" such as "10,10,100,100", got ${JSON.stringify(value.slice(0, 50))}.`,
    );
  }
  return value.trim();
}

/** A JSON field (`customMetadata`, `extensions`, `transformation`); invalid JSON is a 400 naming the field. */
export function jsonField(value: string | undefined, name: string): unknown {
  if (value === undefined || value.trim() === "") return undefined;
  try {
    return parseClientJson(value);
  } catch (error) {
    throw new ApiError(
      400,
      error instanceof RangeError
        ? `Your request contains invalid ${name} parameter: ${error.message}.`
        : `Your request contains invalid JSON in the ${name} parameter: ${JSON.stringify(value.slice(0, 80))} does not parse.`,
    );
  }
}

/** `responseFields` as a comma-separated string or repeated fields, each one ImageKit knows. */
export function responseFieldsField(values: string[] | undefined): string[] {
  const fields = (values ?? [])
    .flatMap((value) => value.split(","))
    .map((field) => field.trim())
    .filter(Boolean);
  for (const field of fields) {
    if (!(RESPONSE_FIELDS as readonly string[]).includes(field)) {
      throw new ApiError(
        400,
        `Your request contains invalid responseFields parameter: ${JSON.stringify(field)} is not one of ${RESPONSE_FIELDS.join(", ")}.`,
      );
    }
  }
  return fields;
}

const EXTENSIONS = [
  "remove-bg",
  "google-auto-tagging",
  "aws-auto-tagging",
  "ai-auto-description",
  "ai-tasks",
  "saved-extension",
];

/** `extensions`: an array of `{ name, … }` with known names. Returns the names. */
export function extensionsField(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new ApiError(400, "Your request contains invalid extensions parameter: expected a JSON array.");
  const names = value.map((extension) => {
    const name = (extension as { name?: unknown })?.name;
    if (typeof name !== "string" || !EXTENSIONS.includes(name)) {
      throw new ApiError(
        400,
        `Your request contains invalid extensions parameter: extension name ${JSON.stringify(name)?.slice(0, 100)} is not one of ${EXTENSIONS.join(", ")}.`,
      );
    }
    if ((name === "google-auto-tagging" || name === "aws-auto-tagging") && extension.maxTags === undefined) {
      throw new ApiError(
        400,
        `Your request contains invalid extensions parameter: ${name} needs maxTags and minConfidence.`,
      );
    }
    return name;
  });
  // Each extension sends a webhook: a name listed a thousand times still runs (and is reported) once.
  return [...new Set(names)];
}

/** `webhookUrl`: an absolute http(s) URL. */
export function webhookUrlField(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError(
      400,
      `Your request contains invalid webhookUrl parameter: ${JSON.stringify(value.slice(0, 80))} is not a URL.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ApiError(400, "Your request contains invalid webhookUrl parameter: use an http(s) URL.");
  return url.href;
}

const INVALID_TRANSFORMATION = "The file could not be uploaded because the transformation field is invalid.";

/** Parses and checks one transformation string (`w-300,h-300:rt-90`) with @ikit/core's parser and strict checks. */
function transformationSteps(text: unknown): Transformation[] {
  if (typeof text !== "string" || text.trim() === "" || /[/?#\s]/.test(text))
    throw new ApiError(400, INVALID_TRANSFORMATION);
  const steps = parseUrl(`http://x/tr:${text}/f`, { urlEndpoint: "http://x" }).transformation;
  for (const token of text.split(/[,:]/)) {
    if (!/^[a-z][a-z0-9]*(-.*)?$/i.test(token))
      throw new ApiError(400, `${INVALID_TRANSFORMATION} ${JSON.stringify(token)} is not a transformation parameter.`);
  }
  try {
    validateTransformation(steps);
  } catch (error) {
    if (error instanceof IkitError) throw new ApiError(400, `${INVALID_TRANSFORMATION} ${error.message}`);
    throw error;
  }
  return steps;
}

/** An upload's `transformation`: `{ pre?: string, post?: [{ type, value?, protocol? }] }`, as the OpenAPI schema says. */
export function uploadTransformationField(
  value: unknown,
): { pre?: Transformation[]; post: Record<string, unknown>[] } | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ApiError(400, INVALID_TRANSFORMATION);
  const { pre, post, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length)
    throw new ApiError(400, `${INVALID_TRANSFORMATION} Unknown key ${Object.keys(rest)[0]}; use pre and post.`);
  const result: { pre?: Transformation[]; post: Record<string, unknown>[] } = { post: [] };
  if (pre !== undefined) result.pre = transformationSteps(pre);
  if (post !== undefined) {
    if (!Array.isArray(post)) throw new ApiError(400, `${INVALID_TRANSFORMATION} post must be an array.`);
    for (const item of post as Record<string, unknown>[]) {
      const type = item?.type;
      const allowed: Record<string, string[]> = {
        transformation: ["type", "value"],
        "gif-to-video": ["type", "value"],
        thumbnail: ["type", "value"],
        abs: ["type", "value", "protocol"],
      };
      const keys = typeof type === "string" && Object.hasOwn(allowed, type) ? allowed[type] : undefined;
      if (!keys || Object.keys(item).some((key) => !keys.includes(key)))
        throw new ApiError(400, `${INVALID_TRANSFORMATION} Bad post item ${JSON.stringify(item).slice(0, 200)}.`);
      if (type === "transformation") transformationSteps(item.value);
      else if (type === "abs") {
        if (item.protocol !== "hls" && item.protocol !== "dash")
          throw new ApiError(400, `${INVALID_TRANSFORMATION} abs needs protocol hls or dash.`);
        if (typeof item.value !== "string" || !/^sr-\d+(_\d+)*$/.test(item.value))
          throw new ApiError(400, `${INVALID_TRANSFORMATION} abs value must look like sr-240_360_720.`);
      } else if (item.value !== undefined) transformationSteps(item.value);
      result.post.push(item);
    }
  }
  return result;
}
