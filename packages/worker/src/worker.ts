import { IkitError } from "@ikit/core";
import { handleAuth } from "./auth/handler.js";
import { type ImageWorkerConfig, type ResolvedConfig, resolveConfig } from "./config.js";
import type { ImageWorkerEnv } from "./env.js";
import { handleSite } from "./html/handler.js";
import { Refusal } from "./http/refusal.js";
import { problem } from "./http/responses.js";
import { handleImage } from "./image/handler.js";
import type { WaitUntil } from "./runtime.js";
import { handleSign } from "./sign/handler.js";
import { handleWebhook } from "./webhook/handler.js";

/**
 * What {@link createImageWorker} returns: a module worker's `fetch`, to export as is or call from your own.
 *
 * @example
 * ```ts
 * const images: ImageWorker = createImageWorker(config);
 * const response = await images.fetch(request, env, ctx);
 * ```
 */
export interface ImageWorker<Env = ImageWorkerEnv> {
  fetch(request: Request, env: Env, ctx: WaitUntil): Promise<Response>;
}

/** The route a request goes to, decided on its path alone. */
async function dispatch(request: Request, env: unknown, ctx: WaitUntil, config: ResolvedConfig): Promise<Response> {
  const url = new URL(request.url);
  const { pathname } = url;
  if (pathname.startsWith(`${config.imagePath}/`)) {
    return handleImage(request, env, ctx, config, pathname.slice(config.imagePath.length), url.search);
  }
  if (config.auth && pathname === config.auth.path) return handleAuth(request, env, config.auth);
  if (config.webhook && pathname === config.webhook.path) return handleWebhook(request, env, ctx, config.webhook);
  if (config.sign && pathname === config.sign.path) return handleSign(request, env, config, config.sign);
  if (config.html) return handleSite(request, env, config, config.html);
  return problem(404, "not_found", `nothing is served at ${JSON.stringify(pathname.slice(0, 100))}.`);
}

/**
 * Creates the image worker: validates `config` at once (throwing a `WorkerConfigError` that lists every key to fix)
 * and returns a `{ fetch }` handler. Export it as your Worker, or call its `fetch` from your own router. The private
 * key and other secrets are read from `env` on each request (see `ImageWorkerEnv`), never from `config`.
 *
 * @example
 * ```ts
 * import { createImageWorker } from "@ikit/worker";
 *
 * export default createImageWorker({
 *   urlEndpoint: "https://ik.imagekit.io/demo",
 *   presets: { thumb: [{ width: 200, height: 200 }] },
 *   allow: { paths: ["/products/"], widths: [320, 640, 1280], snapWidths: true },
 * });
 * ```
 */
export function createImageWorker<Env = ImageWorkerEnv>(config: ImageWorkerConfig<Env>): ImageWorker<Env> {
  const resolved = resolveConfig(config);
  return {
    async fetch(request, env, ctx) {
      try {
        return await dispatch(request, env, ctx, resolved as ResolvedConfig);
      } catch (error) {
        if (error instanceof Refusal) return error.toResponse();
        if (error instanceof IkitError) return problem(400, "invalid_parameter", error.message);
        const { name, message } = error instanceof Error ? error : { name: "error", message: String(error) };
        console.error(`ikit-worker: unexpected ${name}: ${message}`);
        return problem(500, "internal_error", "the worker failed unexpectedly; the error is in the worker's logs.");
      }
    },
  };
}
