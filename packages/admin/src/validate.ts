// Input checks run before any request, so a mistake is a clear InvalidInputError, not a round trip and a 400.
import { invalid } from "./errors.js";

/** The `sort` values of `GET /v1/files`. */
export const SORTS = [
  "ASC_NAME",
  "DESC_NAME",
  "ASC_CREATED",
  "DESC_CREATED",
  "ASC_UPDATED",
  "DESC_UPDATED",
  "ASC_HEIGHT",
  "DESC_HEIGHT",
  "ASC_WIDTH",
  "DESC_WIDTH",
  "ASC_SIZE",
  "DESC_SIZE",
  "ASC_RELEVANCE",
  "DESC_RELEVANCE",
] as const;

/** Checks the private key: present, text, and not the public key by mistake. */
export function checkKey(privateKey: unknown): asserts privateKey is string {
  if (typeof privateKey !== "string" || privateKey === "") {
    invalid("privateKey is required: pass your ImageKit private API key (server or edge only, from the environment).");
  }
  if (privateKey.startsWith("public_")) {
    invalid(
      "privateKey looks like a public key (it starts with public_): pass the private key, which starts with private_.",
    );
  }
  if (!/^[\x21-\x7e]+$/.test(privateKey)) {
    invalid("privateKey holds spaces or non-ASCII characters: copy it again from the ImageKit dashboard.");
  }
}

/** Checks an id (file, version, job, purge request, field) and returns it encoded for a path segment. */
export function checkId(id: unknown, what: string): string {
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
    const shown = typeof id === "string" ? JSON.stringify(id.slice(0, 40)) : typeof id;
    invalid(`${what} must be an ImageKit id (letters, digits, _ or -), got ${shown}.`);
  }
  return id;
}

/** Checks a non-empty list of ids. */
export function checkIds(ids: unknown, what: string, max: number): string[] {
  if (!Array.isArray(ids) || ids.length === 0) invalid(`${what} must be a non-empty array of ids.`);
  if (ids.length > max) invalid(`${what} has ${ids.length} ids; ImageKit takes at most ${max} per call.`);
  return ids.map((id, i) => checkId(id, `${what}[${i}]`));
}

/** Checks a non-empty list of tags. */
export function checkTags(tags: unknown, what: string): string[] {
  if (!Array.isArray(tags) || tags.length === 0 || tags.some((t) => typeof t !== "string" || t === "")) {
    invalid(`${what} must be a non-empty array of non-empty strings, like ["sale", "summer"].`);
  }
  return tags;
}

/** Checks a path such as `/folder/file.jpg` or `/folder`. */
export function checkPath(path: unknown, what: string): string {
  if (typeof path !== "string" || path === "") invalid(`${what} must be a path such as "/products/shoes".`);
  return path;
}

/** Checks the paging and sort options of a list call. */
export function checkListQuery(query: { limit?: unknown; skip?: unknown; sort?: unknown }): void {
  const { limit, skip, sort } = query;
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 1000)) {
    invalid(`limit must be a whole number from 1 to 1000 (got ${String(limit)}).`);
  }
  if (skip !== undefined && !(Number.isInteger(skip) && (skip as number) >= 0)) {
    invalid(`skip must be a whole number ≥ 0 (got ${String(skip)}).`);
  }
  if (sort !== undefined && !(SORTS as readonly unknown[]).includes(sort)) {
    invalid(`sort ${JSON.stringify(sort)} is not one of ${SORTS.join(", ")}.`);
  }
}
