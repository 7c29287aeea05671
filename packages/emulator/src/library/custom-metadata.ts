import { apiErrors } from "../errors/imagekit-errors.js";
import type { FieldRecord, FieldType } from "./records.js";

const TYPES: FieldType[] = ["Text", "Textarea", "Number", "Date", "Boolean", "SingleSelect", "MultiSelect"];

function invalidSchema(detail: string): never {
  throw apiErrors.invalidSchema(detail);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isDate(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Checks a field's `schema` as ImageKit does: a known `type`; `selectOptions` for (and only for) the select types;
 * `minValue`/`maxValue` only for Number (numbers) and Date (ISO 8601); `minLength`/`maxLength` only for the text types;
 * a `defaultValue` that is itself valid, required when `isValueRequired` is true.
 *
 * @example
 * ```ts
 * checkFieldSchema({ type: "Number", minValue: 1, maxValue: 10 }); // the schema
 * checkFieldSchema({ type: "SingleSelect" }); // throws ApiError 400: needs selectOptions
 * ```
 */
export function checkFieldSchema(schema: unknown): FieldRecord["schema"] {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema))
    invalidSchema("schema must be an object.");
  const s = schema as Record<string, unknown>;
  const type = s.type as FieldType;
  if (!TYPES.includes(type)) invalidSchema(`schema.type must be one of ${TYPES.join(", ")}.`);
  const known = [
    "type",
    "selectOptions",
    "defaultValue",
    "isValueRequired",
    "minValue",
    "maxValue",
    "minLength",
    "maxLength",
  ];
  for (const key of Object.keys(s)) if (!known.includes(key)) invalidSchema(`schema.${key} is not a schema property.`);
  const select = type === "SingleSelect" || type === "MultiSelect";
  if (select) {
    if (!Array.isArray(s.selectOptions) || s.selectOptions.length === 0 || !s.selectOptions.every(isScalar)) {
      invalidSchema(`${type} needs selectOptions: a non-empty array of strings, numbers or booleans.`);
    }
  } else if (s.selectOptions !== undefined)
    invalidSchema(`selectOptions is only for SingleSelect and MultiSelect, not ${type}.`);
  for (const key of ["minValue", "maxValue"] as const) {
    if (s[key] === undefined) continue;
    if (type === "Number" ? typeof s[key] !== "number" : type === "Date" ? !isDate(s[key]) : true) {
      invalidSchema(`${key} is only for Number (a number) and Date (an ISO 8601 date) fields.`);
    }
  }
  for (const key of ["minLength", "maxLength"] as const) {
    if (s[key] === undefined) continue;
    if ((type !== "Text" && type !== "Textarea") || typeof s[key] !== "number" || (s[key] as number) < 0) {
      invalidSchema(`${key} is only for Text and Textarea fields, as a number ≥ 0.`);
    }
  }
  if (s.isValueRequired !== undefined && typeof s.isValueRequired !== "boolean")
    invalidSchema("isValueRequired must be a boolean.");
  const result = { ...s, type } as FieldRecord["schema"];
  if (s.isValueRequired === true && s.defaultValue === undefined)
    invalidSchema("a required field needs a defaultValue.");
  if (s.defaultValue !== undefined) {
    const problem = valueProblem(s.defaultValue, result);
    if (problem) invalidSchema(`defaultValue: ${problem}`);
  }
  return result;
}

/** Why `value` does not fit `schema`, or `undefined` when it does. */
function valueProblem(value: unknown, schema: FieldRecord["schema"]): string | undefined {
  switch (schema.type) {
    case "Text":
    case "Textarea": {
      if (typeof value !== "string") return "expected a string";
      if (schema.minLength !== undefined && value.length < schema.minLength) return `shorter than ${schema.minLength}`;
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return `longer than ${schema.maxLength}`;
      return;
    }
    case "Number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "expected a number";
      if (typeof schema.minValue === "number" && value < schema.minValue) return `less than ${schema.minValue}`;
      if (typeof schema.maxValue === "number" && value > schema.maxValue) return `greater than ${schema.maxValue}`;
      return;
    }
    case "Date": {
      if (!isDate(value)) return "expected an ISO 8601 date string";
      const time = Date.parse(value);
      if (schema.minValue !== undefined && time < Date.parse(String(schema.minValue)))
        return `before ${schema.minValue}`;
      if (schema.maxValue !== undefined && time > Date.parse(String(schema.maxValue)))
        return `after ${schema.maxValue}`;
      return;
    }
    case "Boolean":
      return typeof value === "boolean" ? undefined : "expected true or false";
    case "SingleSelect":
      return schema.selectOptions?.includes(value as string)
        ? undefined
        : `expected one of ${JSON.stringify(schema.selectOptions)}`;
    case "MultiSelect":
      return Array.isArray(value) && value.every((item) => schema.selectOptions?.includes(item))
        ? undefined
        : `expected an array of ${JSON.stringify(schema.selectOptions)}`;
  }
}

/**
 * Validates custom metadata values against the defined (not deleted) fields and merges them onto `base`: unknown
 * keys, mistyped or out-of-range values are a 400 "Invalid custom metadata." with the details in `errors`;
 * `null` unsets a key; required fields missing from the result get their `defaultValue`.
 *
 * @example
 * ```ts
 * applyCustomMetadata({ price: 10, color: null }, store.fields.values(), { color: "red" }); // { price: 10 }
 * ```
 */
export function applyCustomMetadata(
  values: unknown,
  fields: Iterable<FieldRecord>,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw apiErrors.invalidCustomMetadata("customMetadata must be a JSON object of field names to values.");
  }
  const live = new Map<string, FieldRecord>();
  for (const field of fields) if (!field.deleted) live.set(field.name, field);
  // Field names are client text: `__proto__` or `constructor` must be plain keys, so no object here has a prototype.
  const errors: Record<string, string> = Object.create(null);
  const result: Record<string, unknown> = Object.assign(Object.create(null), base);
  for (const [key, value] of Object.entries(values)) {
    const field = live.get(key);
    if (!field) {
      errors[key] =
        "no custom metadata field with this name exists: create it first with POST /v1/customMetadataFields";
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const problem = valueProblem(value, field.schema);
    if (problem) errors[key] = problem;
    else result[key] = value;
  }
  for (const field of live.values()) {
    if (field.schema.isValueRequired && result[field.name] === undefined && field.schema.defaultValue !== undefined) {
      result[field.name] = field.schema.defaultValue;
    }
  }
  const keys = Object.keys(errors);
  if (keys.length) {
    throw apiErrors.invalidCustomMetadata(`${keys.map((key) => `${key}: ${errors[key]}`).join("; ")}.`, errors);
  }
  // Stored as an ordinary object (a prototype-less one is slow to read and serialise); fromEntries keeps `__proto__`
  // an own key, and readers look values up with Object.hasOwn.
  return Object.fromEntries(Object.entries(result));
}
