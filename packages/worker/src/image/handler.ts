import type { ResolvedConfig } from "../config.js";
import { requireSecret } from "../env.js";
import { refuse } from "../http/refusal.js";
import type { WaitUntil } from "../runtime.js";
import { imagekitUrl, roundedExpiry, signAt } from "../signing.js";
import { proxyImage } from "./proxy.js";
import { parseImageRequest } from "./request.js";

/** Seconds before a redirect target expires that a cached redirect must stop being used. */
const REDIRECT_MARGIN = 60;

/**
 * `GET|HEAD <imagePath>/…`: checks the request against presets and allow-lists, builds the ImageKit URL with core,
 * signs it with the private key from `env`, and serves it (proxy mode) or redirects to it (redirect mode).
 *
 * @example
 * ```ts
 * if (url.pathname.startsWith("/img/")) return handleImage(request, env, ctx, config, url.pathname.slice(4), url.search);
 * ```
 */
export async function handleImage(
  request: Request,
  env: unknown,
  ctx: WaitUntil,
  config: ResolvedConfig,
  path: string,
  search: string,
): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    refuse(405, "method_not_allowed", "images are served to GET and HEAD only.", { allow: "GET, HEAD" });
  }
  const image = parseImageRequest(path, search, config);
  const privateKey = requireSecret(env, "IMAGEKIT_PRIVATE_KEY");
  const unsignedUrl = imagekitUrl(config.urlEndpoint, image.segments, image.steps);
  const filePath = `/${image.segments.join("/")}`;

  if (config.mode === "redirect") {
    const { expireSeconds, roundSeconds } = config.redirect;
    const now = Date.now();
    const expiresAt = roundedExpiry(now, expireSeconds, roundSeconds);
    const location = signAt(unsignedUrl, config.urlEndpoint, privateKey, expiresAt);
    const maxAge = Math.max(0, expiresAt - Math.floor(now / 1000) - REDIRECT_MARGIN);
    return new Response(null, {
      status: 302,
      headers: { location, "cache-control": `public, max-age=${maxAge}`, "x-content-type-options": "nosniff" },
    });
  }
  return proxyImage(
    request,
    ctx,
    {
      unsignedUrl,
      sign: () => signAt(unsignedUrl, config.urlEndpoint, privateKey),
      negotiated: image.negotiated,
      path: filePath,
    },
    config,
  );
}
