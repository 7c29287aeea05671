// The contract between the HTTP layer (http/) and the API areas (upload/, media-library/, delivery/): a handler gets a
// Ctx and returns a Reply. Handlers never touch the response, so fault injection, the request log and error bodies
// live in one place, and a handler can be read as a function from request to answer.
import type { IncomingMessage } from "node:http";
import type { Store } from "./library/store.js";
import type { Limits } from "./limits.js";
import type { ImageQueue, ImageWork } from "./media/image-queue.js";

/** Settings the handlers read, fixed when the emulator starts. */
export interface Settings {
  /** e.g. `http://127.0.0.1:3030` */
  origin: string;
  /** e.g. `http://127.0.0.1:3030/emulator` */
  urlEndpoint: string;
  publicKey: string;
  privateKey: string;
  webhookSecret: string;
  restrictUnsignedUrls: boolean;
  /** What one request may cost: bytes, pixels, steps and time. */
  limits: Limits;
}

/** Everything a request handler can reach. */
export interface App {
  settings: Settings;
  store: Store;
  /** The bounded queue all pixel work (transformations, pHash) runs in. */
  imageQueue: ImageQueue;
  /** How long a bulk job stays `Pending`. */
  jobDelayMs: number;
  /** Bytes served by delivery since start, for the usage API. */
  bandwidthBytes: number;
  /** Runs `task` in the background (webhooks, bulk jobs), tracked so `close()` can wait for it; its errors are logged. */
  spawn(task: () => Promise<unknown>): void;
}

/** A parsed upload form: text fields (repeated names kept in order) and the `file` part streamed to disk. */
export interface UploadForm {
  fields: Map<string, string[]>;
  /** The binary `file` part, when one was sent as a file. */
  file?: { path: string; size: number; filename: string; mime: string };
}

/** Limits of {@link Ctx.readForm}. */
export interface FormLimits {
  /** Largest binary file part, bytes. */
  fileBytes: number;
  /** Largest text field (a base64 `file` is a text field), bytes. */
  fieldBytes: number;
}

/** One request being answered. */
export interface Ctx {
  app: App;
  /** Method and headers; the body is read with {@link Ctx.readJson} or {@link Ctx.readForm}. */
  req: IncomingMessage;
  url: URL;
  requestId: string;
  /** Route parameters, in order of the route's capture groups, percent-decoded. */
  params: string[];
  /**
   * `"private-key"` when the request came with HTTP Basic auth that the pipeline verified, else `"anonymous"` (the
   * upload API then checks its signature fields; delivery checks signed URLs).
   */
  caller: "private-key" | "anonymous";
  /** Aborts when the client closes the connection before the reply is sent: work for it can stop. */
  signal: AbortSignal;
  /** Reads a JSON object body (up to 5 MB; `{}` when empty); anything else is a 4xx. */
  readJson(): Promise<Record<string, unknown>>;
  /** Reads a `multipart/form-data` body, streaming its `file` part to `tempPath`. */
  readForm(tempPath: string, limits: FormLimits): Promise<UploadForm>;
}

/**
 * What a handler answers: a JSON body, bytes, a file streamed from disk, or no body. The HTTP layer sends it (and
 * drops it half-way when fault injection says so).
 */
export type Reply = { status: number; headers?: Record<string, string> } & (
  | { json: unknown }
  | { bytes: Buffer }
  | { file: string; size: number }
  | { empty: true }
);

/** A route handler. */
export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

/**
 * A JSON reply.
 *
 * @example
 * ```ts
 * return json(200, fileDetails(urlEndpoint, file, version));
 * ```
 */
export function json(status: number, body: unknown): Reply {
  return { status, json: body };
}

/**
 * A reply without a body, e.g. 204 after a delete.
 *
 * @example
 * ```ts
 * return noContent();
 * ```
 */
export function noContent(): Reply {
  return { status: 204, empty: true };
}

/**
 * What pixel work done for this request runs under: the limits, the shared image queue, and the request's signal.
 *
 * @example
 * ```ts
 * const out = await applyTransformation(path, steps, accept, imageWork(ctx));
 * ```
 */
export function imageWork(ctx: Ctx): ImageWork {
  return { limits: ctx.app.settings.limits, queue: ctx.app.imageQueue, signal: ctx.signal };
}
