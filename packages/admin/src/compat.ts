// A drop-in for the `imagekit` Node.js SDK (the seed): same class, method names, arguments and result shapes, each
// method returning a promise and also taking a trailing Node-style callback; errors are the seed's plain objects
// (`message`, `help`, the API's fields, non-enumerable `$ResponseMetadata`). Underneath, the fetch client.
//
// `getAuthenticationParameters` and `verifyWebhookEvent` are synchronous in the seed, so they use node:crypto's
// HMAC (present in Node, Bun, Deno and workerd with `nodejs_compat`); everything else is the runtime-neutral client.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { ListFilesQuery } from "@ikit/core";
import { pHashDistance, signUrlSync, type UrlOptions, url } from "@ikit/core";
import { AdminClient, type AdminOptions } from "./client.js";
import { AdminError, InvalidInputError, RateLimitedError } from "./errors.js";
import type { UploadOptions } from "./upload.js";

/**
 * The seed's constructor options, plus where the API lives (for the emulator or a proxy).
 *
 * @example
 * ```ts
 * const imagekit = new ImageKit({ publicKey, privateKey, urlEndpoint, apiBase: emu.apiBase, uploadUrl: emu.uploadUrl });
 * ```
 */
export interface ImageKitOptions {
  publicKey: string;
  privateKey: string;
  urlEndpoint: string;
  transformationPosition?: "path" | "query";
  /** @default "https://api.imagekit.io" */
  apiBase?: string;
  /** @default "https://upload.imagekit.io/api/v1/files/upload" */
  uploadUrl?: string;
  /** Passed to the client: retries, timeout, fetch… */
  client?: Omit<AdminOptions, "privateKey" | "apiBase" | "uploadUrl">;
}

/**
 * The seed's `url()` options: core's, plus `signed` and `expireSeconds`.
 *
 * @example
 * ```ts
 * const options: ImageKitUrlOptions = { path: "/a.jpg", signed: true, expireSeconds: 300 };
 * ```
 */
export type ImageKitUrlOptions = Partial<UrlOptions> & { signed?: boolean; expireSeconds?: number };

/** What a client method resolves to. */
type Result<M extends keyof AdminClient> = AdminClient[M] extends (...args: never[]) => Promise<infer R> ? R : never;

/**
 * The seed's Node-style callback.
 *
 * @example
 * ```ts
 * imagekit.getFileDetails(fileId, (error, file) => (error ? console.error(error) : console.log(file)));
 * ```
 */
export type Callback<T> = (error: unknown, result: T | null) => void;

/** A seed-shaped error: the API's body (`message`, `help`, …) with `$ResponseMetadata`, not an Error instance. */
function seedError(error: unknown): unknown {
  if (!(error instanceof AdminError) || error.status === 0) return error;
  const shaped: Record<string, unknown> = { ...error.body, message: error.message, help: error.help ?? "" };
  if (error instanceof RateLimitedError) {
    const h = error.$ResponseMetadata.headers;
    shaped["X-RateLimit-Limit"] = Number.parseInt(h["x-ratelimit-limit"] ?? "", 10);
    shaped["X-RateLimit-Reset"] = Number.parseInt(h["x-ratelimit-reset"] ?? "", 10);
    shaped["X-RateLimit-Interval"] = Number.parseInt(h["x-ratelimit-interval"] ?? "", 10);
  }
  Object.defineProperty(shaped, "$ResponseMetadata", { value: error.$ResponseMetadata, enumerable: false });
  return shaped;
}

/** Runs `work`, settling the callback when one is given, and always returning the promise. */
function respond<T>(work: () => Promise<T>, callback: Callback<T> | undefined): Promise<T> {
  const promise = work().catch((error: unknown) => Promise.reject(seedError(error)));
  if (typeof callback === "function") {
    promise.then(
      (result) => callback(null, result),
      (error: unknown) => callback(error, null),
    );
  }
  return promise;
}

const fail = (message: string, help = ""): never => {
  throw Object.assign(new InvalidInputError(message), { help });
};

/**
 * The `imagekit` Node.js SDK's class, running on the fetch client: change the import, keep the code.
 *
 * @example
 * ```ts
 * import ImageKit from "@ikit/admin/compat";
 * const imagekit = new ImageKit({ publicKey: "public_…", privateKey: env.IMAGEKIT_PRIVATE_KEY, urlEndpoint });
 * const files = await imagekit.listFiles({ skip: 0, limit: 10 });
 * imagekit.getFileDetails(files[0]?.fileId ?? "", (error, file) => console.log(error ?? file));
 * ```
 */
