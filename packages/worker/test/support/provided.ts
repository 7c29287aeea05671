// What the Node side of the tests (global-setup.ts) hands over: `inject("worker")`, the upstreams' URLs, for the
// tests; `inject("workerSecrets")` for vitest.projects.ts only, which gives them to the Worker as bindings (env).

/** URLs of the real upstreams the workerd tests talk to over 127.0.0.1. */
export interface WorkerTestEnv {
  /** The emulator's URL endpoint; it refuses unsigned URLs (`restrictUnsignedUrls`). */
  urlEndpoint: string;
  /** A second emulator, same keys and files, whose faults the tests switch on and off. */
  faultyUrlEndpoint: string;
  /** The main emulator's upload API and public key, to prove `/auth` tokens work. */
  uploadUrl: string;
  publicKey: string;
  /** The test site: HTML pages (the origin for rewriting), a Range-capable file server and the control routes. */
  siteUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    worker: WorkerTestEnv;
    workerSecrets: { privateKey: string; webhookSecret: string; signSecret: string };
  }
}
