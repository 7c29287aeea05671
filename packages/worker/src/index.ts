// @ikit/worker: ImageKit at the edge. Signs and serves transformed images, rewrites HTML, issues upload tokens,
// receives webhooks and signs URLs in bulk, in a Cloudflare Worker that holds the private key as a secret.

import { readyWorker } from "./ready-worker.js";

export type {
  AuthConfig,
  AuthorizeResult,
  CacheConfig,
  DeliveryMode,
  Fit,
  HtmlConfig,
  ImageAllowList,
  ImageWorkerConfig,
  OutputFormat,
  RedirectConfig,
  SignConfig,
  WebhookConfig,
  WebhookDelivery,
} from "./config.js";
export type { ImageWorkerEnv } from "./env.js";
export { type ConfigProblem, WorkerConfigError } from "./errors.js";
export type { ProblemCode } from "./http/responses.js";
export type { FormatBucket } from "./image/format.js";
export { configFromEnv, type ReadyWorkerEnv } from "./ready-worker.js";

export type { KeyValueStore, RateLimiter, WaitUntil } from "./runtime.js";
export { createImageWorker, type ImageWorker } from "./worker.js";

// The ready worker: `main` of wrangler.jsonc, configured by its vars and secrets.
export default readyWorker;
