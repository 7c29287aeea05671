// The shapes a UI's upload list is made of, shared by @ikit/react's and @ikit/vue's useUpload() so both list the
// same items and take the same options. Types only: importing them adds no byte to a bundle.
import type { UploadError } from "./errors.js";
import type { UploadProgress, UploadResult } from "./options.js";
import type { UploaderOptions, UploadTask, UploadTaskStatus } from "./queue.js";

/**
 * Options of an upload list (`useUpload()` in `@ikit/react` and `@ikit/vue`): `createUploader`'s options (every
 * upload option, applied to each file, plus `concurrency`) and where tokens come from.
 *
 * @example
 * ```ts
 * const options: UploadListOptions = { folder: "/gallery", accept: ["image/*"], maxFileSize: 10_000_000, concurrency: 2 };
 * ```
 */
export type UploadListOptions = UploaderOptions & {
  /** A URL answering `GET` with `{ token, expire, signature }`, used when no `authenticator` is given. */
  authEndpoint?: string;
};

/**
 * One file of an upload list, as a snapshot: a new object whenever the file's state changes (safe to compare in
 * React, re-rendered by Vue), never mutated.
 *
 * @example
 * ```ts
 * const label = (item: UploadItem) => `${item.name}: ${item.error?.message ?? item.status} ${Math.round(item.progress.fraction * 100)}%`;
 * ```
 */
export interface UploadItem {
  /** 1, 2, 3… in the order added. A retried file keeps its id and its place (a row keyed by it stays). */
  readonly id: number;
  /** The `fileName` sent. */
  readonly name: string;
  readonly status: UploadTaskStatus;
  /** Bytes sent, weighted as the queue weighs them; `fraction` never goes down. */
  readonly progress: UploadProgress;
  /** ImageKit's answer, once `done`. */
  readonly result?: UploadResult;
  /** Why it `failed` (`ABORT` when cancelled): an `UploadError` with a `code` and a message. */
  readonly error?: UploadError;
  /** The queue's task carrying the file now (`task.file` is what was added); a retry brings a new task, not a new id. */
  readonly task: UploadTask;
}

/**
 * The state of a whole upload list, cancelled files left out: `idle` with none, `uploading` while one is queued or
 * sent, `paused` when the only ones left are paused, then `error` if one failed (until it is retried or cleared),
 * else `done`.
 *
 * @example
 * ```ts
 * const busy = (status: UploadStatus) => status === "uploading";
 * ```
 */
export type UploadStatus = "idle" | "uploading" | "paused" | "done" | "error";
