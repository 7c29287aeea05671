// useUpload(): @ikit/upload's queue (fresh token per attempt, retries, progress, abort) as reactive state. The
// uploader is created with the composable but sends nothing until files are given, so setup() is safe on a server.
import {
  createUploader,
  endpointAuthenticator,
  progressOf,
  type UploadError,
  type UploaderOptions,
  type UploadItem,
  type UploadListOptions,
  type UploadOptions,
  type UploadProgress,
  type UploadResult,
  type UploadSource,
  type UploadStatus,
  type UploadTask,
  type UploadTaskStatus,
  uploadItem,
  uploadSources,
  uploadStatus,
} from "@ikit/upload";
import { type ComputedRef, computed, getCurrentScope, onScopeDispose, type Ref, shallowRef } from "vue";
import { type ImageKitOptions, useImageKit, withDefined } from "./config.js";

/**
 * Options of {@link useUpload}: `@ikit/upload`'s `UploadListOptions` (any upload option, applied to every file;
 * `concurrency`; `authEndpoint`), with the plugin's `workerUrl` / `authEndpoint` / `publicKey` / `uploadEndpoint` /
 * `authenticator` as defaults.
 *
 * @example
 * ```ts
 * const options: UseUploadOptions = { folder: "/gallery", accept: ["image/*"], maxFileSize: 10_000_000, concurrency: 2 };
 * ```
 */
export type UseUploadOptions = UploadListOptions;

/**
 * What {@link useUpload} returns.
 *
 * @example
 * ```ts
 * const { add, upload, items, status, progress, error, abort, retry }: UseUpload = useUpload();
 * ```
 */
export interface UseUpload {
  /** Every file added and not cleared, in order: `@ikit/upload`'s `UploadItem`s, as `@ikit/react` lists them. */
  readonly items: Readonly<Ref<readonly UploadItem[]>>;
  /** `idle`, `uploading`, `paused`, `done` or `error`, cancelled files left out (`@ikit/upload`'s `UploadStatus`). */
  readonly status: ComputedRef<UploadStatus>;
  /** Over the files not cancelled, weighted by size (adding files lowers `fraction`). */
  readonly progress: ComputedRef<UploadProgress>;
  /** The most recent failure, gone once that file is retried or cleared. */
  readonly error: ComputedRef<UploadError | undefined>;
  /** ImageKit's answers for the files done, in order. */
  readonly results: ComputedRef<UploadResult[]>;
  /**
   * Queues files (a `File`, a `FileList` from an input, a drop or a paste, an array); returns their tasks. Failures
   * land in `items` and `error`, never thrown; only `null` or `undefined` in place of a file throws (`VALIDATION`).
   * `options` override the composable's for these files.
   */
  add(files: UploadSource | FileList | readonly UploadSource[], options?: Partial<UploadOptions>): UploadTask[];
  /** Queues one file and resolves with ImageKit's answer (rejects with its `UploadError`). */
  upload(file: UploadSource, options?: Partial<UploadOptions>): Promise<UploadResult>;
  /** Cancels one file (by `id`), or every unfinished one (`ABORT`). */
  abort(id?: number): void;
  /** Sends failed or cancelled files again (one, or all) with a fresh token, under the same ids; returns the tasks. */
  retry(id?: number): UploadTask[];
  /** Pauses one file or all (one being sent is stopped and sent again later with a fresh token). */
  pause(id?: number): void;
  resume(id?: number): void;
  /** Forgets finished files (done, failed, cancelled). */
  clear(): void;
}

/** Upload defaults from the plugin's options and the composable's: the authenticator, key and endpoint. */
function defaultsOf(config: ImageKitOptions, options: UseUploadOptions): UploaderOptions {
  const { authEndpoint = config.authEndpoint, ...rest } = options;
  const authenticator = config.authenticator ?? endpointAuthenticator({ authEndpoint, workerUrl: config.workerUrl });
  const defaults = {
    ...(config.publicKey && { publicKey: config.publicKey }),
    ...(config.uploadEndpoint && { endpoint: config.uploadEndpoint }),
    ...(authenticator && !rest.token && { authenticator }),
  };
  return withDefined(defaults, rest) as UploaderOptions;
}

const FINISHED = new Set<UploadTaskStatus>(["done", "failed", "cancelled"]);

/**
 * Uploads from the browser to ImageKit with `@ikit/upload`: a queue (`concurrency` at a time), a fresh token from
 * your server before every attempt (by default the worker's `/auth`), retries with backoff, per-file and overall
 * progress, abort, pause, retry of failed files. Cancels what is still running when the component unmounts.
 *
 * @example
 * ```ts
 * const { add, upload, status, progress, error } = useUpload({ folder: "/gallery", accept: ["image/*"] });
 * const onFiles = (files: File[]) => add(files); // from <IkDropZone @files>; failures show in `error`
 * async function replaceAvatar(file: File) {
 *   const result = await upload(file, { folder: "/avatars" });
 *   console.log(result.filePath, status.value, progress.value.fraction, error.value?.code);
 * }
 * ```
 */
export function useUpload(options: UseUploadOptions = {}): UseUpload {
  const uploader = createUploader(defaultsOf(useImageKit().value, options));
  // Our items in order, each with the task currently carrying it (a retry swaps in a new task).
  const entries: { id: number; task: UploadTask }[] = [];
  const items = shallowRef<readonly UploadItem[]>([]);
  // On every event of the queue, and after every action (which changes statuses without one).
  const sync = () => {
    items.value = entries.map(({ id, task }) => uploadItem(id, task));
  };
  for (const event of ["start", "progress", "success", "error", "retry", "complete"] as const) uploader.on(event, sync);

  let added = 0;
  function queue(file: UploadSource, fileOptions?: Partial<UploadOptions>, id = ++added) {
    const task = uploader.add(file, fileOptions);
    const existing = entries.find((entry) => entry.id === id);
    if (existing) existing.task = task;
    else entries.push({ id, task });
    return task;
  }
  const chosen = (id?: number) => entries.filter((entry) => id === undefined || entry.id === id);
  const each = (id: number | undefined, act: (task?: UploadTask) => void) => {
    if (id === undefined) act();
    else for (const { task } of chosen(id)) act(task);
    sync();
  };

  const status = computed<UploadStatus>(() => uploadStatus(items.value));
  const progress = computed<UploadProgress>(() => progressOf(items.value));
  const error = computed(() => [...items.value].reverse().find((item) => item.status === "failed")?.error);
  const results = computed(() => items.value.flatMap((item) => (item.result ? [item.result] : [])));

  if (getCurrentScope()) onScopeDispose(() => uploader.cancel());

  const add: UseUpload["add"] = (files, fileOptions) => {
    const tasks = uploadSources(files).map((file) => queue(file, fileOptions));
    sync();
    return tasks;
  };

  return {
    items,
    status,
    progress,
    error,
    results,
    add,
    upload(file, fileOptions) {
      const [task] = add(file, fileOptions);
      return (task as UploadTask).promise;
    },
    abort: (id) => each(id, (task) => uploader.cancel(task)),
    pause: (id) => each(id, (task) => uploader.pause(task)),
    resume: (id) => each(id, (task) => uploader.resume(task)),
    retry(id) {
      const again = chosen(id).filter(({ task }) => task.status === "failed" || task.status === "cancelled");
      const tasks = again.map(({ id: same, task }) => queue(task.file, task.options, same));
      sync();
      return tasks;
    },
    clear() {
      const unfinished = entries.filter(({ task }) => !FINISHED.has(task.status));
      entries.splice(0, entries.length, ...unfinished);
      sync();
    },
  };
}
