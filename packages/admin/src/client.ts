// The media library client: one method per ImageKit endpoint, checked input, typed results with $ResponseMetadata.
import type {
  BulkJob,
  BulkJobStatus,
  CustomMetadataField,
  FileDetails,
  FileMetadata,
  Folder,
  ListFilesQuery,
  UpdatedFiles,
  UpdateFileRequest,
  UploadResponse,
  Usage,
} from "@ikit/core";
import { invalid, TimeoutError } from "./errors.js";
import { type Call, type RequestOptions, send, sleep, type TransportConfig, type WithMetadata } from "./transport.js";
import { type UploadOptions, uploadBody } from "./upload.js";
import { checkId, checkIds, checkKey, checkListQuery, checkPath, checkTags } from "./validate.js";

/**
 * Options of {@link AdminClient}.
 *
 * @example
 * ```ts
 * const admin = new AdminClient({ privateKey: env.IMAGEKIT_PRIVATE_KEY, retries: 5, timeout: 10_000 });
 * ```
 */
export interface AdminOptions {
  /** Your ImageKit private API key, from the environment or a secret. */
  privateKey: string;
  /** @default "https://api.imagekit.io" */
  apiBase?: string;
  /** @default "https://upload.imagekit.io/api/v1/files/upload" */
  uploadUrl?: string;
  /** Retries of a failed call that is safe to repeat (network error, 5xx) or was rate limited (429). @default 3 */
  retries?: number;
  /** Milliseconds each attempt may take. @default 60000 */
  timeout?: number;
  /** The longest wait between retries, in ms, whatever `X-RateLimit-Reset` asks. @default 30000 */
  maxRetryDelay?: number;
  /** The fetch to use (a test double, a proxying fetch). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * A custom metadata field's schema, as ImageKit defines it.
 *
 * @example
 * ```ts
 * const schema: CustomMetadataFieldSchema = { type: "Number", minValue: 0 };
 * ```
 */
export type CustomMetadataFieldSchema = CustomMetadataField["schema"];
/**
 * A listed item: a file, a file version or a folder.
 *
 * @example
 * ```ts
 * const names = (await admin.listFiles()).map((item: ListItem) => item.name);
 * ```
 */
export type ListItem = FileDetails | Folder;

/**
 * The ImageKit media library API over fetch. Runs in Node 20+, Cloudflare Workers, Deno and Bun; holds the private
 * key, so never ship it to a browser.
 *
 * @example
 * ```ts
 * import { AdminClient } from "@ikit/admin";
 * const admin = new AdminClient({ privateKey: env.IMAGEKIT_PRIVATE_KEY });
 * const files = await admin.listFiles({ path: "/products", limit: 10 });
 * console.log(files.length, files.$ResponseMetadata.requestId);
 * ```
 */
export class AdminClient {
  readonly #config: TransportConfig;

  constructor(options: AdminOptions) {
    if (!options || typeof options !== "object") invalid("new AdminClient({ privateKey }) takes an options object.");
    checkKey(options.privateKey);
    const apiBase = (options.apiBase ?? "https://api.imagekit.io").replace(/\/+$/, "");
    if (!/^https?:\/\/[^/]/.test(apiBase)) invalid(`apiBase must be an http(s) URL (got ${JSON.stringify(apiBase)}).`);
    this.#config = {
      authorization: `Basic ${btoa(`${options.privateKey}:`)}`,
      apiBase,
      uploadUrl: options.uploadUrl ?? "https://upload.imagekit.io/api/v1/files/upload",
      retries: options.retries ?? 3,
      timeout: options.timeout ?? 60_000,
      maxRetryDelay: options.maxRetryDelay ?? 30_000,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    };
  }

  #send<T>(call: Call, options: RequestOptions | undefined): Promise<WithMetadata<T>> {
    return send<T>(this.#config, call, options);
  }

