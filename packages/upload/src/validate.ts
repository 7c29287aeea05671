import { UploadError } from "./errors.js";
import type { UploadOptions, UploadSource } from "./options.js";

// Messages are terse on purpose: they ship in every browser bundle (see the size budget in the README).

/** Plain objects, arrays and JSON primitives only: what `JSON.stringify` keeps as is (no cycles, dates, NaN…). */
const isJson = (value: unknown, depth = 0): boolean =>
  typeof value === "object"
    ? !value ||
      (depth < 20 &&
        [Array.prototype, Object.prototype, null].includes(Object.getPrototypeOf(value)) &&
        Object.values(value).every((item) => isJson(item, depth + 1)))
    : typeof value === "string" || typeof value === "boolean" || Number.isFinite(value);

/** Whether a file's MIME type or name matches one `accept` entry (`image/*`, `image/png`, `.pdf`). */
function accepts(entry: string, type: string, name: string): boolean {
  const rule = entry.trim().toLowerCase();
  return rule[0] === "."
    ? name.toLowerCase().endsWith(rule)
    : rule.endsWith("/*")
      ? type.startsWith(rule.slice(0, -1))
      : type === rule;
}

/** `post` items, each of a known type with the fields that type needs. */
const isPost = (post: unknown) =>
  Array.isArray(post) &&
  post.every(
    // Object(): a null or primitive item has no fields (and fails), instead of throwing a TypeError here.
    (item) => {
      const { type, value, protocol } = Object(item);
      return (
        /^(transformation|gif-to-video|thumbnail|abs)$/.test(type) &&
        (type === "abs" ? value && /^(hls|dash)$/.test(protocol) : type !== "transformation" || value)
      );
    },
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
  const size = typeof file === "string" ? 0 : file instanceof Blob ? file.size : file?.byteLength;
  const type = file instanceof Blob ? file.type : "";
  const bad = (message: string, value: unknown) => {
    throw new UploadError("VALIDATION", message, value);
  };
  // ImageKit replaces odd characters with "_"; a path or control character is a mistake, not a name.
  if (typeof name !== "string" || !/^(?!\.\.?$)[^/\\\0-\x1f]+$/.test(name)) {
    bad('fileName must be a plain name like "a.jpg" (no path)', name);
  }
  if (!o.publicKey) bad("publicKey is required", o.publicKey);
  if (!o.authenticator && !(o.token && o.signature && o.expire))
    bad("Pass authenticator, or token, expire and signature", o);
  if (typeof size !== "number" || file === "") bad("file must be a Blob, bytes, a URL or base64", file);
  if (size > (max ?? size)) bad(`file has ${size} bytes, over maxFileSize`, size);
  // A list, or the comma-separated text of an input's `accept` attribute.
  const rules = typeof accept === "string" ? (accept.match(/[^,\s]+/g) ?? []) : accept;
  if (rules && !(Array.isArray(rules) && rules.every((rule) => typeof rule === "string")))
    bad("accept must be MIME types and extensions", accept);
  if (rules?.length && !rules.some((rule) => accepts(rule, type, name))) bad(`${type || name} is not in accept`, name);
  if (
    tags &&
    !(
      Array.isArray(tags) &&
      tags.every((tag) => typeof tag === "string" && /^[^%,]+$/.test(tag)) &&
      tags.join("").length <= 500
    )
  ) {
    bad("tags must be strings without % or commas, ≤ 500 characters in all", tags);
  }
  if (t && !((t.pre || t.post) && (t.pre ?? "x") && typeof (t.pre ?? "") === "string" && (!t.post || isPost(t.post)))) {
    bad("transformation must be { pre?: string, post?: [{ type, value }] }", t);
  }
  if (meta && !(isJson(meta) && !Array.isArray(meta)))
    bad("customMetadata must be a plain object of JSON values", meta);
  return size as number;
}
