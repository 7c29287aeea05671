import type { BlobStore } from "../storage/blobs.js";
import { objectId } from "../storage/ids.js";
import { KeyedQueue } from "../storage/keyed-queue.js";
import { corruptRecord, type Persistence } from "../storage/persistence.js";
import { isInside, joinPath } from "./paths.js";
import {
  type Collections,
  type FieldRecord,
  type FileRecord,
  type FolderRecord,
  type JobRecord,
  type PurgeRecord,
  RECORD_SHAPES,
  type TokenRecord,
} from "./records.js";

/**
 * The media library: records in memory, each change written through to the {@link Persistence} before the request
 * that made it is answered.
 */
export class Store {
  readonly files = new Map<string, FileRecord>();
  readonly byPath = new Map<string, string>();
  readonly folders = new Map<string, FolderRecord>();
  readonly fields = new Map<string, FieldRecord>();
  readonly jobs = new Map<string, JobRecord>();
  readonly purges = new Map<string, PurgeRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  private readonly paths = new KeyedQueue();

  constructor(
    readonly persistence: Persistence<Collections>,
    readonly blobs: BlobStore,
  ) {}

  /**
   * Reads every record back from the persistence (a restart with `--data`). A record that does not parse, does not
   * fit its shape or points to bytes that are missing stops the load with an error naming its file; bytes that no
   * record points to (left by a kill between writing bytes and their record) are removed.
   */
  async load(): Promise<void> {
    const files = await this.persistence.load("files", RECORD_SHAPES.files);
    const checks = files.flatMap(({ record, source }) =>
      record.versions.map(async (version) => {
        if (!(await this.blobs.exists(version.blobId)))
          throw corruptRecord(source, `the bytes of version ${version.versionId} (blob ${version.blobId}) are missing`);
      }),
    );
    await Promise.all(checks);
    const referenced = new Set<string>();
    for (const { record: file } of files) {
      for (const version of file.versions) referenced.add(version.blobId);
      this.files.set(file.fileId, file);
      this.byPath.set(filePathOf(file), file.fileId);
    }
    for (const { record } of await this.persistence.load("folders", RECORD_SHAPES.folders))
      this.folders.set(record.path, record);
    for (const { record } of await this.persistence.load("fields", RECORD_SHAPES.fields))
      this.fields.set(record.id, record);
    for (const { record } of await this.persistence.load("jobs", RECORD_SHAPES.jobs))
      this.jobs.set(record.jobId, record);
    for (const { record } of await this.persistence.load("purges", RECORD_SHAPES.purges))
      this.purges.set(record.requestId, record);
    const now = Date.now() / 1000;
    for (const { record: token } of await this.persistence.load("tokens", RECORD_SHAPES.tokens)) {
      if (token.expire > now) this.tokens.set(token.id, token);
      else await this.persistence.remove("tokens", token.id);
    }
    await this.blobs.removeAllBut(referenced);
  }

  /**
   * Runs `task` with no other task for the same `key` running, e.g. two uploads to one path deciding in turn whether
   * the second is a new version of the first.
   */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.paths.run(key, task);
  }

  fileAt(filePath: string): FileRecord | undefined {
    const id = this.byPath.get(filePath);
    return id === undefined ? undefined : this.files.get(id);
  }

  /** Saves a new or changed file, keeping the path index in step (`previousPath` when it moved). */
  async saveFile(file: FileRecord, previousPath?: string): Promise<void> {
    if (previousPath !== undefined && this.byPath.get(previousPath) === file.fileId) this.byPath.delete(previousPath);
    this.files.set(file.fileId, file);
    this.byPath.set(filePathOf(file), file.fileId);
    await this.ensureFolder(file.folder);
    await this.persistence.put("files", file.fileId, file);
  }

  /** Deletes a file, all its versions and their bytes. */
  async deleteFile(file: FileRecord): Promise<void> {
    this.files.delete(file.fileId);
    if (this.byPath.get(filePathOf(file)) === file.fileId) this.byPath.delete(filePathOf(file));
    await this.persistence.remove("files", file.fileId);
    await Promise.all(file.versions.map((version) => this.blobs.remove(version.blobId)));
  }

  /** Creates `path` and its missing ancestors as folders. */
  async ensureFolder(path: string): Promise<void> {
    // Outermost first, in a loop: a deep path must not be a deep recursion.
    for (let end = path.indexOf("/", 1); ; end = path.indexOf("/", end + 1)) {
      const prefix = end === -1 ? path : path.slice(0, end);
      if (prefix !== "" && !this.folders.has(prefix)) {
        const now = new Date().toISOString();
        const folder: FolderRecord = { folderId: objectId(), path: prefix, createdAt: now, updatedAt: now };
        this.folders.set(prefix, folder);
        await this.persistence.put("folders", folder.folderId, folder);
      }
      if (end === -1) return;
    }
  }

  async deleteFolderRecord(folder: FolderRecord): Promise<void> {
    this.folders.delete(folder.path);
    await this.persistence.remove("folders", folder.folderId);
  }

  /** Files whose folder is `folder` or below it. */
  filesUnder(folder: string): FileRecord[] {
    return [...this.files.values()].filter((file) => isInside(file.folder, folder));
  }

  async saveField(field: FieldRecord): Promise<void> {
    this.fields.set(field.id, field);
    await this.persistence.put("fields", field.id, field);
  }

  async saveJob(job: JobRecord): Promise<void> {
    this.jobs.set(job.jobId, job);
    await this.persistence.put("jobs", job.jobId, job);
  }

  async savePurge(purge: PurgeRecord): Promise<void> {
    this.purges.set(purge.requestId, purge);
    await this.persistence.put("purges", purge.requestId, purge);
  }

  /** Marks a client-side upload token used; `false` when it already was. */
  async useToken(token: string, expire: number): Promise<boolean> {
    if (this.tokens.has(token)) return false;
    const record = { id: token, expire };
    this.tokens.set(token, record);
    await this.persistence.put("tokens", token, record);
    return true;
  }
}

/** The file's path in the media library, e.g. `/products/shoe.jpg`. */
export function filePathOf(file: FileRecord): string {
  return joinPath(file.folder, file.name);
}
