import { getAuthenticationParameters } from "@ikit/core";
import type { ResolvedConfig } from "../config.js";
import { bindingOf, requireSecret } from "../env.js";
import { refuse } from "../http/refusal.js";
import { json } from "../http/responses.js";
import type { RateLimiter } from "../runtime.js";
import { corsHeaders, preflightHeaders } from "./cors.js";

type AuthSettings = NonNullable<ResolvedConfig["auth"]>;

const HEXTET = /^[0-9a-f]{1,4}$/;

/**
 * The rate limit key of an address: an IPv4 address as it is, an IPv6 address by its /64 (one subscriber's network,
 * in which a client can use any of 2^64 addresses, so a per-address limit would not hold).
 */
function networkOf(ip: string): string {
  const address = ip.toLowerCase();
  if (!address.includes(":") || address.includes(".")) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  if (groups.length !== 8 || !groups.every((group) => HEXTET.test(group))) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * Who the caller is for its rate limit: what `authorize` said, else (with `anonymous: true`, which the configuration
 * requires when there is no `authorize`) its network as Cloudflare saw it.
 */
async function authorizeCaller(
  request: Request,
  env: unknown,
  auth: AuthSettings,
  cors: Record<string, string>,
): Promise<string> {
  const ip = request.headers.get("cf-connecting-ip");
  const anonymous = ip === null ? "anonymous" : networkOf(ip);
  if (!auth.authorize) return anonymous;
  let result: Awaited<ReturnType<NonNullable<AuthSettings["authorize"]>>> = false;
  try {
    result = await auth.authorize(request, env);
  } catch (error) {
    console.warn(`ikit-worker: auth.authorize threw ${(error as Error)?.name ?? "an error"}; answered 401`);
  }
  if (!result) refuse(401, "unauthorized", "this caller may not upload: sign in first.", cors);
  return typeof result === "object" && typeof result.clientId === "string" ? result.clientId : anonymous;
}

/** One step of the per-client limit, through the Rate Limiting binding (counted across isolates and locations). */
async function checkRateLimit(env: unknown, auth: AuthSettings, client: string, cors: Record<string, string>) {
  if (auth.rateLimitBinding === false) return;
  const limiter = bindingOf<RateLimiter>(env, auth.rateLimitBinding);
  if (typeof limiter?.limit !== "function") {
    refuse(
      500,
      "misconfigured",
      `the rate limit binding ${auth.rateLimitBinding} is missing: add it under "ratelimits" in your wrangler config, or set auth.rateLimitBinding to false.`,
    );
  }
  const { success } = await limiter.limit({ key: `auth:${client}` });
  if (!success) {
    refuse(429, "rate_limited", "too many upload tokens asked for; wait a minute.", { ...cors, "retry-after": "60" });
  }
}

/**
 * `GET|POST /auth` (and its CORS preflight): `{ token, expire, signature, publicKey }` for `@ikit/upload`, signed with
 * the private key from `env`. Browsers from origins not on `allowedOrigins` get 403; `authorize` decides who may
 * upload (401 otherwise), or `anonymous: true` lets every such caller through; each client is rate-limited through the Rate Limiting binding (429 with `Retry-After`).
 *
 * @example
 * ```ts
 * if (url.pathname === "/auth") return handleAuth(request, env, config.auth);
 * ```
 */
export async function handleAuth(request: Request, env: unknown, auth: AuthSettings): Promise<Response> {
  const origin = request.headers.get("origin");
  // No Origin means a same-origin or non-browser caller, unless the browser itself says the request is cross-site.
  const allowed =
    origin === null ? request.headers.get("sec-fetch-site") !== "cross-site" : auth.allowedOrigins.includes(origin);
  const cors = corsHeaders(origin, auth.allowedOrigins);
  if (!allowed) {
    const who =
      origin === null ? "a cross-site request without Origin" : `origin ${JSON.stringify(origin.slice(0, 100))}`;
    refuse(403, "origin_not_allowed", `${who} may not ask for upload tokens.`, cors);
  }
  if (request.method === "OPTIONS") {
    if (origin === null) refuse(400, "invalid_body", "a preflight needs an Origin header.");
    return new Response(null, { status: 204, headers: preflightHeaders(origin, auth.allowedOrigins) });
  }
  if (request.method !== "GET" && request.method !== "POST") {
    refuse(405, "method_not_allowed", "ask for upload tokens with GET or POST.", {
      ...cors,
      allow: "GET, POST, OPTIONS",
    });
  }
  const privateKey = requireSecret(env, "IMAGEKIT_PRIVATE_KEY");
  const client = await authorizeCaller(request, env, auth, cors);
  await checkRateLimit(env, auth, client, cors);
  const expire = Math.floor(Date.now() / 1000) + auth.expireSeconds;
  const params = await getAuthenticationParameters({ privateKey, expire });
  return json({ ...params, publicKey: auth.publicKey }, 200, cors);
}
