import {
  createUploader,
  endpointAuthenticator,
  progressOf,
  type UploadError,
  type Uploader,
  type UploadOptions,
  type UploadProgress,
  type UploadResult,
  type UploadSource,
  type UploadTask,
  type UploadTaskStatus,
} from "@ikit/upload";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type ImageKitConfig, useImageKit } from "./provider.js";

/**
 * Options of {@link useUpload}: any `@ikit/upload` option, applied to every file (a file's own options win), plus
 * `concurrency` and where tokens come from. `publicKey`, `endpoint` and the token endpoint default to the provider's
 * `publicKey`, `uploadEndpoint` and `authEndpoint` (or `${workerUrl}/auth`).
 *
 * @example
 * ```ts
 * const options: UseUploadOptions = { folder: "/gallery", maxFileSize: 10_000_000, accept: ["image/*"], concurrency: 2 };
 * ```
 */
export type UseUploadOptions = Partial<UploadOptions> & {
  /** Files sent at once; read when the component mounts. @default 4 */
  concurrency?: number;
  /** A URL answering `{ token, expire, signature }` (GET), used when no `authenticator` is given. */
  authEndpoint?: string;
};

/**
 * One file of {@link useUpload}, as a snapshot that changes identity when the file's state changes (safe to
 * compare in React).
 *
 * @example
 * ```tsx
 * {items.map((item) => <li key={item.id}>{item.name}: {item.status} {Math.round(item.progress.fraction * 100)}%</li>)}
 * ```
 */
export interface UploadItem {
  readonly id: number;
  /** The file's name (`fileName`). */
  readonly name: string;
  readonly status: UploadTaskStatus;
  readonly progress: UploadProgress;
  /** ImageKit's answer, once `done`. */
  readonly result?: UploadResult;
  /** Why it `failed` (or `ABORT` when cancelled): a typed `UploadError` with a `code` and a message. */
  readonly error?: UploadError;
  /** The queue's task behind it. */
  readonly task: UploadTask;
}

/**
 * All files together: `idle` before any, `uploading` while one is queued, sending or paused, then `error` when
 * one failed, else `done`.
 *
 * @example
 * ```ts
 * const busy = (status: UploadStatus) => status === "uploading";
 * ```
 */
export type UploadStatus = "idle" | "uploading" | "done" | "error";

/**
 * What {@link useUpload} returns.
 *
 * @example
 * ```tsx
 * const { items, progress, status, add, abort, retry } = useUpload();
 * ```
 */
export interface UseUploadResult {
  /** Every file added and not cleared, in order. */
  readonly items: readonly UploadItem[];
  /** Over every file not cancelled, weighted by size; never goes down while files are sent. */
  readonly progress: UploadProgress;
  readonly status: UploadStatus;
  /** Queues files (from an input, a drop, a paste); returns their tasks. Failures land in `items`, never thrown. */
  add(
    files: UploadSource | Iterable<UploadSource> | ArrayLike<UploadSource>,
    options?: Partial<UploadOptions>,
  ): UploadTask[];
  /** Queues one file and resolves with ImageKit's answer (rejects with its `UploadError`). */
  upload(file: UploadSource, options?: Partial<UploadOptions>): Promise<UploadResult>;
  /** Cancels one file, or every unfinished one. */
  abort(id?: number): void;
  /** Sends failed or cancelled files again (one, or all), each as a new item with a fresh token. */
  retry(id?: number): UploadTask[];
  /** Pauses one file or all (one being sent is stopped and sent again later with a fresh token). */
  pause(id?: number): void;
  resume(id?: number): void;
  /** Forgets finished files (done, failed, cancelled). */
  clear(): void;
}

const FINISHED = new Set<UploadTaskStatus>(["done", "failed", "cancelled"]);

/** The options every file gets: the provider's, then the hook's. */
function defaultsOf(config: ImageKitConfig, options: UseUploadOptions): Partial<UploadOptions> {
  const { concurrency: _concurrency, authEndpoint = config.authEndpoint, ...rest } = options;
  const authenticator = endpointAuthenticator({ authEndpoint, workerUrl: config.workerUrl });
  return {
    ...(config.publicKey && { publicKey: config.publicKey }),
    ...(config.uploadEndpoint && { endpoint: config.uploadEndpoint }),
    ...(authenticator && !rest.token && { authenticator }),
    ...rest,
  } as Partial<UploadOptions>;
}

