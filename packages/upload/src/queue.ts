import { UploadError } from "./errors.js";
import type { UploadOptions, UploadProgress, UploadResult, UploadRetry, UploadSource } from "./options.js";
import { upload } from "./upload.js";

/**
 * Where a queued file is: waiting, sending, paused (by `pause()`), or finished one way or another.
 *
 * @example
 * ```ts
 * const waiting = uploader.tasks.filter((task) => task.status === "queued").length;
 * ```
 */
export type UploadTaskStatus = "queued" | "uploading" | "paused" | "done" | "failed" | "cancelled";

/**
 * One file in an {@link Uploader}.
 *
 * @example
 * ```ts
 * const task = uploader.add(file);
 * task.promise.then((result) => console.log(task.id, result.url));
 * ```
 */
export interface UploadTask {
  /** 1, 2, 3… in the order added. */
  readonly id: number;
  readonly file: UploadSource;
  readonly options: UploadOptions;
  status: UploadTaskStatus;
  /** Never goes down, not across retries nor a pause. */
  progress: UploadProgress;
  result?: UploadResult;
  error?: UploadError;
  /** Settles with the task: the result, or its `UploadError` (`ABORT` when cancelled). */
  readonly promise: Promise<UploadResult>;
}

/**
 * The events of an {@link Uploader} and what their listeners receive.
 *
 * @example
 * ```ts
 * uploader.on("progress", ({ task, overall }: UploaderEvents["progress"]) => render(task.id, overall.fraction));
 * ```
 */
export interface UploaderEvents {
  /** A task is being sent: first, after a resume or after a retry with a fresh token after a pause. */
  start: { task: UploadTask };
  progress: { task: UploadTask; overall: UploadProgress };
  success: { task: UploadTask; result: UploadResult };
  error: { task: UploadTask; error: UploadError };
  retry: { task: UploadTask; retry: UploadRetry };
  /** Nothing left queued, sending or paused. */
  complete: { tasks: UploadTask[] };
}

/**
 * Options of {@link createUploader}: `concurrency` and the defaults of every file's upload options.
 *
 * @example
 * ```ts
 * const options: UploaderOptions = { concurrency: 2, publicKey, authenticator, folder: "/gallery" };
 * ```
 */
export type UploaderOptions = Partial<UploadOptions> & {
  /** Files sent at once. @default 4 */
  concurrency?: number;
};

/**
 * A queue of uploads: see {@link createUploader}.
 *
 * @example
 * ```ts
 * const uploader: Uploader = createUploader({ publicKey, authenticator });
 * ```
 */
export interface Uploader {
  /** Queues a file; `fileName` defaults to a `File`'s name. Starts it when a slot is free. */
  add(file: UploadSource, options?: Partial<UploadOptions>): UploadTask;
  /** Pauses one task, or all (a task being sent is stopped and later sent again with a fresh token). */
  pause(task?: UploadTask): void;
  /** Queues one paused task again, or all. */
  resume(task?: UploadTask): void;
  /** Cancels one task, or all not yet finished; their promises reject with `ABORT`. */
  cancel(task?: UploadTask): void;
  /** Listens to an event; returns the function that stops listening. */
  on<E extends keyof UploaderEvents>(event: E, listener: (payload: UploaderEvents[E]) => void): () => void;
  /** Every task added, in order. */
  readonly tasks: readonly UploadTask[];
  /** Progress over all tasks not cancelled, weighted by size. */
  progress(): UploadProgress;
}

const PAUSED = "paused by the uploader";

/**
 * The progress of several files together, weighted by size (a file of unknown size weighs one byte), cancelled ones
 * left out; `fraction` is `empty` when none counts. What the queue's `overall` is made of (an empty queue is complete:
 * 1), and what `@ikit/react` and `@ikit/vue` show over the files they list (nothing listed: 0).
 *
 * @example
 * ```ts
 * progressOf(uploader.tasks.filter((task) => task.options.folder === "/avatars")); // { loaded, total, fraction }
 * ```
 */
export function progressOf(
  items: Iterable<{ readonly status: UploadTaskStatus; readonly progress: UploadProgress }>,
  empty = 0,
): UploadProgress {
  let loaded = 0;
  let total = 0;
  for (const { status, progress } of items) {
    if (status === "cancelled") continue;
    const weight = progress.total || 1;
    loaded += weight * progress.fraction;
    total += weight;
  }
  return { loaded, total, fraction: total ? loaded / total : empty };
}

/**
 * Creates a queue for many files: at most `concurrency` sent at once, each fetching its token just before it starts
 * (and before every retry), per-file and overall progress that never goes back, pause / resume / cancel of one file
 * or all, and events.
 *
 * @example
 * ```ts
 * const uploader = createUploader({
 *   publicKey: "public_…",
 *   authenticator: async () => (await fetch("/api/upload-auth")).json(),
 *   folder: "/gallery",
 * });
 * uploader.on("progress", ({ overall }) => (bar.value = overall.fraction));
 * uploader.on("complete", ({ tasks }) => console.log(tasks.filter((t) => t.status === "done").length, "uploaded"));
 * for (const file of input.files) uploader.add(file);
 * ```
 */
