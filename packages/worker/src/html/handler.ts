import type { ResolvedConfig } from "../config.js";
import { requireSecret } from "../env.js";
import { refuse } from "../http/refusal.js";
import { fetchUpstream } from "../http/upstream.js";
import { breakpointWidths, htmlExpiry, imageRewriter } from "./rewrite.js";

/**
 * Every request the worker does not answer itself goes to `html.origin` (same method, headers and body; redirects
 * passed back, not followed). HTML responses stream through the image rewriter; anything else passes untouched.
 *
 * @example
 * ```ts
 * if (config.html) return handleSite(request, env, config, config.html);
 * ```
 */
export async function handleSite(
  request: Request,
  env: unknown,
  config: ResolvedConfig,
  html: NonNullable<ResolvedConfig["html"]>,
): Promise<Response> {
  const pageUrl = new URL(request.url);
  const originUrl = new URL(html.origin);
  const forwarded = new Request(`${html.origin}${pageUrl.pathname}${pageUrl.search}`, request);
  const response = await fetchUpstream(forwarded, {}, config.upstreamTimeoutMs, {
    redirect: "manual",
    passServerErrors: true,
  });
  if ("failure" in response) refuse(502, "upstream_unavailable", response.failure.replace("ImageKit", "the origin"));
  if (!(response.headers.get("content-type") ?? "").includes("text/html")) return response;
  const page = {
    config,
    html,
    privateKey: requireSecret(env, "IMAGEKIT_PRIVATE_KEY"),
    pageUrl,
    originHost: originUrl.host,
    expiresAt: htmlExpiry(config, html),
    widths: breakpointWidths(config, html),
  };
  return imageRewriter(page).transform(new Response(response.body, response));
}
