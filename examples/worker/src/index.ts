// An image worker for one front end, built on @ikit/worker: presets, an allow-list for `/img/<path>?w=`, upload
// tokens on `/auth` for pages of the front end, and CORS for it. Everything that differs between the local emulator
// and ImageKit comes from the vars in wrangler.jsonc (or `wrangler dev --var`); the private key is a secret.
import { createImageWorker, type ImageWorker, type ImageWorkerEnv } from "@ikit/worker";

/** The vars of wrangler.jsonc plus the secrets @ikit/worker reads (IMAGEKIT_PRIVATE_KEY). */
export interface Env extends ImageWorkerEnv {
  /** ImageKit's URL endpoint, or the emulator's (`http://127.0.0.1:3030/emulator`). */
  IMAGEKIT_URL_ENDPOINT: string;
  /** Returned with each upload token. */
  IMAGEKIT_PUBLIC_KEY: string;
  /** The front end's origins, comma-separated: CORS for `/auth` and `/img`. */
  FRONTEND_ORIGINS: string;
  /**
   * `"frontend"` gives upload tokens to pages on FRONTEND_ORIGINS; anything else gives them to nobody. Fail-closed on
   * purpose: an Origin header proves nothing outside a browser, so before you deploy replace `authorize` below with a
   * check of your own session.
   */
  UPLOAD_TOKENS?: string;
  /** The Rate Limiting binding of wrangler.jsonc, counting `/auth` requests per caller. */
  AUTH_RATE_LIMITER?: unknown;
}

const presets = {
  // A square thumbnail, cropped around the centre.
  thumb: [{ width: 320, height: 320 }],
  // A 16:9 card, quality 80.
  card: [{ width: 640, aspectRatio: "16-9", quality: 80 }],
  // A tiny blurred placeholder for blur-up loading.
  placeholder: [{ width: 32, blur: 10, quality: 40 }],
};

/** The worker for one environment: the configuration is a pure function of the vars, so it is built once per env. */
function workerFor(env: Env): ImageWorker<Env> {
  const origins = originsOf(env);
  return createImageWorker<Env>({
    urlEndpoint: env.IMAGEKIT_URL_ENDPOINT,
    presets,
    allow: {
      paths: ["/samples/", "/private/", "/uploads/"],
      widths: [16, 32, 48, 64, 96, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840],
      snapWidths: true,
      qualities: [40, 60, 80],
      dprs: [1, 2, 3],
    },
    auth: {
      publicKey: env.IMAGEKIT_PUBLIC_KEY,
      allowedOrigins: origins,
      authorize: (request, env) =>
        env.UPLOAD_TOKENS === "frontend" && origins.includes(request.headers.get("origin") ?? ""),
    },
  });
}

function originsOf(env: Env): string[] {
  return (env.FRONTEND_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * `/img` answers carry CORS for the front end, so pages may also `fetch()` them or draw them on a canvas
 * (`<img crossorigin>`); `/auth` gets its CORS from @ikit/worker.
 */
function withImageCors(request: Request, response: Response, origins: string[]): Response {
  const origin = request.headers.get("origin");
  if (!origin || !origins.includes(origin) || !new URL(request.url).pathname.startsWith("/img/")) return response;
  const headers = new Headers(response.headers);
  headers.set("access-control-allow-origin", origin);
  headers.append("vary", "Origin");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const workers = new WeakMap<Env, ImageWorker<Env>>();

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    let worker = workers.get(env);
    if (!worker) {
      try {
        worker = workerFor(env);
      } catch (error) {
        // A WorkerConfigError lists every var to fix; it holds no secret (those are read per request).
        console.error((error as Error).message);
        return Response.json({ error: "misconfigured", message: (error as Error).message }, { status: 500 });
      }
      workers.set(env, worker);
    }
    return withImageCors(request, await worker.fetch(request, env, ctx), originsOf(env));
  },
} satisfies ExportedHandler<Env>;
