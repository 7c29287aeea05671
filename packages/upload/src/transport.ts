import { UploadError } from "./errors.js";

/**
 * One attempt's request.
 *
 * @example
 * ```ts
 * const request: Send = { url, body: form, signal: undefined, timeout: 60_000, onProgress: () => {} };
 * ```
 */
export interface Send {
  url: string;
  body: FormData;
  signal: AbortSignal | undefined;
  /** Ms without upload progress (XHR) or without an answer (fetch) before failing with `TIMEOUT`; 0: never. */
  timeout: number;
  onProgress: (loaded: number, total: number) => void;
}

/**
 * The answer to one attempt, whatever its status.
 *
 * @example
 * ```ts
 * const reply: Reply = { status: 200, text: '{"fileId":"f1"}', header: () => null };
 * ```
 */
export interface Reply {
  status: number;
  text: string;
  header: (name: string) => string | null;
}

const networkError = (cause?: unknown) => new UploadError("NETWORK", "Connection failed or cut", cause);
const timeoutError = (ms: number) => new UploadError("TIMEOUT", `No progress for ${ms} ms (timeout)`, ms);

/**
 * The `ABORT` error for an aborted signal, carrying its reason.
 *
 * @example
 * ```ts
 * if (signal?.aborted) throw abortError(signal);
 * ```
 */
export const abortError = (signal: AbortSignal | undefined) =>
  new UploadError("ABORT", "Upload aborted", signal?.reason);

/**
 * Sends one attempt with XMLHttpRequest where it exists (browsers: byte progress), fetch elsewhere (Workers, Node,
 * Deno, Bun: no byte progress). Resolves with any HTTP answer; rejects with `NETWORK`, `ABORT` or `TIMEOUT`. The
 * stall timer restarts on every progress event and stops once the last byte is sent: the server may then take its
 * time. Without progress events (fetch), it bounds the wait for the answer.
 *
 * @example
 * ```ts
 * const reply = await send({ url, body: form, signal, timeout: 60_000, onProgress: (loaded, total) => {} });
 * reply.status; // 200
 * ```
 */
export function send({ url, body, signal, timeout, onProgress }: Send): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (error?: UploadError, reply?: Reply) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error) stop.abort();
      error ? reject(error) : resolve(reply as Reply);
    };
    const onAbort = () => settle(abortError(signal));
    const arm = () => {
      clearTimeout(timer);
      if (timeout) timer = setTimeout(() => settle(timeoutError(timeout)), timeout);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort);
    arm();
    if (typeof XMLHttpRequest === "function") {
      const xhr = new XMLHttpRequest();
      stop.signal.onabort = () => xhr.abort();
      xhr.open("POST", url);
      xhr.upload.onprogress = (event) => {
        arm();
        onProgress(event.loaded, event.total);
      };
      xhr.upload.onload = () => clearTimeout(timer);
      xhr.onload = () =>
        settle(undefined, { status: xhr.status, text: xhr.responseText, header: (n) => xhr.getResponseHeader(n) });
      xhr.onerror = () => settle(networkError());
      xhr.send(body);
    } else {
      fetch(url, { method: "POST", body, signal: stop.signal })
        .then(async (response) => ({
          status: response.status,
          text: await response.text(),
          header: (n: string) => response.headers.get(n),
        }))
        .then(
          (reply) => settle(undefined, reply),
          (error) => settle(networkError(error)),
        );
    }
  });
}
