import { apiErrors } from "../errors/imagekit-errors.js";

// Media-library paths are keys in the metadata, never file-system paths: blobs are stored under generated ids. The
// checks below still refuse traversal-looking input with a clear 400 so a client bug shows up here, not in production.

function decodeFully(text: string): string {
  let current = text;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Whether a name or path, decoded, climbs out of its folder (`..`), uses `\`, NUL or a drive letter.
 *
 * @example
 * ```ts
 * looksLikeTraversal("%2e%2e/etc"); // true
 * looksLikeTraversal("/products/shoes"); // false
 * ```
 */
export function looksLikeTraversal(text: string): boolean {
  const decoded = decodeFully(text);
  if (/[\\\0]/.test(decoded) || /^[a-zA-Z]:/.test(decoded)) return true;
  return decoded.split("/").some((segment) => segment === ".." || segment === ".");
}

const NAME_UNSAFE = /[^\p{L}\p{M}\p{N}._-]/gu;
const FOLDER_UNSAFE = /[^\p{L}\p{M}\p{N}/_-]/gu;

/**
 * The stored file name for an upload's `fileName`: characters other than letters, digits, `.`, `_` and `-` become `_`,
 * as ImageKit does. A name that is a path (`a/b.jpg`, `../x`, `%2e%2e`) is refused.
 *
 * @example
 * ```ts
 * cleanFileName("red shoe (1).jpg"); // "red_shoe__1_.jpg"
 * cleanFileName("../x.jpg"); // throws ApiError 400
 * ```
 */
export function cleanFileName(raw: string, field = "fileName"): string {
  const trimmed = raw.trim();
  if (trimmed === "") throw apiErrors.missingFileName(field);
  if (looksLikeTraversal(trimmed) || decodeFully(trimmed).includes("/")) {
    throw apiErrors.invalidParameter(
      field,
      `${JSON.stringify(trimmed.slice(0, 100))} is a path, not a file name. Send the folder in the folder parameter and a plain name here`,
      { reason: "INVALID_FILE_NAME" },
    );
  }
  if (trimmed.length > 1024) throw apiErrors.invalidParameter(field, "longer than 1024 characters");
  return trimmed.replace(NAME_UNSAFE, "_");
}

/**
 * A folder path as stored: leading `/`, no trailing `/`, no empty segments, unsafe characters as `_`; `""` is the root.
 * `..`, `.`, `\`, percent-encoded dots, drive letters and paths over 1024 characters are refused with a 400.
 *
 * @example
 * ```ts
 * cleanFolder("/products//shoes/"); // "/products/shoes"
 * cleanFolder("/"); // ""
 * ```
 */
export function cleanFolder(raw: string, field = "folder"): string {
  // Every level of a folder becomes a folder record: a path thousands of levels deep would be thousands of records.
  if (raw.length > 1024)
    throw apiErrors.invalidParameter(field, "longer than 1024 characters", { reason: "INVALID_FOLDER_PATH" });
  if (looksLikeTraversal(raw)) {
    throw apiErrors.invalidParameter(
      field,
      `${JSON.stringify(raw.slice(0, 100))} contains '.', '..', '\\' or a drive letter. '.' & '..' can not be used as folder-name`,
      { reason: "INVALID_FOLDER_PATH" },
    );
  }
  const segments = raw
    .split("/")
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
  return segments.length === 0 ? "" : `/${segments.map((segment) => segment.replace(FOLDER_UNSAFE, "_")).join("/")}`;
}

/**
 * A file path (`/folder/name.jpg`) split into its folder (`/folder`, or `""` for the root) and name.
 *
 * @example
 * ```ts
 * splitFilePath("/a/b/c.jpg"); // { folder: "/a/b", name: "c.jpg" }
 * ```
 */
export function splitFilePath(raw: string, field = "filePath"): { folder: string; name: string } {
  if (typeof raw !== "string" || raw.trim() === "") throw apiErrors.missingParameter(field, true);
  const at = raw.lastIndexOf("/");
  const folder = cleanFolder(at === -1 ? "" : raw.slice(0, at), field);
  const name = raw.slice(at + 1);
  if (name === "" || looksLikeTraversal(name)) {
    throw apiErrors.invalidParameter(field, JSON.stringify(raw.slice(0, 100)), { reason: "INVALID_PARAMETER" });
  }
  return { folder, name };
}

/**
 * `folder + "/" + name` for a cleaned folder.
 *
 * @example
 * ```ts
 * joinPath("", "a.jpg"); // "/a.jpg"
 * ```
 */
export function joinPath(folder: string, name: string): string {
  return `${folder}/${name}`;
}

/**
 * Whether `path` is `folder` itself or inside it (both cleaned). The root `""` contains everything.
 *
 * @example
 * ```ts
 * isInside("/a/b", "/a"); // true
 * isInside("/ab", "/a"); // false
 * ```
 */
export function isInside(path: string, folder: string): boolean {
  return folder === "" || path === folder || path.startsWith(`${folder}/`);
}
