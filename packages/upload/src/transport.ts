import { abortable } from "./abort.js";
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
  return abortable<Reply>(signal, (resolve, reject) => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      if (timeout) timer = setTimeout(() => reject(timeoutError(timeout)), timeout);
    };
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
        resolve({ status: xhr.status, text: xhr.responseText, header: (n) => xhr.getResponseHeader(n) });
      xhr.onerror = () => reject(networkError());
      xhr.send(body);
    } else {
      fetch(url, { method: "POST", body, signal: stop.signal }).then(
        async (response) =>
          resolve({ status: response.status, text: await response.text(), header: (n) => response.headers.get(n) }),
        (error) => reject(networkError(error)),
      );
    }
    // However the attempt ends (abort, timeout, an answer: then a no-op), the request stops and the timer with it.
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  });
}