export function createUploader(options: UploaderOptions = {}): Uploader {
  const { concurrency = 4, ...defaults } = options;
  const tasks: UploadTask[] = [];
  const listeners = new Map<keyof UploaderEvents, Set<(payload: never) => void>>();
  const controllers = new Map<UploadTask, AbortController>();
  const settlers = new Map<UploadTask, [(result: UploadResult) => void, (error: UploadError) => void]>();
  let sending = 0;
  // `complete` once per drain: set when announced, cleared when work is added or resumed.
  let completed = false;

  const emit = <E extends keyof UploaderEvents>(event: E, payload: UploaderEvents[E]) => {
    for (const listener of listeners.get(event) ?? []) (listener as (payload: UploaderEvents[E]) => void)(payload);
  };
  // An empty queue has nothing left to send: complete.
  const overall = () => progressOf(tasks, 1);

  function finish(task: UploadTask, status: UploadTaskStatus, error?: UploadError, result?: UploadResult) {
    task.status = status;
    const [resolve, reject] = settlers.get(task) ?? [];
    settlers.delete(task);
    if (result) {
      task.result = result;
      resolve?.(result);
      emit("success", { task, result });
    } else if (error) {
      task.error = error;
      reject?.(error);
      if (status === "failed") emit("error", { task, error });
    }
  }

  async function start(task: UploadTask) {
    const controller = new AbortController();
    controllers.set(task, controller);
    task.status = "uploading";
    sending++;
    emit("start", { task });
    try {
      const result = await upload(task.file, {
        ...task.options,
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.fraction <= task.progress.fraction) return;
          task.progress = { ...progress, total: task.progress.total || progress.total };
          task.options.onProgress?.(task.progress);
          emit("progress", { task, overall: overall() });
        },
        onRetry: (retry) => {
          task.options.onRetry?.(retry);
          emit("retry", { task, retry });
        },
      });
      finish(task, "done", undefined, result);
    } catch (error) {
      const failure =
        error instanceof UploadError ? error : new UploadError("NETWORK", `Upload failed: ${error}`, error);
      // A pause aborts the request but keeps the task; a cancel or a failure ends it.
      if (controller.signal.reason !== PAUSED)
        finish(task, (task.status as UploadTaskStatus) === "cancelled" ? "cancelled" : "failed", failure);
    } finally {
      controllers.delete(task);
      sending--;
      pump();
    }
  }

  function pump() {
    for (const task of tasks) {
      if (sending >= concurrency) break;
      if (task.status === "queued") void start(task);
    }
    if (!sending && !completed && tasks.length && tasks.every((task) => /done|failed|cancelled/.test(task.status))) {
      completed = true;
      emit("complete", { tasks: [...tasks] });
    }
  }

  const select = (task: UploadTask | undefined) => (task ? [task] : tasks);

  return {
    tasks,
    progress: overall,
    add(file, fileOptions) {
      const name = typeof File === "function" && file instanceof File ? file.name : undefined;
      // Anything else (null, a number…) is refused with VALIDATION when the task starts, like every other bad input.
      const bytes =
        typeof file === "string" ? 0 : file instanceof Blob ? file.size : (file as Uint8Array | null)?.byteLength;
      const size = typeof bytes === "number" ? bytes : 0;
      let settle: [(result: UploadResult) => void, (error: UploadError) => void] = [() => {}, () => {}];
      const promise = new Promise<UploadResult>((resolve, reject) => {
        settle = [resolve, reject];
      });
      promise.catch(() => {}); // a failure is reported through events too; an unobserved promise is not an error
      const task: UploadTask = {
        id: tasks.length + 1,
        file,
        options: { fileName: name, ...defaults, ...fileOptions } as UploadOptions,
        status: "queued",
        progress: { loaded: 0, total: size, fraction: 0 },
        promise,
      };
      settlers.set(task, settle);
      tasks.push(task);
      completed = false;
      queueMicrotask(pump);
      return task;
    },
    pause(task) {
      for (const t of select(task)) {
        if (t.status === "queued") t.status = "paused";
        if (t.status === "uploading") {
          t.status = "paused";
          controllers.get(t)?.abort(PAUSED);
        }
      }
    },
    resume(task) {
      for (const t of select(task)) {
        if (t.status === "paused") {
          t.status = "queued";
          completed = false;
        }
      }
      pump();
    },
    cancel(task) {
      for (const t of select(task)) {
        if (t.status === "uploading") {
          t.status = "cancelled";
          controllers.get(t)?.abort(new UploadError("ABORT", "Upload cancelled"));
        } else if (t.status === "queued" || t.status === "paused") {
          finish(t, "cancelled", new UploadError("ABORT", "Upload cancelled"));
        }
      }
      pump();
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
  };
}
