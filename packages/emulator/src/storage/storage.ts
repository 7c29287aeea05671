import { type BlobStore, openBlobStore } from "./blobs.js";
import { diskPersistence, memoryPersistence, type Persistence } from "./persistence.js";

/**
 * Where the emulator keeps what it stores: records (one JSON document each) and blobs (file bytes). `C` maps each
 * record collection's name to its record type.
 *
 * @example
 * ```ts
 * const storage: Storage<Collections> = await openStorage("./.ikit-data", ["files", "folders"]);
 * ```
 */
export interface Storage<C> {
  records: Persistence<C>;
  blobs: BlobStore;
}

/**
 * Opens the storage: on disk under `data` (records in `data/meta/`, bytes in `data/blobs/`), or in memory when `data`
 * is undefined (records only in the library's maps; bytes in a temporary folder, so a 200 MB upload does not sit in
 * RAM, removed by `blobs.dispose()`).
 *
 * @example
 * ```ts
 * const { records, blobs } = await openStorage<Collections>(undefined, ["files"]); // in memory
 * ```
 */
export async function openStorage<C>(data: string | undefined, collections: (keyof C & string)[]): Promise<Storage<C>> {
  const records = data === undefined ? memoryPersistence<C>() : await diskPersistence<C>(data, collections);
  return { records, blobs: await openBlobStore(data) };
}
