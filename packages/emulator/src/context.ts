import type { IncomingMessage, ServerResponse } from "node:http";
import type { Faults } from "./http/faults.js";
import type { RateLimits } from "./http/rate-limit.js";
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
  faults: Faults;
  rateLimits: RateLimits;
  /** The bounded queue all pixel work (transformations, pHash) runs in. */
  imageQueue: ImageQueue;
  /** How long a bulk job stays `Pending`. */
  jobDelayMs: number;
  /** Bytes served by delivery since start, for the usage API. */
  bandwidthBytes: number;
  /** Background work (webhooks, bulk jobs) that `close()` waits for. */
  background: Set<Promise<unknown>>;
  /** Runs `task` in the background, tracked so `close()` can wait for it; its errors are swallowed. */
  spawn(task: () => Promise<unknown>): void;
}

/** One request being answered. */
export interface Ctx {
  app: App;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  /** Route parameters, in order of the route's capture groups, percent-decoded. */
  params: string[];
  /** Set by fault injection: cut the connection half-way through the response body. */
  drop: boolean;
  /** Aborts when the client closes the connection before the response is complete: work for it can stop. */
  signal: AbortSignal;
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
