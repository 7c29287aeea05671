import type { ImageWorkerConfig } from "./config.js";
import type { ImageWorkerEnv } from "./env.js";
import { problem } from "./http/responses.js";
import type { WaitUntil } from "./runtime.js";
import { createImageWorker, type ImageWorker } from "./worker.js";

/**
 * The environment of the ready worker: `vars` from wrangler config plus the secrets of {@link ImageWorkerEnv}.
 *
 * @example
 * ```jsonc
 * // wrangler.jsonc
 * "vars": {
 *   "IMAGEKIT_URL_ENDPOINT": "https://ik.imagekit.io/demo",
 *   "IMAGEKIT_PUBLIC_KEY": "public_…",
 *   "IKIT_CONFIG": { "allow": { "paths": ["/products/"], "widths": [320, 640] } }
 * }
 * ```
 */
export interface ReadyWorkerEnv extends ImageWorkerEnv {
  /** `urlEndpoint`. */
  IMAGEKIT_URL_ENDPOINT?: string;
  /** `auth.publicKey`, when `IKIT_CONFIG` has `auth`. */
  IMAGEKIT_PUBLIC_KEY?: string;
  /** The rest of {@link ImageWorkerConfig} as JSON (an object var, or a string holding JSON), without functions. */
  IKIT_CONFIG?: unknown;
}

/**
 * The configuration the ready worker builds from its environment: `IKIT_CONFIG` plus `urlEndpoint` and the auth
 * public key from their own vars. JSON holds no functions, so `/auth` here needs `"anonymous": true` in
 * `IKIT_CONFIG.auth` (the configuration is refused without it). Webhook events are logged by type and id (the ready worker has no app to hand them
 * to; use `createImageWorker` with your own `onEvent` for that).
 *
 * @example
 * ```ts
 * configFromEnv({ IMAGEKIT_URL_ENDPOINT: "https://ik.imagekit.io/demo", IKIT_CONFIG: { allow: { paths: ["/p/"] } } });
 * // { urlEndpoint: "https://ik.imagekit.io/demo", allow: { paths: ["/p/"] } }
 * ```
 */
export function configFromEnv(env: ReadyWorkerEnv): ImageWorkerConfig<ReadyWorkerEnv> {
  let rest: Record<string, unknown> = {};
  const raw = env.IKIT_CONFIG;
  if (typeof raw === "string") {
    try {
      rest = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new SyntaxError("IKIT_CONFIG is a string but not JSON: write it as an object in wrangler config's vars.");
    }
  } else if (raw !== undefined) {
    rest = raw as Record<string, unknown>;
  }
  const config = { ...rest, urlEndpoint: env.IMAGEKIT_URL_ENDPOINT } as ImageWorkerConfig<ReadyWorkerEnv>;
  if (rest.auth !== undefined) config.auth = { publicKey: env.IMAGEKIT_PUBLIC_KEY, ...rest.auth } as never;
  if (rest.webhook !== undefined) {
    config.webhook = {
      ...(rest.webhook as object),
      onEvent: (event, { id, scheme }) => console.log(`ikit-worker: webhook ${event.type} ${id} (${scheme})`),
    };
  }
  return config;
}

// One worker per environment object: a pure function of the vars, rebuilt in every isolate, holding nothing else.
const workers = new WeakMap<object, ImageWorker<ReadyWorkerEnv>>();

/**
 * The ready worker: `main` of the package's wrangler config. Its configuration comes from the vars and secrets of
 * {@link ReadyWorkerEnv}; a configuration error answers 500 with the list of keys to fix (and is logged).
 *
 * @example
 * ```ts
 * // src/index.ts of your own worker, to deploy it unchanged
 * export { default } from "@ikit/worker";
 * ```
 */
export const readyWorker = {
  async fetch(request: Request, env: ReadyWorkerEnv, ctx: WaitUntil): Promise<Response> {
    let worker = workers.get(env);
    if (!worker) {
      try {
        worker = createImageWorker(configFromEnv(env));
      } catch (error) {
        console.error(`ikit-worker: ${(error as Error).message}`);
        return problem(500, "misconfigured", (error as Error).message);
      }
      workers.set(env, worker);
    }
    return worker.fetch(request, env, ctx);
  },
};
