// The local side of a transfer: the regular files under a folder, with the path relative to it (always with "/")
// and the size sync compares.
import { opendir, stat } from "node:fs/promises";
import nodePath, { join, type PlatformPath, relative, sep } from "node:path";
import { CliError, isNodeError } from "../errors.js";

/**
 * A regular file found under the folder being sent.
 *
 * @example
 * ```ts
 * const file: LocalFile = { abs: "/home/me/photos/a.jpg", rel: "a.jpg", size: 48213 };
 * ```
 */
export interface LocalFile {
  abs: string;
  /** Relative to the folder walked, "/"-separated. */
  rel: string;
  size: number;
}

/**
 * Checks that `dir` is an existing folder: LOCAL_NOT_FOUND (exit 4) or USAGE (exit 2) otherwise.
 *
 * @example
 * ```ts
 * await requireLocalDir("./photos");
 * ```
 */
export async function requireLocalDir(dir: string): Promise<void> {
  const info = await stat(dir).catch((error) => {
    if (isNodeError(error) && error.code === "ENOENT") {
      throw new CliError("LOCAL_NOT_FOUND", `${dir} does not exist: give the local folder to send.`, dir);
    }
    throw error;
  });
  if (!info.isDirectory()) throw new CliError("USAGE", `${dir} is not a folder; \`ikit upload\` sends files.`, dir);
}

/**
 * Every regular file under `dir`, depth first. Symbolic links and special files are skipped (`onSkip` hears why).
 *
 * @example
 * ```ts
 * for await (const file of walkLocal("./photos")) console.log(file.rel, file.size);
 * ```
 */
export async function* walkLocal(dir: string, onSkip: (path: string) => void = () => {}): AsyncGenerator<LocalFile> {
  const stack = [dir];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    for await (const entry of await opendir(current)) {
      const abs = join(current, entry.name);
      if (entry.isDirectory()) stack.push(abs);
      else if (entry.isFile()) {
        // A file removed between the listing and here is simply not part of this run.
        const info = await stat(abs).catch(() => undefined);
        if (info) yield { abs, rel: relative(dir, abs).split(sep).join("/"), size: info.size };
      } else onSkip(abs);
    }
  }
}

/**
 * Where a file of a downloaded folder lands: `root` joined with its "/"-separated path under the remote folder. A
 * name the server sends is data: one that would land outside `root` (a `..`, or on Windows a `\` making one) is
 * refused with a REMOTE error rather than written.
 *
 * @example
 * ```ts
 * localPath("./backup", "shoes/a.jpg"); // "backup/shoes/a.jpg"
 * ```
 */
export function localPath(root: string, remote: string, path: PlatformPath = nodePath): string {
  const target = path.join(root, ...remote.split("/"));
  const rel = path.relative(root, target);
  if (!rel || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    throw new CliError(
      "REMOTE",
      `the server listed a file named ${JSON.stringify(remote)}, which would be written outside ${root}; it was skipped.`,
      remote,
    );
  return target;
}
