import { abortable } from "./abort.js";
import { UploadError } from "./errors.js";

/**
 * The answer to one attempt, whatever its status: status, body text and a header reader (a tuple: both transports
 * build one, and it is smaller in every bundle than an object).
 *
 * @example
 * ```ts
 * const reply: Reply = [200, '{"fileId":"f1"}', () => null];
 * ```
 */
export type Reply = [status: number, text: string, header: (name: string) => string | null];

/**
 * Sends one attempt (`body` POSTed to `url`) with XMLHttpRequest where it exists (browsers: byte progress), fetch
 * elsewhere (Workers, Node, Deno, Bun: no byte progress). Resolves with any HTTP answer; rejects with `NETWORK`,
 * `ABORT` (`signal`) or `TIMEOUT`: after `timeout` ms without upload progress (0: never). That stall timer restarts on
 * every progress event and stops once the last byte is sent: the server may then take its time. Without progress
 * events (fetch), it bounds the wait for the answer.
 *
 * @example
 * ```ts
 * const [status, text] = await send(url, form, signal, 60_000, (loaded, total) => {});
 * status; // 200
 * ```
 */
export function send(
  url: string,
  body: FormData,
  signal: AbortSignal | undefined,
  timeout: number,
  onProgress: (loaded: number, total: number) => void,
): Promise<Reply> {
  return abortable<Reply>(signal, (resolve, reject) => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      if (timeout)
        timer = setTimeout(
          () => reject(new UploadError("TIMEOUT", `No progress for ${timeout} ms (timeout)`, timeout)),
          timeout,
        );
    };
    arm();
    const fail = (error?: unknown) => reject(new UploadError("NETWORK", "Connection failed or cut", error));
    if (typeof XMLHttpRequest === "function") {
      const xhr = new XMLHttpRequest();
      stop.signal.onabort = () => xhr.abort();
      xhr.open("POST", url);
      xhr.upload.onprogress = (event) => {
        arm();
        onProgress(event.loaded, event.total);
      };
      xhr.upload.onload = () => clearTimeout(timer);
      xhr.onload = () => resolve([xhr.status, xhr.responseText, (n) => xhr.getResponseHeader(n)]);
      xhr.onerror = fail;
      xhr.send(body);
    } else {
      fetch(url, { method: "POST", body, signal: stop.signal })
        .then(
          async (response): Promise<Reply> => [response.status, await response.text(), (n) => response.headers.get(n)],
        )
        .then(resolve, fail);
    }
    // However the attempt ends (abort, timeout, an answer: then a no-op), the request stops and the timer with it.
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  });
}
