import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ApiError } from "../errors/api-error.js";

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The private key in an `Authorization: Basic` header: `base64("<key>:<anything>")` (ImageKit ignores the password;
 * `@imagekit/nodejs` sends `do_not_set`) or, as ImageKit also allows, the bare key. `undefined` when there is none.
 */
function basicKey(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!match) return "";
  const token = match[1] as string;
  const decoded = Buffer.from(token, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? token : decoded.slice(0, colon);
}

/**
 * Checks HTTP Basic private-key auth: 401 without credentials, 403 with the wrong key, as ImageKit answers.
 *
 * @example
 * ```ts
 * requirePrivateKey(req, settings.privateKey); // throws ApiError 401 or 403
 * ```
 */
export function requirePrivateKey(req: IncomingMessage, privateKey: string): void {
  const key = basicKey(req);
  if (key === undefined || key === "") throw new ApiError(401, "Your request does not contain private API key.");
  if (!sameText(key, privateKey)) throw new ApiError(403, "Your account cannot be authenticated.");
}

/** The client-side upload fields that authenticate an upload without the private key. */
export interface ClientAuth {
  publicKey?: string | undefined;
  signature?: string | undefined;
  expire?: string | undefined;
  token?: string | undefined;
}

/**
 * Checks a client-side upload's `publicKey`, `expire` (Unix seconds, in the future and less than an hour ahead) and
 * `signature` (hex HMAC-SHA1 of `token + expire` keyed with the private key). Token reuse is checked by the caller,
 * which owns the ledger. Returns the expiry.
 *
 * @example
 * ```ts
 * const expire = checkClientAuth({ publicKey, signature, expire, token }, settings, Date.now());
 * ```
 */
export function checkClientAuth(
  auth: ClientAuth,
  keys: { publicKey: string; privateKey: string },
  nowMs: number,
): number {
  for (const field of ["publicKey", "signature", "expire", "token"] as const) {
    if (!auth[field]) {
      throw new ApiError(
        400,
        `Your request is missing ${field} parameter. A client-side upload needs publicKey, signature, expire and token; a server-side one needs HTTP Basic auth with the private key.`,
      );
    }
  }
  if (!sameText(auth.publicKey as string, keys.publicKey))
    throw new ApiError(403, "Your account cannot be authenticated.");
  const expire = Number(auth.expire);
  const now = nowMs / 1000;
  if (!/^\d+$/.test(auth.expire as string) || expire <= now || expire >= now + 3600) {
    throw new ApiError(
      400,
      "Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.",
    );
  }
  const expected = createHmac("sha1", keys.privateKey).update(`${auth.token}${auth.expire}`).digest("hex");
  if (!sameText((auth.signature as string).toLowerCase(), expected)) {
    throw new ApiError(
      400,
      "Your request contains invalid signature. It should be the lowercase hex HMAC-SHA1 of token + expire, keyed with your private API key.",
    );
  }
  return expire;
}
