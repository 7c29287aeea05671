import { apiErrors } from "../errors/imagekit-errors.js";
import {
  compare,
  conditions,
  evaluate,
  type Literal,
  type Operator,
  parseQuery,
  parseSize,
  type QueryNode,
  QuerySyntaxError,
} from "../library/query-language.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { filePathOf } from "../library/store.js";

/** An asset a search looks at: a file version (current or not) with its file. */
export interface Candidate {
  file: FileRecord;
  version: FileVersion;
}

/** The `searchQuery` fields the emulator evaluates; anything else is a 400 saying so. */
const SEARCH_FIELDS = [
  "name",
  "tags",
  "size",
  "createdAt",
  "updatedAt",
  "format",
  "type",
  "height",
  "width",
  "private",
  "published",
  "path",
  "customMetadata.<field>",
];

const RELATIVE = /^(\d+)\s*(s|m|h|d|w)$/;
const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

function unsupported(message: string): never {
  throw apiErrors.unsupportedSearch(message);
}

/** A date literal: ISO 8601, or relative (`"7d"` = 7 days ago; s, m, h, d, w). */
function timeOf(value: Literal, now: number): number {
  const text = String(value).trim();
  const relative = RELATIVE.exec(text);
  if (relative) return now - Number(relative[1]) * (SECONDS[relative[2] as string] as number) * 1000;
  const time = Date.parse(text);
  if (Number.isNaN(time))
    unsupported(`${JSON.stringify(text)} is not a date: use ISO 8601 or a relative value such as "7d", "24h", "30m".`);
  return time;
}

function textMatch(
  actual: string | undefined,
  op: Operator,
  value: Literal | Literal[] | undefined,
  field: string,
): boolean {
  switch (op) {
    case "=":
      return actual === String(value);
    case "NOT =":
      return actual !== String(value);
    case ":":
      return actual?.toLowerCase().startsWith(String(value).toLowerCase()) ?? false;
    case "IN":
      return (value as Literal[]).map(String).includes(actual as string);
    case "NOT IN":
      return !(value as Literal[]).map(String).includes(actual as string);
    default:
      return unsupported(`operator ${op} is not supported for ${field}; use =, :, IN or NOT IN.`);
  }
}

function numberMatch(
  actual: number | undefined,
  op: Operator,
  value: Literal | Literal[] | undefined,
  field: string,
  parse: (v: Literal) => number | undefined,
): boolean {
  if (op === "IN" || op === "NOT IN") {
    const found = (value as Literal[]).map(parse).includes(actual);
    return op === "IN" ? found : !found;
  }
  const expected = value === undefined || Array.isArray(value) ? undefined : parse(value);
  if (expected === undefined) unsupported(`${JSON.stringify(value)} is not a valid value for ${field}.`);
  const result = actual === undefined ? false : compare(actual, op, expected);
  if (result === undefined) unsupported(`operator ${op} is not supported for ${field}; use =, <, <=, >, >=.`);
  return result;
}

function test(
  candidate: Candidate,
  field: string,
  op: Operator,
  value: Literal | Literal[] | undefined,
  now: number,
): boolean {
  const { file, version } = candidate;
  if (op === "HAS" || op === "EXISTS" || op === "NOT EXISTS") unsupported(`the emulator does not implement ${op}.`);
  if ((op === "IN" || op === "NOT IN") && !Array.isArray(value)) unsupported(`${op} needs a list such as ["a", "b"].`);
  switch (field) {
    case "name":
      return textMatch(file.name, op, value, field);
    case "format":
      return textMatch(version.format, op, value, field);
    case "type":
      return textMatch(version.versionId === file.currentVersionId ? "file" : "file-version", op, value, field);
    case "path":
      if (op === ":") {
        const folder = String(value).replace(/\/+$/, "");
        return filePathOf(file).startsWith(`${folder}/`);
      }
      return textMatch(filePathOf(file), op, value, field);
    case "tags": {
      const tags = version.tags ?? [];
      const wanted = Array.isArray(value) ? value.map(String) : [String(value)];
      if (op === "IN" || op === "=") return wanted.some((tag) => tags.includes(tag));
      if (op === "NOT IN" || op === "NOT =") return !wanted.some((tag) => tags.includes(tag));
      return unsupported(`operator ${op} is not supported for tags; use IN, NOT IN, = or NOT =.`);
    }
    case "size":
      return numberMatch(version.size, op, value, field, parseSize);
    case "height":
    case "width":
      return numberMatch(version[field], op, value, field, (v) => (typeof v === "number" ? v : undefined));
    case "createdAt":
    case "updatedAt":
      return numberMatch(Date.parse(version[field]), op, value, field, (v) => timeOf(v, now));
    case "private":
    case "published": {
      if (op !== "=" && op !== "NOT =") unsupported(`use = with true or false for ${field}.`);
      const actual = field === "private" ? version.isPrivateFile : version.isPublished;
      return (actual === value) === (op === "=");
    }
    default: {
      if (field.startsWith("customMetadata.")) {
        const name = field.slice("customMetadata.".length);
        const actual = Object.hasOwn(version.customMetadata, name) ? version.customMetadata[name] : undefined;
        if (typeof actual === "number" || typeof value === "number") {
          return numberMatch(typeof actual === "number" ? actual : undefined, op, value, field, (v) =>
            typeof v === "number" ? v : Number(v),
          );
        }
        if (Array.isArray(actual)) {
          const wanted = Array.isArray(value) ? value : [value];
          const found = wanted.some((item) => actual.includes(item));
          return op === "NOT IN" || op === "NOT =" ? !found : found;
        }
        return textMatch(actual === undefined ? undefined : String(actual), op, value, field);
      }
      return unsupported(
        `field ${JSON.stringify(field)} is not supported by the emulator; it supports ${SEARCH_FIELDS.join(", ")}.`,
      );
    }
  }
}

const SAMPLE_VERSION: FileVersion = {
  versionId: "sample",
  name: "Version 1",
  blobId: "sample",
  size: 1,
  mime: "image/png",
  fileType: "image",
  format: "png",
  width: 1,
  height: 1,
  tags: [],
  AITags: null,
  customCoordinates: null,
  customMetadata: {},
  isPrivateFile: false,
  isPublished: true,
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
};
const SAMPLE: Candidate = {
  file: { fileId: "sample", name: "sample.png", folder: "", currentVersionId: "sample", versions: [SAMPLE_VERSION] },
  version: SAMPLE_VERSION,
};

/**
 * Compiles a `searchQuery` into a predicate over file versions, or a 400 naming what is malformed or unsupported.
 *
 * @example
 * ```ts
 * const match = compileSearch('createdAt > "7d" AND tags IN ["sale"]');
 * const recent = candidates.filter(match);
 * ```
 */
export function compileSearch(source: string, now = Date.now()): (candidate: Candidate) => boolean {
  let tree: QueryNode;
  try {
    tree = parseQuery(source);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw apiErrors.invalidSyntax("searchQuery", error.message);
    throw error;
  }
  // Every condition is tried once on a sample, so an unsupported field or operator is a 400 even on an empty library.
  for (const { field, op, value } of conditions(tree)) test(SAMPLE, field, op, value, now);
  return (candidate) => evaluate(tree, ({ field, op, value }) => test(candidate, field, op, value, now));
}
