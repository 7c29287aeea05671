// What an upload list in a UI is made of, framework-free: @ikit/react's and @ikit/vue's useUpload() build their items,
// status and accepted files with these, so the two list the same thing the same way. Not in `upload`'s or
// `createUploader`'s bundles: only what imports them pays for them.
import { UploadError } from "./errors.js";
import type { UploadItem, UploadStatus } from "./item.js";
import type { UploadSource } from "./options.js";
import type { UploadTask } from "./queue.js";

/**
 * The {@link UploadItem} of list entry `id`, carried now by `task`: a new object each time, never mutated.
 *
 * @example
 * ```ts
 * const items = entries.map(({ id, task }) => uploadItem(id, task)); // re-render with these
 * ```
 */
export function uploadItem(id: number, task: UploadTask): UploadItem {
  const { status, progress, result, error } = task;
  return {
    id,
    name: task.options.fileName ?? "",
    status,
    progress,
    task,
    ...(result && { result }),
    ...(error && { error }),
  };
}

/**
 * The {@link UploadStatus} of a list: cancelled files left out; `uploading` while one is queued or sent, then
 * `paused`, then `error` if one failed, else `done`; `idle` with none.
 *
 * @example
 * ```ts
 * uploadStatus([{ status: "done" }, { status: "failed" }]); // "error"
 * ```
 */
export function uploadStatus(items: Iterable<Pick<UploadItem, "status">>): UploadStatus {
  const counted = [...items].filter((item) => item.status !== "cancelled");
  if (!counted.length) return "idle";
  if (counted.some((item) => item.status === "queued" || item.status === "uploading")) return "uploading";
  if (counted.some((item) => item.status === "paused")) return "paused";
  return counted.some((item) => item.status === "failed") ? "error" : "done";
}

/**
 * The files a list is given (one source, a `FileList`, an array or any iterable), one by one. `null` or `undefined`
 * in place of a file is a mistake in the caller, not a failed upload: it throws `VALIDATION` saying which.
 *
 * @example
 * ```ts
 * uploadSources(input.files); // [File, File]
 * uploadSources(new Uint8Array([1, 2])); // one file of bytes
 * ```
 */
export function uploadSources(
  files: UploadSource | Iterable<UploadSource> | ArrayLike<UploadSource> | null | undefined,
): UploadSource[] {
  // A list is iterable or has a length; anything else is one file, which the queue then fails with VALIDATION on its
  // task if it is none (a number, a plain object): never dropped without a word.
  const many =
    typeof files === "object" &&
    files !== null &&
    !(files instanceof Blob || files instanceof ArrayBuffer || ArrayBuffer.isView(files)) &&
    (Symbol.iterator in files || typeof (files as ArrayLike<unknown>).length === "number");
  const list = many ? Array.from(files as Iterable<UploadSource>) : [files as UploadSource];
  const missing = list.findIndex((file) => file == null);
  if (missing >= 0)
    throw new UploadError(
      "VALIDATION",
      `useUpload: file ${missing} is ${list[missing]}; pass a File, Blob, FileList, bytes, a URL or an array of them.`,
      list[missing],
    );
  return list;
}
