// One request to ImageKit: auth header, per-attempt timeout, caller's signal, safe retries, typed errors and
// `$ResponseMetadata`. Built on the global fetch only, so it runs unchanged in Node 20, workerd, Deno and Bun.
import {
  AdminError,
  errorClassOf,
  invalid,
  NetworkError,
  type ResponseMetadata,
  retryDelayOf,
  TimeoutError,
} from "./errors.js";

/**
 * Options every method takes as its last argument.
 *
 * @example
 * ```ts
 * await admin.getFile(fileId, { timeout: 5000, signal: AbortSignal.timeout(20_000), retries: 1 });
 * ```
 */
export interface RequestOptions {
  /** Milliseconds each attempt may take before a {@link TimeoutError}. @default the client's `timeout` */
  timeout?: number;
  /** Aborts the call (and any wait between retries); the call then rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Retries for this call; unsafe calls retry only a 429 (refused before anything was done). @default client's */
  retries?: number;
}

/** How a client talks to ImageKit; see {@link AdminOptions}. */
export interface TransportConfig {
  authorization: string;
  apiBase: string;
  uploadUrl: string;
  retries: number;
  timeout: number;
  maxRetryDelay: number;
  fetch: typeof fetch;
}

/** One API call. `body` is a factory so a retry sends a fresh body. */
export interface Call {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path under `apiBase`, or an absolute URL (uploads). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: () => { body: BodyInit; headers?: Record<string, string>; replayable: boolean };
  /** True when sending it twice does no harm (reads, set-like updates, deletes of one resource, purges). */
  safe: boolean;
}

/**
 * A result with the seed SDK's non-enumerable `$ResponseMetadata`.
 *
 * @example
 * ```ts
 * const file: WithMetadata<FileDetails> = await admin.getFile(fileId);
 * console.log(file.$ResponseMetadata.requestId, JSON.stringify(file)); // metadata not serialized
 * ```
 */
export type WithMetadata<T> = T & { readonly $ResponseMetadata: ResponseMetadata };

/** Waits `ms`, or rejects with `signal.reason` when the signal aborts first. */
export const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", aborted, { once: true });
  });

function metadataOf(response: Response): ResponseMetadata {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { statusCode: response.status, headers, requestId: headers["x-request-id"] };
}

/** Attaches `$ResponseMetadata` as the seed SDK does: non-enumerable, so results compare and serialize as data. */
export function withMetadata<T>(data: T, meta: ResponseMetadata): WithMetadata<T> {
  const result = (data !== null && typeof data === "object" ? data : {}) as WithMetadata<T>;
  Object.defineProperty(result, "$ResponseMetadata", { value: meta, enumerable: false });
  return result;
}

function urlOf(config: TransportConfig, call: Call): string {
  const url = new URL(/^https?:/.test(call.path) ? call.path : config.apiBase + call.path);
  for (const [key, value] of Object.entries(call.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.href;
}

/** Delay before retry `attempt` (0-based): the server's wait when it named one, else capped exponential backoff. */
function delayOf(attempt: number, asked: number | undefined, cap: number): number {
  if (asked !== undefined) return Math.min(asked + Math.random() * 50, cap);
  return Math.min(200 * 2 ** attempt * (0.5 + Math.random() / 2), cap);
}

/**
 * Sends `call`, retrying network errors and 5xx when `call.safe`, and 429 always (ImageKit refuses a rate-limited
 * request before acting on it); resolves to the parsed JSON body with its metadata.
 */
export async function send<T>(
  config: TransportConfig,
  call: Call,
  options: RequestOptions = {},
): Promise<WithMetadata<T>> {
  const { signal } = options;
  const timeout = options.timeout ?? config.timeout;
  const retries = options.retries ?? config.retries;
  if (!(Number.isFinite(timeout) && timeout > 0)) invalid(`timeout must be a positive number of ms (got ${timeout}).`);
  if (!(Number.isInteger(retries) && retries >= 0)) invalid(`retries must be a whole number ≥ 0 (got ${retries}).`);
  const url = urlOf(config, call);
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw signal.reason;
    const prepared = call.body?.();
    const headers: Record<string, string> = { authorization: config.authorization, ...prepared?.headers };
    let body: BodyInit | undefined = prepared?.body;
    if (call.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(call.json);
    }
    const canRepeat = prepared === undefined || prepared.replayable;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    let asked: number | undefined;
    try {
      const init: RequestInit & { duplex?: "half" } = { method: call.method, headers, signal: controller.signal };
      if (body !== undefined) init.body = body;
      if (body instanceof ReadableStream) init.duplex = "half";
      const response = await config.fetch(url, init);
      const text = await response.text();
      const meta = metadataOf(response);
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = response.ok ? undefined : { message: text.slice(0, 500) };
      }
      if (response.ok) return withMetadata(parsed as T, meta);
      const errorBody = (parsed && typeof parsed === "object" ? parsed : {}) as Record<string, unknown>;
      const message = typeof errorBody.message === "string" ? errorBody.message : `HTTP ${response.status}`;
      const ErrorClass = errorClassOf(response.status);
      const failure = new ErrorClass(message, meta, errorBody);
      asked = retryDelayOf(meta.headers);
      const retryable = response.status === 429 || (response.status >= 500 && call.safe);
      if (!retryable || !canRepeat || attempt >= retries) throw failure;
    } catch (error) {
      if (error instanceof AdminError) throw error;
      if (signal?.aborted) throw signal.reason;
      if (timedOut)
        throw new TimeoutError(`No answer from ${call.method} ${url} within ${timeout} ms.`, undefined, undefined, {
          cause: error,
        });
      const failure = new NetworkError(
        `${call.method} ${url} failed: ${(error as Error)?.message ?? error}`,
        undefined,
        undefined,
        { cause: error },
      );
      if (!call.safe || !canRepeat || attempt >= retries) throw failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward);
    }
    await sleep(delayOf(attempt, asked, config.maxRetryDelay), signal);
  }
}