  /**
   * Lists and searches files and folders (`GET /v1/files`).
   *
   * @example
   * ```ts
   * const shoes = await admin.listFiles({ path: "/shoes", searchQuery: 'tags IN ["sale"]', sort: "DESC_CREATED" });
   * ```
   */
  async listFiles(query: ListFilesQuery = {}, options?: RequestOptions): Promise<WithMetadata<ListItem[]>> {
    checkListQuery(query);
    return this.#send({ method: "GET", path: "/v1/files", query: { ...query }, safe: true }, options);
  }

  /**
   * Every item matching `query`, one page (`limit`, default 100) fetched at a time: only one page is held in memory.
   *
   * @example
   * ```ts
   * for await (const item of admin.iterateFiles({ path: "/archive", limit: 500 })) console.log(item.name);
   * ```
   */
  async *iterateFiles(query: Omit<ListFilesQuery, "skip"> = {}, options?: RequestOptions): AsyncGenerator<ListItem> {
    const limit = query.limit ?? 100;
    checkListQuery({ ...query, limit });
    for (let skip = 0; ; skip += limit) {
      const page = await this.listFiles({ ...query, limit, skip }, options);
      yield* page;
      if (page.length < limit) return;
    }
  }

  /**
   * A file's details (`GET /v1/files/{fileId}/details`).
   *
   * @example
   * ```ts
   * const file = await admin.getFile("6b04f1a3c9e2d7b8a1f0c3e2");
   * console.log(file.name, file.tags);
   * ```
   */
  async getFile(fileId: string, options?: RequestOptions): Promise<WithMetadata<FileDetails>> {
    const id = checkId(fileId, "fileId");
    return this.#send({ method: "GET", path: `/v1/files/${id}/details`, safe: true }, options);
  }

  /**
   * Updates tags, custom coordinates, custom metadata, description, AI tags or publication (`PATCH …/details`).
   *
   * @example
   * ```ts
   * await admin.updateFile(fileId, { tags: ["sale"], customCoordinates: "10,10,100,100" });
   * ```
   */
  async updateFile(
    fileId: string,
    update: UpdateFileRequest,
    options?: RequestOptions,
  ): Promise<WithMetadata<FileDetails>> {
    const id = checkId(fileId, "fileId");
    if (!update || typeof update !== "object") invalid('updateFile takes the fields to change, e.g. { tags: ["a"] }.');
    // Setting fields to given values: sending it twice leaves the same file.
    return this.#send({ method: "PATCH", path: `/v1/files/${id}/details`, json: update, safe: true }, options);
  }

  /**
   * Deletes a file and all its versions (`DELETE /v1/files/{fileId}`).
   *
   * @example
   * ```ts
   * await admin.deleteFile(fileId);
   * ```
   */
  async deleteFile(fileId: string, options?: RequestOptions): Promise<WithMetadata<object>> {
    const id = checkId(fileId, "fileId");
    // Not retried on 5xx: a repeat after a lost success would answer 404 for a file that was deleted.
    return this.#send({ method: "DELETE", path: `/v1/files/${id}`, safe: false }, options);
  }

