import type { AuthenticationParameters, UploadRequest, UploadResponse } from "@ikit/core";
import type { UploadError } from "./errors.js";

/**
 * What can be uploaded: a `File` or `Blob` (sent as is, never read into memory), bytes, an http(s) URL ImageKit
 * fetches, or a base64 string / data URI.
 *
 * @example
 * ```ts
 * const sources: UploadSource[] = [input.files[0], new Uint8Array([1, 2]), "https://example.com/a.jpg"];
 * ```
 */
export type UploadSource = Blob | ArrayBuffer | ArrayBufferView | string;

/**
 * Returns fresh single-use credentials from your server; called right before every attempt.
 *
 * @example
 * ```ts
 * const authenticator: Authenticator = async () => (await fetch("/api/upload-auth")).json();
 * ```
 */
export type Authenticator = () => Promise<AuthenticationParameters>;

/**
 * Upload progress of one file: bytes of the request sent so far. With the fetch transport only the start (0) and the
 * end (1) are reported.
 *
 * @example
 * ```ts
 * const onProgress = ({ fraction }: UploadProgress) => (bar.value = fraction);
 * ```
 */
export interface UploadProgress {
  loaded: number;
  total: number;
  /** `loaded / total`, 0 to 1; never goes down, not even across retries. */
  fraction: number;
}

/**
 * A retry about to happen, after `delay` ms.
 *
 * @example
 * ```ts
 * const onRetry = ({ attempt, delay, error }: UploadRetry) => console.warn(`retry ${attempt} in ${delay} ms`, error.code);
 * ```
 */
export interface UploadRetry {
  /** 1 for the first retry. */
  attempt: number;
  delay: number;
  error: UploadError;
}

/**
 * The upload API's parameters (`useUniqueFileName`, `tags`, `folder`, `isPrivateFile`, `isPublished`,
 * `customCoordinates`, `customMetadata`, `responseFields`, `extensions`, `webhookUrl`, the `overwrite*` flags,
 * `transformation`, `checks`, `description`), typed and documented from ImageKit's OpenAPI file through `@ikit/core`.
 * Sent as ImageKit expects: lists comma-joined, objects as JSON, booleans as `"true"`/`"false"`.
 *
 * @example
 * ```ts
 * const params: UploadParameters = { folder: "/products", tags: ["sale"], useUniqueFileName: false };
 * ```
 */
export type UploadParameters = Omit<UploadRequest, "file" | "fileName" | "publicKey" | keyof AuthenticationParameters>;

/**
 * Rules checked before any byte is sent.
 *
 * @example
 * ```ts
 * const rules: UploadRules = { maxFileSize: 10 * 1024 * 1024, accept: ["image/*", ".pdf"] };
 * ```
 */
export interface UploadRules {
  /** Largest accepted size in bytes (of a `Blob` or bytes). */
  maxFileSize?: number;
  /**
   * MIME types (`"image/png"`, `"image/*"`) and extensions (`".pdf"`): a list, or comma-separated text as in an
   * input's `accept` attribute (`"image/*,.pdf"`).
   */
  accept?: string[] | string;
}

/**
 * How to send: endpoint, retries, timeout, abort and progress.
 *
 * @example
 * ```ts
 * const transport: UploadBehaviour = { retries: 5, timeout: 60_000, signal: controller.signal };
 * ```
 */
export interface UploadBehaviour {
  /** The upload URL, e.g. the emulator's `uploadUrl` or your proxy. @default "https://upload.imagekit.io/api/v1/files/upload" */
  endpoint?: string;
  /** Attempts after the first on network errors, timeouts, 5xx, 408 and 429 (needs an `authenticator`). @default 3 */
  retries?: number;
  /** Base of the exponential backoff in ms (doubled each retry, with jitter, at most 30 s). @default 500 */
  retryDelay?: number;
  /** Ms without upload progress before an attempt fails (fetch: ms to the answer); 0 turns it off. @default 60000 */
  timeout?: number;
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  onRetry?: (retry: UploadRetry) => void;
}

/**
 * Credentials: your public key, and an `authenticator` (retries possible) or one set of fixed values (one attempt).
 *
 * @example
 * ```ts
 * const auth: UploadAuth = { publicKey: "public_…", authenticator: () => fetch("/auth").then((r) => r.json()) };
 * ```
 */
export type UploadAuth = { publicKey: string } & (
  | { authenticator: Authenticator; token?: never; expire?: never; signature?: never }
  | ({ authenticator?: never } & AuthenticationParameters)
);

/**
 * Everything `upload()` takes besides the file.
 *
 * @example
 * ```ts
 * const options: UploadOptions = { fileName: "cat.jpg", publicKey, authenticator, tags: ["pets"], retries: 5 };
 * ```
 */
export type UploadOptions = { fileName: string } & UploadAuth & UploadParameters & UploadRules & UploadBehaviour;

/**
 * The multipart fields of an upload besides the credentials: `fileName`, `publicKey` and the API's parameters.
 *
 * @example
 * ```ts
 * const fields: UploadFields = { fileName: "a.jpg", publicKey: "public_…", tags: ["x"] };
 * ```
 */
export type UploadFields = { fileName: string; publicKey: string } & UploadParameters;

/**
 * What ImageKit answers for an uploaded file (the shape from `@ikit/core`'s API types).
 *
 * @example
 * ```ts
 * const { fileId, url }: UploadResult = await upload(file, options);
 * ```
 */
export type UploadResult = UploadResponse;
