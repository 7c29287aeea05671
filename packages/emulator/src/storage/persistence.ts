import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isId, randomToken } from "./ids.js";
import { KeyedQueue } from "./keyed-queue.js";

/**
 * Where records go: nowhere (in memory: they live only in the library's maps) or one JSON file per record under
 * `<data>/meta/<collection>/`. `C` maps each collection's name to its record type.
 *
 * @example
 * ```ts
 * const persistence: Persistence<{ files: FileRecord }> = memoryPersistence();
 * ```
 */
export interface Persistence<C> {
  put<K extends keyof C & string>(collection: K, key: string, record: C[K]): Promise<void>;
  remove(collection: keyof C & string, key: string): Promise<void>;
  load<K extends keyof C & string>(collection: K): Promise<C[K][]>;
}

/**
 * The in-memory implementation: nothing is written, nothing is loaded (the records live in the library's maps).
 *
 * @example
 * ```ts
 * const persistence = memoryPersistence<Collections>();
 * ```
 */
export function memoryPersistence<C>(): Persistence<C> {
  return { put: async () => {}, remove: async () => {}, load: async () => [] };
}

/** A file name for any key: keys are ids, but hashing keeps even an odd one inside its folder. */
function fileOf(key: string): string {
  return isId(key) ? `${key}.json` : `${createHash("sha1").update(key).digest("hex")}.json`;
}

/**
 * One JSON document per record, each written to a temporary file in the same folder and renamed over the old one, so a
 * kill mid-write leaves either the old record or the new one, never half of either. Writes to one key are serialised.
 *
 * @example
 * ```ts
 * const persistence = await diskPersistence<Collections>("./.ikit-data", ["files", "folders"]);
 * await persistence.put("files", file.fileId, file);
 * ```
 */
export async function diskPersistence<C>(root: string, collections: (keyof C & string)[]): Promise<Persistence<C>> {
  const meta = join(root, "meta");
  for (const collection of collections) {
    await mkdir(join(meta, collection), { recursive: true });
    // Leftovers of a write that was killed before its rename: the old record is intact beside them.
    for (const name of await readdir(join(meta, collection))) {
      if (name.endsWith(".tmp")) await rm(join(meta, collection, name), { force: true });
    }
  }
  const queue = new KeyedQueue();
  return {
    put(collection, key, record) {
      const target = join(meta, collection, fileOf(key));
      return queue.run(target, async () => {
        const temp = `${target}.${randomToken(6)}.tmp`;
        await writeFile(temp, JSON.stringify(record));
        await rename(temp, target);
      });
    },
    remove(collection, key) {
      const target = join(meta, collection, fileOf(key));
      return queue.run(target, () => rm(target, { force: true }));
    },
    async load(collection) {
      const folder = join(meta, collection);
      const names = (await readdir(folder)).filter((name) => name.endsWith(".json"));
      const records = await Promise.all(
        names.map(async (name) => JSON.parse(await readFile(join(folder, name), "utf8"))),
      );
      return records;
    },
  };
}
