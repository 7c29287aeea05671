// useUpload(): @ikit/upload's queue (fresh token per attempt, retries, progress, abort) as reactive state. The
// uploader is created with the composable but sends nothing until files are given, so setup() is safe on a server.
import {
  type Authenticator,
  createUploader,
  type UploadError,
  type UploaderOptions,
  type UploadOptions,
  type UploadResult,
  type UploadSource,
  type UploadTask,
  type UploadTaskStatus,
} from "@ikit/upload";
import { type ComputedRef, computed, getCurrentScope, onScopeDispose, type Ref, shallowRef } from "vue";
import { type ImageKitOptions, useImageKit, withDefined } from "./config.js";

/**
 * Options of {@link useUpload}: any `@ikit/upload` option (applied to every file), `concurrency`, and the plugin's
 * `workerUrl` / `publicKey` / `uploadEndpoint` / `authenticator` as defaults.
 *
 * @example
 * ```ts
 * const options: UseUploadOptions = { folder: "/gallery", accept: ["image/*"], maxFileSize: 10_000_000, concurrency: 2 };
 * ```
 */
export type UseUploadOptions = UploaderOptions;

/**
 * One file in {@link UseUpload.items}: a snapshot, replaced (not mutated) on every change, so templates re-render.
 *
 * @example
 * ```ts
 * const { items } = useUpload();
 * const labels = computed(() => items.value.map((item) => `${item.name}: ${Math.round(item.progress * 100)}%`));
 * ```
 */
export interface UploadItem {
  /** 1, 2, 3… in the order added; a retried file keeps its id. */
  readonly id: number;
  /** The `fileName` sent. */
  readonly name: string;
  readonly status: UploadTaskStatus;
  /** 0 to 1; never goes down. */
  readonly progress: number;
  readonly loaded: number;
  readonly total: number;
  readonly result?: UploadResult;
  readonly error?: UploadError;
}

/**
 * The state of the whole queue, cancelled files left out: `idle` before any file, `uploading` while any is queued or
 * sent, `paused`, then `error` if a file failed (until it is retried or cleared), else `done`.
 *
 * @example
 * ```ts
 * const { status } = useUpload();
 * const busy = computed(() => status.value === "uploading");
 * ```
 */
export type UploadStatus = "idle" | "uploading" | "paused" | "done" | "error";

/**
 * What {@link useUpload} returns.
 *
 * @example
 * ```ts
 * const { upload, items, status, progress, error, abort, retry }: UseUpload = useUpload();
 * ```
 */
export interface UseUpload {
  /** Every file added, in order. */
  readonly items: Readonly<Ref<readonly UploadItem[]>>;
  readonly status: ComputedRef<UploadStatus>;
  /** Overall progress, 0 to 1, weighted by size over the files not cancelled. */
  readonly progress: ComputedRef<number>;
  /** The most recent failure, cleared by `retry()`. */
  readonly error: ComputedRef<UploadError | undefined>;
  /** Results of the files uploaded, in order. */
  readonly results: ComputedRef<UploadResult[]>;
  /**
   * Queues one file or many (`File`, `Blob`, a `FileList`, an array); resolves with their results in order, or rejects
   * with the first `UploadError`. `options` override the composable's for these files.
   */
  upload(
    files: UploadSource | FileList | readonly UploadSource[],
    options?: Partial<UploadOptions>,
  ): Promise<UploadResult[]>;
  /** Cancels one file, or every unfinished one (`ABORT`). */
  abort(item?: UploadItem): void;
  /** Sends a failed or cancelled file again (all of them without an argument), with a fresh token. */
  retry(item?: UploadItem): Promise<UploadResult[]>;
  pause(item?: UploadItem): void;
  resume(item?: UploadItem): void;
  /** Forgets the finished files (done, failed, cancelled). */
  clear(): void;
}

