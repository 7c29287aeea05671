import type { IncomingMessage, ServerResponse } from "node:http";
import type { Faults } from "./http/faults.js";
import type { RateLimits } from "./http/rate-limit.js";
import type { Store } from "./library/store.js";

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
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
}

/** Everything a request handler can reach. */
export interface App {
  settings: Settings;
  store: Store;
  faults: Faults;
  rateLimits: RateLimits;
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
}