  /**
   * Deletes up to 100 files (`POST /v1/files/batch/deleteByFileIds`).
   *
   * @example
   * ```ts
   * const { successfullyDeletedFileIds } = await admin.deleteFiles([idA, idB]);
   * ```
   */
  async deleteFiles(
    fileIds: string[],
    options?: RequestOptions,
  ): Promise<WithMetadata<{ successfullyDeletedFileIds: string[] }>> {
    const ids = checkIds(fileIds, "fileIds", 100);
    return this.#send(
      { method: "POST", path: "/v1/files/batch/deleteByFileIds", json: { fileIds: ids }, safe: false },
      options,
    );
  }

  /**
   * Every version of a file (`GET /v1/files/{fileId}/versions`).
   *
   * @example
   * ```ts
   * const versions = await admin.listVersions(fileId);
   * ```
   */
  async listVersions(fileId: string, options?: RequestOptions): Promise<WithMetadata<FileDetails[]>> {
    const id = checkId(fileId, "fileId");
    return this.#send({ method: "GET", path: `/v1/files/${id}/versions`, safe: true }, options);
  }

  /**
   * One version of a file.
   *
   * @example
   * ```ts
   * const v = await admin.getVersion(fileId, versionId);
   * ```
   */
  async getVersion(fileId: string, versionId: string, options?: RequestOptions): Promise<WithMetadata<FileDetails>> {
    const path = `/v1/files/${checkId(fileId, "fileId")}/versions/${checkId(versionId, "versionId")}`;
    return this.#send({ method: "GET", path, safe: true }, options);
  }

  /**
   * Deletes a non-current version.
   *
   * @example
   * ```ts
   * await admin.deleteVersion(fileId, oldVersionId);
   * ```
   */
  async deleteVersion(fileId: string, versionId: string, options?: RequestOptions): Promise<WithMetadata<object>> {
    const path = `/v1/files/${checkId(fileId, "fileId")}/versions/${checkId(versionId, "versionId")}`;
    return this.#send({ method: "DELETE", path, safe: false }, options);
  }

  /**
   * Makes a version current again.
   *
   * @example
   * ```ts
   * const file = await admin.restoreVersion(fileId, versionId);
   * ```
   */
  async restoreVersion(
    fileId: string,
    versionId: string,
    options?: RequestOptions,
  ): Promise<WithMetadata<FileDetails>> {
    const path = `/v1/files/${checkId(fileId, "fileId")}/versions/${checkId(versionId, "versionId")}/restore`;
    return this.#send({ method: "PUT", path, safe: true }, options);
  }

  /**
   * Adds tags to up to 50 files (a set union: safe to repeat).
   *
   * @example
   * ```ts
   * await admin.addTags([fileId], ["sale", "summer"]);
   * ```
   */
  async addTags(fileIds: string[], tags: string[], options?: RequestOptions): Promise<WithMetadata<UpdatedFiles>> {
    const json = { fileIds: checkIds(fileIds, "fileIds", 50), tags: checkTags(tags, "tags") };
    return this.#send({ method: "POST", path: "/v1/files/addTags", json, safe: true }, options);
  }

  /**
   * Removes tags from up to 50 files.
   *
   * @example
   * ```ts
   * await admin.removeTags([fileId], ["sale"]);
   * ```
   */
  async removeTags(fileIds: string[], tags: string[], options?: RequestOptions): Promise<WithMetadata<UpdatedFiles>> {
    const json = { fileIds: checkIds(fileIds, "fileIds", 50), tags: checkTags(tags, "tags") };
    return this.#send({ method: "POST", path: "/v1/files/removeTags", json, safe: true }, options);
  }

  /**
   * Removes AI tags from up to 50 files.
   *
   * @example
   * ```ts
   * await admin.removeAITags([fileId], ["Shoe"]);
   * ```
   */
  async removeAITags(
    fileIds: string[],
    AITags: string[],
    options?: RequestOptions,
  ): Promise<WithMetadata<UpdatedFiles>> {
    const json = { fileIds: checkIds(fileIds, "fileIds", 50), AITags: checkTags(AITags, "AITags") };
    return this.#send({ method: "POST", path: "/v1/files/removeAITags", json, safe: true }, options);
  }

  /**
   * Copies a file into a folder (not retried on 5xx: a repeat would add a version).
   *
   * @example
   * ```ts
   * await admin.copyFile({ sourceFilePath: "/a.jpg", destinationPath: "/backup", includeFileVersions: false });
   * ```
   */
  async copyFile(
    request: { sourceFilePath: string; destinationPath: string; includeFileVersions?: boolean },
    options?: RequestOptions,
  ): Promise<WithMetadata<object>> {
    checkPath(request?.sourceFilePath, "sourceFilePath");
    checkPath(request.destinationPath, "destinationPath");
    return this.#send({ method: "POST", path: "/v1/files/copy", json: request, safe: false }, options);
  }

  /**
   * Moves a file into a folder.
   *
   * @example
   * ```ts
   * await admin.moveFile({ sourceFilePath: "/a.jpg", destinationPath: "/archive" });
   * ```
   */
  async moveFile(request: { sourceFilePath: string; destinationPath: string }, options?: RequestOptions) {
    checkPath(request?.sourceFilePath, "sourceFilePath");
    checkPath(request.destinationPath, "destinationPath");
    return this.#send<object>({ method: "POST", path: "/v1/files/move", json: request, safe: false }, options);
  }

  /**
   * Renames a file; with `purgeCache` the answer carries a `purgeRequestId`.
   *
   * @example
   * ```ts
   * const { purgeRequestId } = await admin.renameFile({ filePath: "/a.jpg", newFileName: "b.jpg", purgeCache: true });
   * ```
   */
  async renameFile(
    request: { filePath: string; newFileName: string; purgeCache?: boolean },
    options?: RequestOptions,
  ): Promise<WithMetadata<{ purgeRequestId?: string }>> {
    checkPath(request?.filePath, "filePath");
    if (typeof request.newFileName !== "string" || request.newFileName === "") invalid("newFileName is required.");
    return this.#send({ method: "PUT", path: "/v1/files/rename", json: request, safe: false }, options);
  }

  /**
   * Creates a folder (and its parents).
   *
   * @example
   * ```ts
   * await admin.createFolder({ folderName: "summer", parentFolderPath: "/products" });
   * ```
   */
  async createFolder(request: { folderName: string; parentFolderPath: string }, options?: RequestOptions) {
    if (typeof request?.folderName !== "string" || request.folderName === "") invalid("folderName is required.");
    checkPath(request.parentFolderPath, "parentFolderPath");
    return this.#send<object>({ method: "POST", path: "/v1/folder", json: request, safe: false }, options);
  }

  /**
   * Deletes a folder and everything in it.
   *
   * @example
   * ```ts
   * await admin.deleteFolder("/products/old");
   * ```
   */
  async deleteFolder(folderPath: string, options?: RequestOptions) {
    const json = { folderPath: checkPath(folderPath, "folderPath") };
    return this.#send<object>({ method: "DELETE", path: "/v1/folder", json, safe: false }, options);
  }

  /**
   * Starts copying a folder; wait for it with {@link AdminClient.waitForJob}.
   *
   * @example
   * ```ts
   * const { jobId } = await admin.copyFolder({ sourceFolderPath: "/a", destinationPath: "/b" });
   * ```
   */
  async copyFolder(
    request: { sourceFolderPath: string; destinationPath: string; includeVersions?: boolean },
    options?: RequestOptions,
  ): Promise<WithMetadata<BulkJob>> {
    checkPath(request?.sourceFolderPath, "sourceFolderPath");
    checkPath(request.destinationPath, "destinationPath");
    return this.#send({ method: "POST", path: "/v1/bulkJobs/copyFolder", json: request, safe: false }, options);
  }

  /**
   * Starts moving a folder.
   *
   * @example
   * ```ts
   * const { jobId } = await admin.moveFolder({ sourceFolderPath: "/a", destinationPath: "/archive" });
   * ```
   */
  async moveFolder(
    request: { sourceFolderPath: string; destinationPath: string },
    options?: RequestOptions,
  ): Promise<WithMetadata<BulkJob>> {
    checkPath(request?.sourceFolderPath, "sourceFolderPath");
    checkPath(request.destinationPath, "destinationPath");
    return this.#send({ method: "POST", path: "/v1/bulkJobs/moveFolder", json: request, safe: false }, options);
  }

  /**
   * Starts renaming a folder.
   *
   * @example
   * ```ts
   * const { jobId } = await admin.renameFolder({ folderPath: "/a", newFolderName: "b" });
   * ```
   */
  async renameFolder(
    request: { folderPath: string; newFolderName: string; purgeCache?: boolean },
    options?: RequestOptions,
  ): Promise<WithMetadata<BulkJob>> {
    checkPath(request?.folderPath, "folderPath");
    if (typeof request.newFolderName !== "string" || request.newFolderName === "")
      invalid("newFolderName is required.");
    return this.#send({ method: "POST", path: "/v1/bulkJobs/renameFolder", json: request, safe: false }, options);
  }

  /**
   * The state of a folder job.
   *
   * @example
   * ```ts
   * const { status } = await admin.getJob(jobId);
   * ```
   */
  async getJob(jobId: string, options?: RequestOptions): Promise<WithMetadata<BulkJobStatus>> {
    return this.#send({ method: "GET", path: `/v1/bulkJobs/${checkId(jobId, "jobId")}`, safe: true }, options);
  }

  /**
   * Polls a folder job every `interval` ms until it is `Completed`, or rejects with a {@link TimeoutError}.
   *
   * @example
   * ```ts
   * const { jobId } = await admin.moveFolder({ sourceFolderPath: "/a", destinationPath: "/b" });
   * await admin.waitForJob(jobId, { interval: 500, timeout: 60_000 });
   * ```
   */
  async waitForJob(jobId: string, poll: PollOptions = {}): Promise<WithMetadata<BulkJobStatus>> {
    return this.#poll(() => this.getJob(jobId, { ...poll.request }), poll, `folder job ${jobId}`);
  }

  /**
   * Purges a URL from the CDN cache (safe to repeat).
   *
   * @example
   * ```ts
   * const { requestId } = await admin.purge("https://ik.imagekit.io/demo/a.jpg");
   * ```
   */
  async purge(url: string, options?: RequestOptions): Promise<WithMetadata<{ requestId: string }>> {
    if (typeof url !== "string" || !/^https?:\/\//.test(url)) invalid("purge takes the full URL to purge.");
    return this.#send({ method: "POST", path: "/v1/files/purge", json: { url }, safe: true }, options);
  }

  /**
   * The state of a purge request.
   *
   * @example
   * ```ts
   * const { status } = await admin.purgeStatus(requestId); // "Pending" | "Completed"
   * ```
   */
  async purgeStatus(requestId: string, options?: RequestOptions): Promise<WithMetadata<{ status: string }>> {
    const path = `/v1/files/purge/${checkId(requestId, "requestId")}`;
    return this.#send({ method: "GET", path, safe: true }, options);
  }

  /**
   * Polls a purge request until it is `Completed`.
   *
   * @example
   * ```ts
   * await admin.waitForPurge((await admin.purge(url)).requestId, { interval: 1000 });
   * ```
   */
  async waitForPurge(requestId: string, poll: PollOptions = {}): Promise<WithMetadata<{ status: string }>> {
    return this.#poll(() => this.purgeStatus(requestId, { ...poll.request }), poll, `purge ${requestId}`);
  }

  async #poll<T extends { status?: string }>(get: () => Promise<T>, poll: PollOptions, what: string): Promise<T> {
    const interval = poll.interval ?? 1000;
    const timeout = poll.timeout ?? 300_000;
    const until = Date.now() + timeout;
    for (;;) {
      const state = await get();
      if (state.status === "Completed") return state;
      if (Date.now() + interval > until) {
        throw new TimeoutError(`${what} is still ${state.status ?? "pending"} after ${timeout} ms.`);
      }
      await sleep(interval, poll.request?.signal);
    }
  }

  /**
   * Image metadata of a stored file (dimensions, format, pHash…).
   *
   * @example
   * ```ts
   * const { width, height, pHash } = await admin.getMetadata(fileId);
   * ```
   */
  async getMetadata(fileId: string, options?: RequestOptions): Promise<WithMetadata<FileMetadata>> {
    return this.#send({ method: "GET", path: `/v1/files/${checkId(fileId, "fileId")}/metadata`, safe: true }, options);
  }

  /**
   * Image metadata of a URL under your URL endpoint (transformations applied).
   *
   * @example
   * ```ts
   * const meta = await admin.getUrlMetadata("https://ik.imagekit.io/demo/tr:w-100/a.jpg");
   * ```
   */
  async getUrlMetadata(url: string, options?: RequestOptions): Promise<WithMetadata<FileMetadata>> {
    if (typeof url !== "string" || !/^https?:\/\//.test(url)) invalid("getUrlMetadata takes a full http(s) URL.");
    return this.#send({ method: "GET", path: "/v1/metadata", query: { url }, safe: true }, options);
  }

  /**
   * Custom metadata field definitions.
   *
   * @example
   * ```ts
   * const fields = await admin.listFields({ includeDeleted: false });
   * ```
   */
  async listFields(
    query: { includeDeleted?: boolean } = {},
    options?: RequestOptions,
  ): Promise<WithMetadata<CustomMetadataField[]>> {
    return this.#send({ method: "GET", path: "/v1/customMetadataFields", query: { ...query }, safe: true }, options);
  }

  /**
   * Creates a custom metadata field.
   *
   * @example
   * ```ts
   * await admin.createField({ name: "price", label: "Price", schema: { type: "Number", minValue: 0 } });
   * ```
   */
  async createField(
    field: { name: string; label: string; schema: CustomMetadataFieldSchema },
    options?: RequestOptions,
  ): Promise<WithMetadata<CustomMetadataField>> {
    if (typeof field?.name !== "string" || !field.name) invalid("createField needs a name.");
    if (typeof field.label !== "string" || !field.label) invalid("createField needs a label.");
    if (!field.schema || typeof field.schema.type !== "string") invalid("createField needs schema.type.");
    return this.#send({ method: "POST", path: "/v1/customMetadataFields", json: field, safe: false }, options);
  }

  /**
   * Changes a field's label or schema.
   *
   * @example
   * ```ts
   * await admin.updateField(fieldId, { label: "Price (EUR)" });
   * ```
   */
  async updateField(
    fieldId: string,
    update: { label?: string; schema?: Partial<CustomMetadataFieldSchema> },
    options?: RequestOptions,
  ): Promise<WithMetadata<CustomMetadataField>> {
    const path = `/v1/customMetadataFields/${checkId(fieldId, "fieldId")}`;
    if (!update || (update.label === undefined && update.schema === undefined))
      invalid("updateField needs label or schema.");
    return this.#send({ method: "PATCH", path, json: update, safe: true }, options);
  }

  /**
   * Deletes a field.
   *
   * @example
   * ```ts
   * await admin.deleteField(fieldId);
   * ```
   */
  async deleteField(fieldId: string, options?: RequestOptions) {
    const path = `/v1/customMetadataFields/${checkId(fieldId, "fieldId")}`;
    return this.#send<object>({ method: "DELETE", path, safe: false }, options);
  }

  /**
   * Account usage between two dates (`YYYY-MM-DD`).
   *
   * @example
   * ```ts
   * const { bandwidthBytes } = await admin.getUsage({ startDate: "2026-11-01", endDate: "2026-11-23" });
   * ```
   */
  async getUsage(
    range: { startDate: string; endDate: string },
    options?: RequestOptions,
  ): Promise<WithMetadata<Usage>> {
    const date = /^\d{4}-\d{2}-\d{2}$/;
    if (!date.test(range?.startDate) || !date.test(range.endDate))
      invalid("getUsage takes { startDate, endDate } as YYYY-MM-DD.");
    return this.#send({ method: "GET", path: "/v1/accounts/usage", query: { ...range }, safe: true }, options);
  }

  /**
   * Uploads from the server: a Blob, a web stream or async iterable (streamed, never held whole), a URL or base64.
   * A stream is sent once; a Blob is retried only on 429.
   *
   * @example
   * ```ts
   * const res = await admin.upload({ file: new Blob(["hi"]), fileName: "hi.txt", folder: "/notes", tags: ["a"] });
   * console.log(res.fileId, res.url);
   * ```
   */
  async upload(request: UploadOptions, options?: RequestOptions): Promise<WithMetadata<UploadResponse>> {
    const body = uploadBody(request);
    return this.#send({ method: "POST", path: this.#config.uploadUrl, body, safe: false }, options);
  }
}

/**
 * Options of `waitForJob` and `waitForPurge`.
 *
 * @example
 * ```ts
 * await admin.waitForJob(jobId, { interval: 250, timeout: 30_000, request: { timeout: 5000 } });
 * ```
 */
export interface PollOptions {
  /** Milliseconds between polls. @default 1000 */
  interval?: number;
  /** Give up after this many ms with a TimeoutError. @default 300000 */
  timeout?: number;
  /** Options of each status request (its own timeout, a signal that also stops the waiting). */
  request?: RequestOptions;
}
