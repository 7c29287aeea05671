// What a sync has to do, decided before anything is sent: each local file is new (no remote file at its path),
// changed (a remote file of another size) or unchanged; with --delete, remote files with no local counterpart go.
import type { FileDetails } from "@ikit/core";
import { CliError } from "../errors.js";
import { joinRemote, storedFolderPath, storedName } from "../remote-path.js";
import type { LocalFile } from "./local-tree.js";
import type { PutJob } from "./put-once.js";

/**
 * One upload of a sync, with why it is needed.
 *
 * @example
 * ```ts
 * const upload: PlannedUpload = { path: "/photos/a.jpg", reason: "new", size: 10, localPath: "a.jpg", folder: "/photos", name: "a.jpg" };
 * ```
 */
export type PlannedUpload = PutJob & { path: string; reason: "new" | "changed"; size: number };

/**
 * The whole plan.
 *
 * @example
 * ```ts
 * const { uploads, unchanged, deletes } = planSync(localFiles, remoteFiles, "/photos", { delete: false });
 * ```
 */
export interface SyncPlan {
  uploads: PlannedUpload[];
  unchanged: number;
  /** Remote files to delete (only with --delete). */
  deletes: { path: string; fileId: string }[];
}

/**
 * The remote path a local file goes to: each folder and the name as ImageKit stores them.
 *
 * @example
 * ```ts
 * remoteTarget("/my photos", "2025 trip/beach day.jpg"); // { folder: "/my_photos/2025_trip", name: "beach_day.jpg" }
 * ```
 */
export function remoteTarget(folder: string, rel: string): { folder: string; name: string; path: string } {
  const parts = rel.split("/");
  const name = storedName(parts.pop() ?? "");
  const target = storedFolderPath([folder, ...parts].join("/"));
  return { folder: target, name, path: joinRemote(target, name) };
}

/**
 * Compares local files with the remote files under `folder` (by path, name and size) and lists what to do. Two
 * local files that ImageKit would store at one path are refused before anything is sent.
 *
 * @example
 * ```ts
 * const plan = planSync(local, new Map([["/photos/a.jpg", fileDetails]]), "/photos", { delete: true, tags: [] });
 * ```
 */
export function planSync(
  local: readonly LocalFile[],
  remote: ReadonlyMap<string, FileDetails>,
  folder: string,
  options: { delete: boolean; tags?: string[] | undefined },
): SyncPlan {
  const plan: SyncPlan = { uploads: [], unchanged: 0, deletes: [] };
  const claimed = new Map<string, string>();
  for (const file of local) {
    const target = remoteTarget(folder, file.rel);
    const other = claimed.get(target.path);
    if (other !== undefined) {
      throw new CliError(
        "USAGE",
        `${other} and ${file.rel} would both be stored as ${target.path} (ImageKit turns characters other than letters, digits, ".", "_" and "-" into "_"); rename one. Nothing was sent.`,
        target.path,
      );
    }
    claimed.set(target.path, file.rel);
    const existing = remote.get(target.path);
    if (existing && existing.size === file.size) {
      plan.unchanged++;
      continue;
    }
    plan.uploads.push({
      path: target.path,
      localPath: file.abs,
      folder: target.folder,
      name: target.name,
      size: file.size,
      tags: options.tags,
      reason: existing ? "changed" : "new",
      replaces: existing ? { fileId: existing.fileId ?? "", versionId: existing.versionInfo?.id ?? "" } : undefined,
    });
  }
  if (options.delete) {
    // Only what is under the folder synced: a listing that strays outside it (a server's bug) deletes nothing there.
    const under = folder === "/" ? "/" : `${folder}/`;
    for (const [path, file] of remote) {
      if (!claimed.has(path) && file.fileId && path.startsWith(under)) plan.deletes.push({ path, fileId: file.fileId });
    }
  }
  return plan;
}
