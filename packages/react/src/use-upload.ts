import {
  createUploader,
  endpointAuthenticator,
  progressOf,
  type Uploader,
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
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type ImageKitConfig, useImageKit } from "./provider.js";

/**
 * Options of {@link useUpload}: `@ikit/upload`'s `UploadListOptions` (any upload option, applied to every file; a
 * file's own options win; `concurrency`, read when the component mounts; `authEndpoint`). `publicKey`, `endpoint` and
 * the token endpoint default to the provider's `publicKey`, `uploadEndpoint` and `authEndpoint` (or
 * `${workerUrl}/auth`).
 *
 * @example
 * ```ts
 * const options: UseUploadOptions = { folder: "/gallery", maxFileSize: 10_000_000, accept: ["image/*"], concurrency: 2 };
 * ```
 */
export type UseUploadOptions = UploadListOptions;

/**
 * What {@link useUpload} returns.
 *
 * @example
 * ```tsx
 * const { items, progress, status, add, abort, retry } = useUpload();
 * ```
 */
export interface UseUploadResult {
  /** Every file added and not cleared, in order: `@ikit/upload`'s `UploadItem`s, as `@ikit/vue` lists them. */
  readonly items: readonly UploadItem[];
  /** Over every file not cancelled, weighted by size; never goes down while files are sent. */
  readonly progress: UploadProgress;
  /** `idle`, `uploading`, `paused`, `done` or `error`, cancelled files left out (`@ikit/upload`'s `UploadStatus`). */
  readonly status: UploadStatus;
  /**
   * Queues files (from an input, a drop, a paste); returns their tasks. Failures land in `items`, never thrown; only
   * `null` or `undefined` in place of a file throws (`VALIDATION`), as in `@ikit/vue`.
   */
  add(
    files: UploadSource | Iterable<UploadSource> | ArrayLike<UploadSource>,
    options?: Partial<UploadOptions>,
  ): UploadTask[];
  /** Queues one file and resolves with ImageKit's answer (rejects with its `UploadError`). */
  upload(file: UploadSource, options?: Partial<UploadOptions>): Promise<UploadResult>;
  /** Cancels one file, or every unfinished one. */
  abort(id?: number): void;
  /** Sends failed or cancelled files again (one, or all) with a fresh token, under the same ids; returns the tasks. */
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

/** A file of the list: its id, kept across retries, and the task carrying it now. */
interface Entry {
  readonly id: number;
  task: UploadTask;
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
  // Our files in order, each with the task carrying it (a retry swaps in a new task under the same id).
  const list = useRef({ entries: [] as Entry[], added: 0 });

  // On every event of the queue, and after every action (which changes statuses without one).
  const refresh = useCallback(() => setItems(list.current.entries.map(({ id, task }) => uploadItem(id, task))), []);

  useEffect(() => {
    const events = ["start", "progress", "success", "error", "retry", "complete"] as const;
    const stop = events.map((event) => uploader.on(event, refresh));
    return () => {
      for (const off of stop) off();
      uploader.cancel();
    };
  }, [uploader, refresh]);

  return useMemo(() => {
    const { entries } = list.current;
    // One file by id, or all for no id; an unknown id acts on none (never on all).
    const each = (id: number | undefined, action: (task?: UploadTask) => void) => {
      if (id === undefined) return action();
      const entry = entries.find((e) => e.id === id);
      if (entry) action(entry.task);
    };
    // Actions change statuses without an event.
    const act = <T>(result: T): T => {
      refresh();
      return result;
    };
    const add: UseUploadResult["add"] = (files, fileOptions) =>
      act(
        uploadSources(files).map((file) => {
          const task = uploader.add(file, {
            ...defaultsOf(latest.current.config, latest.current.options),
            ...fileOptions,
          } as Partial<UploadOptions>);
          entries.push({ id: ++list.current.added, task });
          return task;
        }),
      );
    return {
      items,
      // As the queue weighs it (by size), over the files shown: cleared ones no longer count.
      progress: progressOf(items),
      status: uploadStatus(items),
      add,
      upload: (file, fileOptions) => (add([file], fileOptions)[0] as UploadTask).promise,
      abort: (id) => act(each(id, uploader.cancel)),
      pause: (id) => act(each(id, uploader.pause)),
      resume: (id) => act(each(id, uploader.resume)),
      retry: (id) =>
        act(
          entries
            .filter(
              (entry) =>
                (id === undefined || entry.id === id) &&
                (entry.task.status === "failed" || entry.task.status === "cancelled"),
            )
            .map((entry) => {
              entry.task = uploader.add(entry.task.file, entry.task.options);
              return entry.task;
            }),
        ),
      clear: () => {
        const unfinished = entries.filter((entry) => !FINISHED.has(entry.task.status));
        entries.splice(0, entries.length, ...unfinished);
        act(undefined);
      },
    };
  }, [uploader, items, refresh]);
}
