import { UploadError } from "./errors.js";
import type { UploadOptions, UploadSource } from "./options.js";

// Messages are short on purpose: they ship in every browser bundle (see the size budget in the README).
function bad(message: string, value?: unknown): never {
  throw new UploadError("VALIDATION", message, value);
}

/** Plain objects, arrays and JSON primitives only: what `JSON.stringify` keeps as is, without cycles. */
function isJson(value: unknown, depth = 0): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || value === null)
    return value === null || typeof value === "string" || typeof value === "boolean";
  const proto = Object.getPrototypeOf(value);
  return (
    depth < 20 &&
    (Array.isArray(value) || proto === Object.prototype || proto === null) &&
    Object.values(value).every((item) => isJson(item, depth + 1))
  );
}

/** Whether a file's MIME type or name matches one `accept` entry (`image/*`, `image/png`, `.pdf`). */
function accepts(entry: string, type: string, name: string): boolean {
  const rule = entry.trim().toLowerCase();
  return rule[0] === "."
    ? name.toLowerCase().endsWith(rule)
    : rule.endsWith("/*")
      ? type.startsWith(rule.slice(0, -1))
      : type === rule;
}

/** Whether `post` items each have a known type and the fields that type needs. */
const postOk = (post: unknown) =>
  Array.isArray(post) &&
  post.every(
    ({ type, value, protocol } = {}) =>
      (type === "abs" ? value && /^(hls|dash)$/.test(protocol) : type !== "transformation" || value) &&
      /^(transformation|gif-to-video|thumbnail|abs)$/.test(type),
  );

/**
 * Checks the file and options before any byte is sent and returns the file's size in bytes (0 for a URL or base64
 * string); throws an `UploadError` with code `VALIDATION` saying what to fix, with the offending value.
 *
 * @example
 * ```ts
 * validateUpload(file, { fileName: "a.jpg", publicKey, authenticator, maxFileSize: 1e6 }); // throws when larger
 * ```
 */
export function validateUpload(file: UploadSource, o: UploadOptions): number {
  const { fileName: name, tags, transformation: t, customMetadata: meta, maxFileSize: max, accept } = o;
  // ImageKit replaces odd characters with "_"; a path or control character is a mistake, not a name.
  if (typeof name !== "string" || !/^(?!\.\.?$)[^/\\\0-\x1f]+$/.test(name)) {
    bad('fileName must be a name like "a.jpg", without / \\ or control characters (put paths in folder)', name);
  }
  if (!o.publicKey) bad("publicKey is required");
  if (!o.authenticator && !(o.token && o.signature && o.expire))
    bad("Pass authenticator, or token, expire and signature");
  const size = typeof file === "string" ? 0 : file instanceof Blob ? file.size : file?.byteLength;
  if (typeof size !== "number" || file === "") bad("file must be a Blob, bytes, a URL or a base64 string", file);
  if (size > (max ?? size)) bad(`The file has ${size} bytes, over maxFileSize ${max}`, size);
  const type = file instanceof Blob ? file.type : "";
  if (accept?.length && !accept.some((rule) => accepts(rule, type, name))) {
    bad(`${name} (${type || "no type"}) is not in accept: ${accept}`, name);
  }
  if (tags && !(Array.isArray(tags) && tags.join("").length <= 500 && tags.every((tag) => /^[^%,]+$/.test(tag)))) {
    bad("tags must be non-empty strings without % or commas, 500 characters in all", tags);
  }
  if (
    t &&
    !((t.pre || t.post) && (t.pre === undefined || (typeof t.pre === "string" && t.pre)) && (!t.post || postOk(t.post)))
  ) {
    bad("transformation must have pre (a string) and/or post ({ type, value, protocol? } items)", t);
  }
  if (meta && !(isJson(meta) && !Array.isArray(meta)))
    bad("customMetadata must be a plain object of JSON values", meta);
  if (o.customCoordinates !== undefined && !/^\d+,\d+,\d+,\d+$/.test(o.customCoordinates)) {
    bad('customCoordinates must be "x,y,width,height"', o.customCoordinates);
  }
  return size;
}
