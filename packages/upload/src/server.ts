// @ikit/upload/server: the token endpoint your browser uploads need. Server and edge only: it holds the private key.
import { getAuthenticationParameters } from "@ikit/core";
import { UploadError } from "./errors.js";

/**
 * Options of {@link createUploadAuthHandler}.
 *
 * @example
 * ```ts
 * const options: UploadAuthHandlerOptions = { privateKey: env.IMAGEKIT_PRIVATE_KEY, authorize: (req) => isSignedIn(req) };
 * ```
 */
export type UploadAuthHandlerOptions = {
  /** Your ImageKit private key, from the environment or a secret. */
  privateKey: string;
  /** Seconds each token stays valid; ImageKit accepts at most 3600. @default 1800 */
  expiresIn?: number;
} & (
  | {
      /**
       * Decides whether this request may upload (check the session cookie, a bearer token…). Falsy or a throw
       * answers 403.
       */
      authorize: (request: Request) => boolean | Promise<boolean>;
      anonymous?: never;
    }
  | {
      /**
       * `true` gives tokens to anyone who can reach the endpoint, so anyone can fill your ImageKit storage: only for
       * demos, or behind something else that decides who may call it.
       */
      anonymous: true;
      authorize?: never;
    }
);

const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });

/**
 * A fetch-style handler (`(Request) => Promise<Response>`) for the endpoint a browser's `authenticator` calls: on
 * `GET` or `POST` it answers `{ token, expire, signature }`, a fresh single-use token signed with your private key
 * (core's `getAuthenticationParameters`), never cached. It fails closed: pass `authorize`, or `anonymous: true` to
 * serve every caller. Works in Workers, Deno, Bun, Hono, Next route handlers and
 * Node via any fetch adapter.
 *
 * @example
 * ```ts
 * // Cloudflare Worker
 * const auth = createUploadAuthHandler({ privateKey: env.IMAGEKIT_PRIVATE_KEY, authorize: (req) => hasSession(req) });
 * export default { fetch: (req: Request) => (new URL(req.url).pathname === "/api/upload-auth" ? auth(req) : app(req)) };
 * ```
 */
export function createUploadAuthHandler(options: UploadAuthHandlerOptions): (request: Request) => Promise<Response> {
  const { privateKey, authorize, anonymous, expiresIn = 1800 } = options ?? {};
  if (typeof privateKey !== "string" || !privateKey) {
    throw new UploadError("VALIDATION", "privateKey must be your ImageKit private key (read it from the environment).");
  }
  // Fails closed, like @ikit/worker's /auth: an endpoint that signs for every caller has to be asked for by name.
  if (typeof authorize === "function" ? anonymous !== undefined : anonymous !== true) {
    throw new UploadError(
      "VALIDATION",
      "Pass authorize(request) to decide who may upload, or anonymous: true to give tokens to every caller (not both).",
    );
  }
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 3600) {
    throw new UploadError(
      "VALIDATION",
      `expiresIn must be whole seconds from 1 to 3600 (got ${expiresIn}).`,
      expiresIn,
    );
  }
  return async (request) => {
    if (request.method !== "GET" && request.method !== "POST") {
      return json(405, { message: "Use GET or POST to get upload credentials." }, { allow: "GET, POST" });
    }
    let allowed = anonymous === true;
    try {
      if (authorize) allowed = Boolean(await authorize(request));
    } catch {
      allowed = false;
    }
    if (!allowed) return json(403, { message: "This request may not upload." });
    const expire = Math.floor(Date.now() / 1000) + expiresIn;
    return json(200, await getAuthenticationParameters({ privateKey, expire }));
  };
}
