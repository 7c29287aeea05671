// @ikit/worker: ImageKit at the edge. Signs and serves transformed images, rewrites HTML, issues upload tokens,
// receives webhooks and signs URLs in bulk, in a Cloudflare Worker that holds the private key as a secret.

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
export { configFromEnv, type ReadyWorkerEnv, readyWorker as default } from "./ready-worker.js";
export { createImageWorker, type ImageWorker } from "./worker.js";
