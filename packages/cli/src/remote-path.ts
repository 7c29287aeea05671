// Remote paths as the CLI takes them ("/products/a.jpg", "products/a.jpg", "/products/") and how they map to what
// ImageKit stores: names are kept to letters, digits, ".", "_" and "-" (the rest become "_"), as ImageKit does.
import { CliError } from "./errors.js";

/**
 * A remote path with one leading slash, no empty or trailing segments; `..` and `.` are refused.
 *
 * @example
 * ```ts
 * remotePath("products//shoes/"); // "/products/shoes"
 * remotePath("/"); // "/"
 * ```
 */
export function remotePath(raw: string): string {
  const segments = raw.split("/").filter((s) => s !== "");
  if (segments.some((s) => s === "." || s === "..")) {
    throw new CliError("USAGE", `remote paths cannot hold "." or ".." segments (got ${JSON.stringify(raw)}).`, raw);
  }
  return `/${segments.join("/")}`;
}

/**
 * The folder and name of a remote path.
 *
 * @example
 * ```ts
 * splitRemote("/products/a.jpg"); // { parent: "/products", name: "a.jpg" }
 * ```
 */
export function splitRemote(path: string): { parent: string; name: string } {
  const clean = remotePath(path);
  const at = clean.lastIndexOf("/");
  return { parent: at <= 0 ? "/" : clean.slice(0, at), name: clean.slice(at + 1) };
}

/**
 * `folder/name`, without a double slash at the root.
 *
 * @example
 * ```ts
 * joinRemote("/", "a.jpg"); // "/a.jpg"
 * ```
 */
export function joinRemote(folder: string, name: string): string {
  return remotePath(`${folder}/${name}`);
}

const NAME_UNSAFE = /[^\p{L}\p{M}\p{N}._-]/gu;
const FOLDER_UNSAFE = /[^\p{L}\p{M}\p{N}_-]/gu;

/**
 * The name ImageKit stores a file under: characters other than letters, digits, `.`, `_` and `-` become `_`.
 *
 * @example
 * ```ts
 * storedName("summer sale.jpg"); // "summer_sale.jpg"
 * ```
 */
export function storedName(name: string): string {
  return name.trim().replace(NAME_UNSAFE, "_");
}

/**
 * The name ImageKit stores a folder under (a folder keeps no `.`).
 *
 * @example
 * ```ts
 * storedFolderName("2025 photos"); // "2025_photos"
 * ```
 */
function storedFolderName(name: string): string {
  return name.trim().replace(FOLDER_UNSAFE, "_");
}

/**
 * A folder path as ImageKit stores it: each segment through {@link storedFolderName}.
 *
 * @example
 * ```ts
 * storedFolderPath("/2025 photos/summer"); // "/2025_photos/summer"
 * ```
 */
export function storedFolderPath(path: string): string {
  return remotePath(remotePath(path).split("/").map(storedFolderName).join("/"));
}

/**
 * Whether `value` is an ImageKit id (a file id is 24 hex digits) rather than a path.
 *
 * @example
 * ```ts
 * isFileId("6b04f1a3c9e2d7b8a1f0c3e2"); // true
 * ```
 */
export function isFileId(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value);
}
