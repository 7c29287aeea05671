// What is at a remote path: a file, a folder or nothing, found through the list API; and the streamed walk of a
// folder tree that `ls --recursive`, `sync` and `download` share (one page in memory at a time).
import type { AdminClient, ListItem } from "@ikit/admin";
import type { FileDetails, Folder } from "@ikit/core";
import { CliError } from "./errors.js";
import { isFileId, joinRemote, remotePath, splitRemote } from "./remote-path.js";

/**
 * What a remote path names.
 *
 * @example
 * ```ts
 * const target: RemoteTarget = { kind: "folder", path: "/products" };
 * ```
 */
export type RemoteTarget = { kind: "file"; path: string; file: FileDetails } | { kind: "folder"; path: string };

/** The largest page the list API serves: the fewest round trips for a walk. */
const PAGE = 1000;

/**
 * The current version of the file at `path`, or undefined.
 *
 * @example
 * ```ts
 * const file = await findFile(admin, "/products/a.jpg");
 * ```
 */
export async function findFile(admin: AdminClient, path: string): Promise<FileDetails | undefined> {
  const { parent, name } = splitRemote(path);
  if (name === "" || /["\\]/.test(name)) return undefined; // ImageKit never stores such a name
  const page = await admin.listFiles({ path: parent, searchQuery: `name = ${JSON.stringify(name)}`, limit: 10 });
  return page.find((item): item is FileDetails => item.type !== "folder" && item.name === name);
}

/**
 * Whether a folder exists at `path` (the root always does).
 *
 * @example
 * ```ts
 * if (!(await folderExists(admin, "/products"))) await admin.createFolder({ folderName: "products", parentFolderPath: "/" });
 * ```
 */
export async function folderExists(admin: AdminClient, path: string): Promise<boolean> {
  const clean = remotePath(path);
  if (clean === "/") return true;
  const { parent } = splitRemote(clean);
  for await (const item of admin.iterateFiles({ path: parent, type: "folder", limit: PAGE })) {
    if (item.type === "folder" && remotePath((item as Folder).folderPath ?? "") === clean) return true;
  }
  return false;
}

/**
 * What `path` names, or a NOT_FOUND error that says how to look.
 *
 * @example
 * ```ts
 * const target = await resolveRemote(admin, "/products/a.jpg"); // { kind: "file", path, file }
 * ```
 */
export async function resolveRemote(admin: AdminClient, path: string): Promise<RemoteTarget> {
  const clean = remotePath(path);
  if (clean !== "/" && !path.endsWith("/")) {
    const file = await findFile(admin, clean);
    if (file) return { kind: "file", path: clean, file };
  }
  if (await folderExists(admin, clean)) return { kind: "folder", path: clean };
  const { parent } = splitRemote(clean);
  throw new CliError("NOT_FOUND", `${clean} does not exist; \`ikit ls ${parent}\` shows what is there.`, clean);
}

/**
 * The file id a command was given: an id as it is, a path looked up.
 *
 * @example
 * ```ts
 * const id = await fileIdOf(admin, "/products/a.jpg");
 * ```
 */
export async function fileIdOf(admin: AdminClient, target: string): Promise<string> {
  if (isFileId(target)) return target;
  const target_ = await resolveRemote(admin, target);
  if (target_.kind !== "file") {
    throw new CliError("USAGE", `${target_.path} is a folder; this command takes a file path or a file id.`, target);
  }
  return target_.file.fileId ?? "";
}

/**
 * Options of {@link walkRemote}.
 *
 * @example
 * ```ts
 * const walk: WalkOptions = { recursive: true, versions: false, foldersOnly: false };
 * ```
 */
export interface WalkOptions {
  /** Into sub-folders, breadth first. */
  recursive: boolean;
  /** Also the non-current versions of each folder's files (`type: "file-version"`). */
  versions: boolean;
  /** Folders only (`lsd`). */
  foldersOnly: boolean;
}

/**
 * Every item under `folder`, streamed page by page: memory stays one page plus the queue of folder paths to visit.
 *
 * @example
 * ```ts
 * for await (const item of walkRemote(admin, "/", { recursive: true, versions: false, foldersOnly: false })) {
 *   console.log(item.type === "folder" ? item.folderPath : item.filePath);
 * }
 * ```
 */
export async function* walkRemote(admin: AdminClient, folder: string, options: WalkOptions): AsyncGenerator<ListItem> {
  const queue = [remotePath(folder)];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const type = options.foldersOnly ? "folder" : "all";
    for await (const item of admin.iterateFiles({ path, type, sort: "ASC_NAME", limit: PAGE })) {
      if (item.type === "folder") {
        if (options.recursive) queue.push(joinRemote(path, item.name ?? ""));
      }
      yield item;
    }
    if (options.versions && !options.foldersOnly) {
      yield* admin.iterateFiles({ path, type: "file-version", sort: "ASC_NAME", limit: PAGE });
    }
  }
}
