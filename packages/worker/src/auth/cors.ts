/**
 * CORS headers for a browser origin on the allow-list (credentials allowed, so `authorize` can read cookies), or
 * none for any other origin: the browser then refuses to show the response to the page.
 *
 * @example
 * ```ts
 * corsHeaders("https://app.example.com", ["https://app.example.com"]);
 * // { "access-control-allow-origin": "https://app.example.com", "access-control-allow-credentials": "true", … }
 * ```
 */
export function corsHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = { vary: "Origin" };
  if (origin !== null && allowed.includes(origin)) {
    headers["access-control-allow-origin"] = origin;
    headers["access-control-allow-credentials"] = "true";
    headers["access-control-expose-headers"] = "Retry-After";
  }
  return headers;
}

/**
 * The answer to a preflight from an allowed origin: which methods and headers `/auth` takes, cacheable 10 minutes.
 *
 * @example
 * ```ts
 * return new Response(null, { status: 204, headers: preflightHeaders(origin, auth.allowedOrigins) });
 * ```
 */
export function preflightHeaders(origin: string, allowed: readonly string[]): Record<string, string> {
  return {
    ...corsHeaders(origin, allowed),
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "authorization, content-type",
    "access-control-max-age": "600",
  };
}
