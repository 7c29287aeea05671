import type { AuthenticationParameters } from "@ikit/core";
import { UploadError } from "./errors.js";
import type { Authenticator, UploadOptions } from "./options.js";

/**
 * Gets the credentials for one attempt: calls the authenticator (or takes the fixed values), checks their shape and
 * expiry, and refuses a token this upload already sent: tokens are single use.
 *
 * @example
 * ```ts
 * const used = new Set<string>();
 * const { token, expire, signature } = await authenticate(options, used); // a token never returned twice
 * ```
 */
export async function authenticate(o: UploadOptions, used: Set<string>): Promise<AuthenticationParameters> {
  let auth: Partial<AuthenticationParameters> = o;
  try {
    if (o.authenticator) auth = (await o.authenticator()) ?? {};
  } catch (error) {
    throw new UploadError("AUTH", `authenticator failed: ${error}`, error);
  }
  const { token, signature } = auth;
  const expire = Number(auth.expire);
  if (!(typeof token === "string" && token && typeof signature === "string" && signature && expire)) {
    throw new UploadError("AUTH", "authenticator must resolve to { token, expire, signature }", auth);
  }
  const stale = expire * 1000 <= Date.now() ? "Token expired" : used.has(token) && "authenticator repeated a token";
  // A fresh token fixes these: worth one more attempt.
  if (stale) throw new UploadError("AUTH", stale, token, { retryable: true });
  used.add(token);
  return { token, expire, signature };
}

/**
 * Where an app's tokens come from, as `@ikit/react` and `@ikit/vue` read it: an authenticator that GETs
 * `{ token, expire, signature }` from `authEndpoint`, else from `@ikit/worker`'s `${workerUrl}/auth`, before every
 * attempt. `undefined` when neither is given. The worker's `/auth` gets the page's cookies from any origin it allows
 * (it answers credentialed requests, so its `authorize` can read a session); an `authEndpoint` of your own gets
 * fetch's default, cookies on the page's own origin only, so one answering `Access-Control-Allow-Origin` without
 * `Allow-Credentials` keeps working.
 *
 * @example
 * ```ts
 * const authenticator = endpointAuthenticator({ workerUrl: "https://img.example.com" }); // GETs …/auth
 * ```
 */
export function endpointAuthenticator(from: {
  authEndpoint?: string | undefined;
  workerUrl?: string | undefined;
}): Authenticator | undefined {
  const url = from.authEndpoint ?? (from.workerUrl && `${from.workerUrl.replace(/\/+$/, "")}/auth`);
  if (!url) return undefined;
  const credentials = from.authEndpoint ? "same-origin" : "include";
  return async () => {
    const response = await fetch(url, { credentials, headers: { accept: "application/json" } });
    if (!response.ok)
      throw new Error(`the token endpoint ${url} answered ${response.status}: ${await response.text()}`);
    const { token, expire, signature } = (await response.json()) as AuthenticationParameters;
    return { token, expire, signature };
  };
}
