import { apiErrors } from "../errors/imagekit-errors.js";
import {
  compare,
  evaluate,
  type Literal,
  type Operator,
  parseQuery,
  parseSize,
  QuerySyntaxError,
} from "../library/query-language.js";

/** What an upload's `checks` can look at. */
export interface CheckSubject {
  size: number;
  mime: string;
  /** The request's folder as sent, e.g. `marketing/`. */
  folder: string;
}

function textTest(actual: string, op: Operator, value: Literal | Literal[] | undefined): boolean | undefined {
  if (op === "IN" || op === "NOT IN") {
    if (!Array.isArray(value)) return undefined;
    const found = value.map(String).includes(actual);
    return op === "IN" ? found : !found;
  }
  if (typeof value !== "string") return undefined;
  if (op === "=") return actual === value;
  if (op === "NOT =") return actual !== value;
  if (op === ":") return actual.startsWith(value);
  return undefined;
}

function normaliseFolder(folder: string): string {
  const trimmed = folder.replace(/^\/+/, "");
  return trimmed === "" || trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

/**
 * Runs an upload's `checks` (ImageKit's syntax, e.g. `"file.size" < "1mb" AND "file.mime" : "image/"`) on
 * `file.size` (bytes or `"500kb"`-style sizes), `file.mime` and `request.folder`. Bad syntax or an unsupported
 * field is a 400 "invalid syntax"; a check that does not hold is a 400 "failed 'checks' validation".
 *
 * @example
 * ```ts
 * runChecks('"file.size" < "1mb"', { size: 2_000_000, mime: "image/png", folder: "/" }); // throws ApiError 400
 * ```
 */
export function runChecks(source: string, subject: CheckSubject): void {
  let tree: ReturnType<typeof parseQuery>;
  try {
    tree = parseQuery(source);
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      throw apiErrors.invalidSyntax("checks", error.message);
    }
    throw error;
  }
  const passed = evaluate(tree, ({ field, op, value }) => {
    let result: boolean | undefined;
    if (field === "file.size") {
      const expected = value === undefined || Array.isArray(value) ? undefined : parseSize(value);
      result = expected === undefined ? undefined : compare(subject.size, op, expected);
    } else if (field === "file.mime") {
      result = textTest(subject.mime, op, value);
    } else if (field === "request.folder") {
      const wanted = Array.isArray(value)
        ? value.map((v) => normaliseFolder(String(v)))
        : typeof value === "string"
          ? normaliseFolder(value)
          : value;
      result = textTest(normaliseFolder(subject.folder), op, wanted);
    } else {
      throw apiErrors.invalidSyntax(
        "checks",
        `the emulator supports "file.size", "file.mime" and "request.folder", not ${JSON.stringify(field)}`,
      );
    }
    if (result === undefined) {
      throw apiErrors.invalidSyntax(
        "checks",
        `operator ${op} does not apply to ${JSON.stringify(field)} with value ${JSON.stringify(value)}`,
      );
    }
    return result;
  });
  if (!passed) throw apiErrors.checksFailed();
}