/** The default authenticator: a `GET <workerUrl>/auth` with cookies (the worker's CORS allows them). */
function workerAuthenticator(workerUrl: string): Authenticator {
  return async () => {
    const response = await fetch(`${workerUrl.endsWith("/") ? workerUrl.slice(0, -1) : workerUrl}/auth`, {
      credentials: "include",
    });
    if (!response.ok) throw new Error(`${workerUrl}/auth answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
}

/** Upload defaults taken from the plugin's options. */
function fromOptions(options: ImageKitOptions): Partial<UploadOptions> {
  const authenticator = options.authenticator ?? (options.workerUrl && workerAuthenticator(options.workerUrl));
  return {
    ...(options.publicKey && { publicKey: options.publicKey }),
    ...(options.uploadEndpoint && { endpoint: options.uploadEndpoint }),
    ...(authenticator && { authenticator }),
  } as Partial<UploadOptions>;
}

const FINISHED = new Set<UploadTaskStatus>(["done", "failed", "cancelled"]);

/**
 * Uploads from the browser to ImageKit with `@ikit/upload`: a queue (`concurrency` at a time), a fresh token from
 * your server before every attempt (by default the worker's `/auth`), retries with backoff, per-file and overall
 * progress, abort, pause, retry of failed files. Cancels what is still running when the component unmounts.
 *
 * @example
 * ```ts
 * const { upload, status, progress, error } = useUpload({ folder: "/gallery", accept: ["image/*"] });
 * async function onFiles(files: File[]) {
 *   const [result] = await upload(files);
 *   console.log(result?.filePath, status.value, progress.value, error.value?.code);
 * }
 * ```
 */
export function useUpload(options: UseUploadOptions = {}): UseUpload {
  const uploader = createUploader(withDefined(fromOptions(useImageKit().value), options) as UploaderOptions);
  // Our items in order, each with the task currently carrying it (a retry swaps in a new task).
  const entries: { id: number; task: UploadTask }[] = [];
  const items = shallowRef<readonly UploadItem[]>([]);
  const snapshot = ({ id, task }: { id: number; task: UploadTask }): UploadItem => ({
    id,
    name: task.options.fileName,
    status: task.status,
    progress: task.progress.fraction,
    loaded: task.progress.loaded,
    total: task.progress.total,
    ...(task.result && { result: task.result }),
    ...(task.error && { error: task.error }),
  });
  const sync = () => {
    items.value = entries.map(snapshot);
  };
  for (const event of ["progress", "success", "error", "retry", "complete"] as const) uploader.on(event, sync);

  const entryOf = (item: UploadItem) => entries.find((entry) => entry.id === item.id);
  const tasksOf = (item?: UploadItem) => (item ? [entryOf(item)?.task].filter((task) => task !== undefined) : []);
  const settle = (tasks: UploadTask[]) => {
    sync();
    return Promise.all(tasks.map((task) => task.promise));
  };

  let added = 0;
  function add(file: UploadSource, fileOptions?: Partial<UploadOptions>, id = ++added) {
    const task = uploader.add(file, fileOptions);
    const existing = entries.find((entry) => entry.id === id);
    if (existing) existing.task = task;
    else entries.push({ id, task });
    return task;
  }

  const status = computed<UploadStatus>(() => {
    const list = items.value.filter((item) => item.status !== "cancelled");
    if (!list.length) return "idle";
    if (list.some((item) => item.status === "queued" || item.status === "uploading")) return "uploading";
    if (list.some((item) => item.status === "paused")) return "paused";
    return list.some((item) => item.status === "failed") ? "error" : "done";
  });
  const progress = computed(() => {
    const live = items.value.filter((item) => item.status !== "cancelled");
    const total = live.reduce((sum, item) => sum + (item.total || 1), 0);
    return total ? live.reduce((sum, item) => sum + (item.total || 1) * item.progress, 0) / total : 0;
  });
  const error = computed(() => [...items.value].reverse().find((item) => item.status === "failed")?.error);
  const results = computed(() => items.value.flatMap((item) => (item.result ? [item.result] : [])));

  if (getCurrentScope()) onScopeDispose(() => uploader.cancel());

  return {
    items,
    status,
    progress,
    error,
    results,
    upload(files, fileOptions) {
      const many = Array.isArray(files) || (typeof FileList === "function" && files instanceof FileList);
      const list = many ? Array.from(files as ArrayLike<UploadSource>) : [files as UploadSource];
      return settle(list.map((file) => add(file, fileOptions)));
    },
    abort(item) {
      if (item) for (const task of tasksOf(item)) uploader.cancel(task);
      else uploader.cancel();
      sync();
    },
    retry(item) {
      const chosen = item ? entries.filter((entry) => entry.id === item.id) : entries;
      const again = chosen.filter(({ task }) => task.status === "failed" || task.status === "cancelled");
      return settle(again.map(({ id, task }) => add(task.file, task.options, id)));
    },
    pause(item) {
      if (item) for (const task of tasksOf(item)) uploader.pause(task);
      else uploader.pause();
      sync();
    },
    resume(item) {
      if (item) for (const task of tasksOf(item)) uploader.resume(task);
      else uploader.resume();
      sync();
    },
    clear() {
      const unfinished = entries.filter(({ task }) => !FINISHED.has(task.status));
      entries.splice(0, entries.length, ...unfinished);
      sync();
    },
  };
}