export default class ImageKit {
  readonly options: Readonly<Pick<ImageKitOptions, "publicKey" | "urlEndpoint" | "transformationPosition">>;
  readonly #client: AdminClient;
  readonly #privateKey: string;

  constructor(options: ImageKitOptions) {
    if (!options?.publicKey || !options.privateKey || !options.urlEndpoint) {
      fail("Missing publicKey or privateKey or urlEndpoint during ImageKit initialization");
    }
    this.#client = new AdminClient({
      ...options.client,
      privateKey: options.privateKey,
      ...(options.apiBase ? { apiBase: options.apiBase } : {}),
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
    });
    this.#privateKey = options.privateKey;
    this.options = {
      publicKey: options.publicKey,
      urlEndpoint: options.urlEndpoint,
      transformationPosition: options.transformationPosition ?? "path",
    };
  }

  /**
   * Builds a URL with core's `url()` (byte-identical to the seed's), signed synchronously when `signed` is set.
   *
   * @example
   * ```ts
   * imagekit.url({ path: "/a.jpg", transformation: [{ height: "300", width: "400" }], signed: true, expireSeconds: 300 });
   * ```
   */
  url(options: ImageKitUrlOptions): string {
    const { signed, expireSeconds, ...rest } = options;
    const urlEndpoint = rest.urlEndpoint ?? this.options.urlEndpoint;
    const built = url({
      transformationPosition: this.options.transformationPosition ?? "path",
      ...rest,
      urlEndpoint,
    } as UrlOptions);
    if (!signed) return built;
    return signUrlSync(built, {
      urlEndpoint,
      privateKey: this.#privateKey,
      ...(expireSeconds ? { expireSeconds } : {}),
    });
  }

  /**
   * Uploads a file: a Buffer/Uint8Array, a Blob, a stream, a URL or base64 text.
   *
   * @example
   * ```ts
   * const res = await imagekit.upload({ file: Buffer.from("hi"), fileName: "hi.txt", tags: ["a"] });
   * ```
   */
  upload(
    options: Omit<UploadOptions, "file"> & { file: UploadOptions["file"] | Uint8Array },
    callback?: Callback<Result<"upload">>,
  ) {
    return respond(async () => {
      if (!options) fail("Missing data for upload");
      if (!options.file) fail("Missing file parameter for upload");
      if (!options.fileName) fail("Missing fileName parameter for upload");
      const { file } = options;
      const source = file instanceof Uint8Array ? new Blob([file as Uint8Array<ArrayBuffer>]) : file;
      return this.#client.upload({ ...options, file: source });
    }, callback);
  }

  /**
   * Lists and searches files (`skip`, `limit`, `searchQuery`, `path`, `sort`, `type`, `fileType`).
   *
   * @example
   * ```ts
   * const files = await imagekit.listFiles({ skip: 10, limit: 10 });
   * ```
   */
  listFiles(options: ListFilesQuery & Record<string, unknown> = {}, callback?: Callback<Result<"listFiles">>) {
    return respond(() => this.#client.listFiles(options), callback);
  }

  /** @example `const file = await imagekit.getFileDetails(fileId);` */
  getFileDetails(fileId: string, callback?: Callback<Result<"getFile">>) {
    return respond(() => this.#client.getFile(fileId), callback);
  }

  /** @example `const versions = await imagekit.getFileVersions(fileId);` */
  getFileVersions(fileId: string, callback?: Callback<Result<"listVersions">>) {
    return respond(() => this.#client.listVersions(fileId), callback);
  }

  /** @example `const v = await imagekit.getFileVersionDetails({ fileId, versionId });` */
  getFileVersionDetails(ids: { fileId: string; versionId: string }, callback?: Callback<Result<"getVersion">>) {
    return respond(() => this.#client.getVersion(ids?.fileId, ids?.versionId), callback);
  }

  /** @example `await imagekit.updateFileDetails(fileId, { tags: ["image_tag"], customCoordinates: "10,10,100,100" });` */
  updateFileDetails(fileId: string, update: Record<string, unknown>, callback?: Callback<Result<"updateFile">>) {
    return respond(() => this.#client.updateFile(fileId, update), callback);
  }

  /** @example `await imagekit.bulkAddTags([idA, idB], ["tag1", "tag2"]);` */
  bulkAddTags(fileIds: string[], tags: string[], callback?: Callback<Result<"addTags">>) {
    return respond(() => this.#client.addTags(fileIds, tags), callback);
  }

  /** @example `await imagekit.bulkRemoveTags([idA, idB], ["tag1"]);` */
  bulkRemoveTags(fileIds: string[], tags: string[], callback?: Callback<Result<"removeTags">>) {
    return respond(() => this.#client.removeTags(fileIds, tags), callback);
  }

  /** @example `await imagekit.bulkRemoveAITags([idA], ["ai-tag1"]);` */
  bulkRemoveAITags(fileIds: string[], tags: string[], callback?: Callback<Result<"removeAITags">>) {
    return respond(() => this.#client.removeAITags(fileIds, tags), callback);
  }

  /** @example `await imagekit.deleteFile(fileId);` */
  deleteFile(fileId: string, callback?: Callback<Result<"deleteFile">>) {
    return respond(() => this.#client.deleteFile(fileId), callback);
  }

  /** @example `await imagekit.deleteFileVersion({ fileId, versionId });` */
  deleteFileVersion(ids: { fileId: string; versionId: string }, callback?: Callback<Result<"deleteVersion">>) {
    return respond(() => this.#client.deleteVersion(ids?.fileId, ids?.versionId), callback);
  }

  /** @example `await imagekit.bulkDeleteFiles([idA, idB]);` */
  bulkDeleteFiles(fileIds: string[], callback?: Callback<Result<"deleteFiles">>) {
    return respond(() => this.#client.deleteFiles(fileIds), callback);
  }

  /** @example `await imagekit.copyFile({ sourceFilePath: "/a.jpg", destinationPath: "/b/", includeFileVersions: false });` */
  copyFile(
    options: { sourceFilePath: string; destinationPath: string; includeFileVersions?: boolean },
    callback?: Callback<Result<"copyFile">>,
  ) {
    return respond(() => this.#client.copyFile({ includeFileVersions: false, ...options }), callback);
  }

  /** @example `await imagekit.moveFile({ sourceFilePath: "/a.jpg", destinationPath: "/b/" });` */
  moveFile(options: { sourceFilePath: string; destinationPath: string }, callback?: Callback<Result<"moveFile">>) {
    return respond(() => this.#client.moveFile(options), callback);
  }

  /** @example `await imagekit.renameFile({ filePath: "/a.jpg", newFileName: "b.jpg", purgeCache: false });` */
  renameFile(
    options: { filePath: string; newFileName: string; purgeCache?: boolean },
    callback?: Callback<Result<"renameFile">>,
  ) {
    return respond(() => this.#client.renameFile(options), callback);
  }

  /** @example `await imagekit.restoreFileVersion({ fileId, versionId });` */
  restoreFileVersion(ids: { fileId: string; versionId: string }, callback?: Callback<Result<"restoreVersion">>) {
    return respond(() => this.#client.restoreVersion(ids?.fileId, ids?.versionId), callback);
  }

  /** @example `await imagekit.createFolder({ folderName: "new_folder", parentFolderPath: "/" });` */
  createFolder(options: { folderName: string; parentFolderPath: string }, callback?: Callback<Result<"createFolder">>) {
    return respond(() => this.#client.createFolder(options), callback);
  }

  /** @example `await imagekit.deleteFolder("/new_folder");` */
  deleteFolder(folderPath: string, callback?: Callback<Result<"deleteFolder">>) {
    return respond(() => this.#client.deleteFolder(folderPath), callback);
  }

  /** @example `const { jobId } = await imagekit.copyFolder({ sourceFolderPath: "/a", destinationPath: "/b" });` */
  copyFolder(
    options: { sourceFolderPath: string; destinationPath: string; includeFileVersions?: boolean },
    callback?: Callback<Result<"copyFolder">>,
  ) {
    const { includeFileVersions = false, ...rest } = options ?? {};
    return respond(() => this.#client.copyFolder({ ...rest, includeVersions: includeFileVersions }), callback);
  }

  /** @example `const { jobId } = await imagekit.moveFolder({ sourceFolderPath: "/a", destinationPath: "/b" });` */
  moveFolder(
    options: { sourceFolderPath: string; destinationPath: string },
    callback?: Callback<Result<"moveFolder">>,
  ) {
    return respond(() => this.#client.moveFolder(options), callback);
  }

  /** @example `const { status } = await imagekit.getBulkJobStatus(jobId);` */
  getBulkJobStatus(jobId: string, callback?: Callback<Result<"getJob">>) {
    return respond(() => this.#client.getJob(jobId), callback);
  }

  /** @example `const { requestId } = await imagekit.purgeCache("https://ik.imagekit.io/demo/a.jpg");` */
  purgeCache(fullUrl: string, callback?: Callback<Result<"purge">>) {
    return respond(async () => {
      if (!fullUrl) fail("Missing URL parameter for this request");
      return this.#client.purge(fullUrl);
    }, callback);
  }

  /** @example `const { status } = await imagekit.getPurgeCacheStatus(requestId);` */
  getPurgeCacheStatus(requestId: string, callback?: Callback<Result<"purgeStatus">>) {
    return respond(async () => {
      if (!requestId) fail("Missing Request ID parameter for this request");
      return this.#client.purgeStatus(requestId);
    }, callback);
  }

  /** @example `const { width, pHash } = await imagekit.getFileMetadata(fileIdOrUrl);` */
  getFileMetadata(fileIdOrUrl: string, callback?: Callback<Result<"getMetadata">>) {
    return respond(async () => {
      if (!fileIdOrUrl) fail("Pass either fileId or remote URL of the image as first parameter");
      return /^https?:\/\//.test(fileIdOrUrl)
        ? this.#client.getUrlMetadata(fileIdOrUrl)
        : this.#client.getMetadata(fileIdOrUrl);
    }, callback);
  }

  /** @example `await imagekit.createCustomMetadataField({ name: "price", label: "price", schema: { type: "Number" } });` */
  createCustomMetadataField(
    field: Parameters<AdminClient["createField"]>[0],
    callback?: Callback<Result<"createField">>,
  ) {
    return respond(() => this.#client.createField(field), callback);
  }

  /** @example `const fields = await imagekit.getCustomMetadataFields({ includeDeleted: false });` */
  getCustomMetadataFields(query: { includeDeleted?: boolean } = {}, callback?: Callback<Result<"listFields">>) {
    return respond(() => this.#client.listFields(query), callback);
  }

  /** @example `await imagekit.updateCustomMetadataField(fieldId, { schema: { minValue: 500 } });` */
  updateCustomMetadataField(
    fieldId: string,
    update: Parameters<AdminClient["updateField"]>[1],
    callback?: Callback<Result<"updateField">>,
  ) {
    return respond(() => this.#client.updateField(fieldId, update), callback);
  }

  /** @example `await imagekit.deleteCustomMetadataField(fieldId);` */
  deleteCustomMetadataField(fieldId: string, callback?: Callback<Result<"deleteField">>) {
    return respond(() => this.#client.deleteField(fieldId), callback);
  }

  /**
   * The seed's synchronous upload auth: `{ token, expire, signature }` with signature = HMAC-SHA1(token + expire).
   *
   * @example
   * ```ts
   * const { token, expire, signature } = imagekit.getAuthenticationParameters();
   * ```
   */
  getAuthenticationParameters(token?: string, expire?: number) {
    const t = token || randomUUID();
    const e = expire || Math.floor(Date.now() / 1000) + 1800;
    const signature = createHmac("sha1", this.#privateKey)
      .update(t + e)
      .digest("hex");
    return { token: t, expire: e, signature };
  }

  /**
   * Hamming distance between two pHash strings (core's `pHashDistance`).
   *
   * @example
   * ```ts
   * imagekit.pHashDistance("2d5ad3936d2e015b", "2d6ed293db36a4fb"); // 17
   * ```
   */
  pHashDistance(first: string, second: string): number {
    return pHashDistance(first, second);
  }

  /**
   * The seed's synchronous webhook check: throws on a bad `x-ik-signature`, returns `{ timestamp, event }`.
   *
   * @example
   * ```ts
   * const { timestamp, event } = imagekit.verifyWebhookEvent(rawBody, req.headers["x-ik-signature"], secret);
   * ```
   */
  verifyWebhookEvent(payload: string | Uint8Array, signature: string, secret: string) {
    const body = typeof payload === "string" ? payload : new TextDecoder().decode(payload);
    const items = new Map(
      String(signature ?? "")
        .split(",")
        .map((item) => item.split("=") as [string, string]),
    );
    const timestampText = items.get("t");
    if (timestampText === undefined) throw new Error("Timestamp missing");
    const timestamp = Number.parseInt(timestampText, 10);
    if (Number.isNaN(timestamp) || timestamp < 0) throw new Error("Timestamp invalid");
    const v1 = items.get("v1");
    if (!v1) throw new Error("Signature missing");
    const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
    const given = Buffer.from(v1, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error("Incorrect signature");
    return { timestamp, event: JSON.parse(body) as unknown };
  }
}
