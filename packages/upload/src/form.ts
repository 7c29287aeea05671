import type { AuthenticationParameters } from "@ikit/core";
import type { UploadFields, UploadSource } from "./options.js";

/**
 * The multipart body of one attempt, fields serialized as ImageKit reads them: lists comma-joined, objects as JSON,
 * everything else as text. A `Blob` is appended as is (the browser streams it from disk); bytes become a `Blob` over the
 * same memory; strings (URL, base64) go as text.
 *
 * @example
 * ```ts
 * const form = uploadForm(file, { fileName: "a.jpg", publicKey: "public_…", tags: ["x", "y"] }, auth);
 * form.get("tags"); // "x,y"
 * ```
 */
export function uploadForm(file: UploadSource, fields: UploadFields, auth: AuthenticationParameters): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...fields, ...auth })) {
    if (value === undefined) continue;
    // null is an "object": JSON.stringify(null) is "null", as String(null) would be.
    form.append(
      name,
      typeof value !== "object"
        ? String(value)
        : Array.isArray(value) && name !== "extensions"
          ? value.join(",")
          : JSON.stringify(value),
    );
  }
  if (typeof file === "string") form.append("file", file);
  else form.append("file", file instanceof Blob ? file : new Blob([file as BlobPart]), fields.fileName);
  return form;
}