function snapshot(task: UploadTask): UploadItem {
  const { id, status, progress, result, error } = task;
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

function sources(files: UploadSource | Iterable<UploadSource> | ArrayLike<UploadSource>): UploadSource[] {
  if (typeof files === "string" || files instanceof Blob || files instanceof ArrayBuffer || ArrayBuffer.isView(files))
    return [files];
  return Array.from(files as Iterable<UploadSource>);
}

/**
 * Uploads from React over `@ikit/upload`: a queue (`concurrency` files at once, a fresh token before every attempt,
 * retries with backoff), per-file and overall progress, abort, pause, resume and retry, as state that re-renders.
 * Tokens come from `authEndpoint`, the provider's `authEndpoint`, or `@ikit/worker`'s `/auth` at `workerUrl`; pass
 * `authenticator` for anything else. Unfinished uploads are cancelled when the component unmounts. Creates nothing
 * that needs a browser until a file is added, so it renders on the server.
 *
 * @example
 * ```tsx
 * function Uploads() {
 *   const { items, progress, status, add, abort } = useUpload({ folder: "/gallery", accept: ["image/*"] });
 *   return (
 *     <>
 *       <input type="file" multiple onChange={(event) => add(event.currentTarget.files ?? [])} />
 *       <progress value={progress.fraction} />
 *       <p>{status}</p>
 *       {items.map((item) => (
 *         <p key={item.id}>
 *           {item.name}: {item.error?.message ?? item.status}
 *           <button type="button" onClick={() => abort(item.id)}>Cancel</button>
 *         </p>
 *       ))}
 *     </>
 *   );
 * }
 * ```
 */
export function useUpload(options: UseUploadOptions = {}): UseUploadResult {
  const config = useImageKit();
  const latest = useRef({ config, options });
  latest.current = { config, options };
  const [uploader] = useState<Uploader>(() => createUploader({ concurrency: options.concurrency ?? 4 }));
  const [items, setItems] = useState<readonly UploadItem[]>([]);
  const hidden = useRef(new Set<number>());

  const refresh = useCallback(() => {
    setItems(uploader.tasks.filter((task) => !hidden.current.has(task.id)).map(snapshot));
  }, [uploader]);

  useEffect(() => {
    const events = ["progress", "success", "error", "retry", "complete"] as const;
    const stop = events.map((event) => uploader.on(event, refresh));
    return () => {
      for (const off of stop) off();
      uploader.cancel();
    };
  }, [uploader, refresh]);

  return useMemo(() => {
    // One task by id, or all for no id; an unknown id acts on none (never on all).
    const each = (id: number | undefined, action: (task?: UploadTask) => void) => {
      if (id === undefined) return action();
      const task = uploader.tasks.find((t) => t.id === id);
      if (task) action(task);
    };
    // Actions change statuses without an event: show them once the queue has started what it can.
    const act = <T>(result: T): T => {
      refresh();
      queueMicrotask(refresh);
      return result;
    };
    const add: UseUploadResult["add"] = (files, fileOptions) =>
      act(
        sources(files).map((file) =>
          uploader.add(file, {
            ...defaultsOf(latest.current.config, latest.current.options),
            ...fileOptions,
          } as Partial<UploadOptions>),
        ),
      );
    const status: UploadStatus = !items.length
      ? "idle"
      : items.some((item) => !FINISHED.has(item.status))
        ? "uploading"
        : items.some((item) => item.status === "failed")
          ? "error"
          : "done";
    return {
      items,
      // As the queue weighs it (by size), over the files shown: cleared ones no longer count.
      progress: progressOf(items),
      status,
      add,
      upload: (file, fileOptions) => (add([file], fileOptions)[0] as UploadTask).promise,
      abort: (id) => act(each(id, uploader.cancel)),
      pause: (id) => act(each(id, uploader.pause)),
      resume: (id) => act(each(id, uploader.resume)),
      retry: (id) => {
        const again = uploader.tasks.filter(
          (task) =>
            (id === undefined || task.id === id) &&
            !hidden.current.has(task.id) &&
            (task.status === "failed" || task.status === "cancelled"),
        );
        for (const task of again) hidden.current.add(task.id);
        return act(again.map((task) => uploader.add(task.file, task.options)));
      },
      clear: () => {
        for (const task of uploader.tasks) if (FINISHED.has(task.status)) hidden.current.add(task.id);
        act(undefined);
      },
    };
  }, [uploader, items, refresh]);
}
