import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EmulatorError } from "../errors/emulator-error.js";
import { isId, randomToken } from "./ids.js";
import { KeyedQueue } from "./keyed-queue.js";
import { type Shape, shapeProblem } from "./shape.js";

/** A record read back from disk, with the file it came from (for messages about it). */
export interface Loaded<R> {
  record: R;
  source: string;
}

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
  /** Every record of a collection, each checked against `shape`: a file that does not fit stops the load. */
  load<K extends keyof C & string>(collection: K, shape: Shape): Promise<Loaded<C[K]>[]>;
}

/**
 * The error for a record on disk the emulator cannot use: it names the file and what is wrong, and says how to go on.
 *
 * @example
 * ```ts
 * throw corruptRecord("/data/meta/files/abc.json", "versions is missing, expected a non-empty array");
 * ```
 */
export function corruptRecord(path: string, problem: string): EmulatorError {
  return new EmulatorError(
    "CORRUPT_RECORD",
    `${path} is not a record the emulator can use: ${problem}. Fix the file or move it out of the data folder, then start again (nothing was changed).`,
    path,
  );
}

/**
 * Reads and parses one JSON document; a file that is not JSON is a `CORRUPT_RECORD` error naming it.
 *
 * @example
 * ```ts
 * const keys = await readRecordFile("./.ikit-data/keys.json");
 * ```
 */
export async function readRecordFile(path: string): Promise<unknown> {
  const text = await readFile(path, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw corruptRecord(path, `it is not valid JSON (${(error as Error).message})`);
  }
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
    async load(collection, shape) {
      const folder = join(meta, collection);
      const names = (await readdir(folder)).filter((name) => name.endsWith(".json"));
      return Promise.all(
        names.map(async (name) => {
          const source = join(folder, name);
          const record = await readRecordFile(source);
          const problem = shapeProblem(record, shape);
          if (problem) throw corruptRecord(source, problem);
          return { record: record as never, source };
        }),
      );
    },
  };
}
