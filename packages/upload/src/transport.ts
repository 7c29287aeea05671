import { UploadError } from "./errors.js";

/** One attempt's request. */
export interface Send {
  url: string;
  body: FormData;
  signal: AbortSignal | undefined;
  /** Ms without upload progress (XHR) or without an answer (fetch) before failing with `TIMEOUT`; 0: never. */
  timeout: number;
  onProgress: (loaded: number, total: number) => void;
}

/** The answer to one attempt, whatever its status. */
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

/** XMLHttpRequest, for upload progress. All bytes sent stops the stall timer: the server may then take its time. */
function sendXhr({ url, body, signal, timeout, onProgress }: Send): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => settle(abortError(signal));
    const settle = (error?: UploadError) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (!error)
        resolve({ status: xhr.status, text: xhr.responseText, header: (name) => xhr.getResponseHeader(name) });
      else {
        reject(error);
        xhr.abort();
      }
    };
    const arm = () => {
      clearTimeout(timer);
      if (timeout) timer = setTimeout(() => settle(timeoutError(timeout)), timeout);
    };
    xhr.open("POST", url);
    xhr.upload.onprogress = (event) => {
      arm();
      onProgress(event.loaded, event.total);
    };
    xhr.upload.onload = () => clearTimeout(timer);
    xhr.onload = () => settle();
    xhr.onerror = () => settle(networkError());
    signal?.addEventListener("abort", onAbort);
    xhr.send(body);
    arm();
  });
}

/** fetch, where there is no XMLHttpRequest (Workers, Node, Deno, Bun): the same, without byte progress. */
async function sendFetch({ url, body, signal, timeout }: Send): Promise<Reply> {
  const timer = AbortSignal.timeout(timeout || 2 ** 31 - 1);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      signal: AbortSignal.any(signal ? [signal, timer] : [timer]),
    });
    return { status: response.status, text: await response.text(), header: (name) => response.headers.get(name) };
  } catch (error) {
    throw signal?.aborted ? abortError(signal) : timer.aborted ? timeoutError(timeout) : networkError(error);
  }
}

/**
 * Sends one attempt with XMLHttpRequest where it exists (browsers), fetch elsewhere. Rejects with `NETWORK`,
 * `TIMEOUT` or `ABORT`; any HTTP answer resolves.
 *
 * @example
 * ```ts
 * const reply = await send({ url, body: form, signal, timeout: 60_000, onProgress: (loaded, total) => {} });
 * reply.status; // 200
 * ```
 */
export function send(request: Send): Promise<Reply> {
  return typeof XMLHttpRequest === "function" ? sendXhr(request) : sendFetch(request);
}
