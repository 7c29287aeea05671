import { access, copyFile, mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomToken } from "./ids.js";

/** Where file bytes live: `<root>/blobs/<blobId>`, with uploads streamed to `<root>/tmp/` first. */
export interface BlobStore {
  /** A fresh temporary path on the same file system as the blobs, so committing is a rename. */
  tempPath(): string;
  /** Moves a finished temporary file into place under `blobId` (atomic: a rename). */
  commit(tempPath: string, blobId: string): Promise<void>;
  path(blobId: string): string;
  copy(fromBlobId: string, toBlobId: string): Promise<void>;
  remove(blobId: string): Promise<void>;
  exists(blobId: string): Promise<boolean>;
  /** Removes every blob whose id is not in `keep`: bytes a kill left without the record that would point to them. */
  removeAllBut(keep: Set<string>): Promise<void>;
  /** Removes a memory-mode store's temporary folder; a data folder is kept. */
  dispose(): Promise<void>;
}

/**
 * A blob store under `root` (the `--data` folder), or under a new temporary folder removed on close when `root` is
 * undefined. Paths are built from generated ids only, never from file names or folders a client sent.
 *
 * @example
 * ```ts
 * const blobs = await openBlobStore("./.ikit-data");
 * await blobs.commit(tempPath, versionId);
 * ```
 */
export async function openBlobStore(root: string | undefined): Promise<BlobStore> {
  const base = root ?? (await mkdtemp(join(tmpdir(), "ikit-emulator-")));
  const blobs = join(base, "blobs");
  const temp = join(base, "tmp");
  await mkdir(blobs, { recursive: true });
  await mkdir(temp, { recursive: true });
  // Uploads cut off by a kill never reached their rename; their halves are dropped here.
  for (const name of await readdir(temp)) await rm(join(temp, name), { force: true });
  const path = (blobId: string) => join(blobs, blobId.replace(/[^A-Za-z0-9_-]/g, "_"));
  return {
    tempPath: () => join(temp, `${Date.now()}-${randomToken(9)}`),
    commit: (tempPath, blobId) => rename(tempPath, path(blobId)),
    path,
    copy: (from, to) => copyFile(path(from), path(to)),
    remove: (blobId) => rm(path(blobId), { force: true }),
    exists: (blobId) =>
      access(path(blobId)).then(
        () => true,
        () => false,
      ),
    async removeAllBut(keep) {
      const kept = new Set([...keep].map(path));
      for (const name of await readdir(blobs))
        if (!kept.has(join(blobs, name))) await rm(join(blobs, name), { force: true });
    },
    dispose: async () => {
      if (root === undefined) await rm(base, { recursive: true, force: true });
    },
  };
}
