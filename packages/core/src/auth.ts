import { checkPrivateKey, hmacHex } from "./crypto-key.js";
import { fail, show } from "./errors.js";
import { isWellFormed, nowOf } from "./options.js";
import { optionsOf } from "./value.js";

/** What the upload API needs besides the public key: the token, its expiry (Unix seconds) and their signature. */
export interface AuthenticationParameters {
  token: string;
  expire: number;
  signature: string;
}

/** Options of {@link getAuthenticationParameters}. */
export interface AuthenticationOptions {
  /** Your private API key. Server or edge only. */
  privateKey: string;
  /** A unique, single-use token. @default crypto.randomUUID() */
  token?: string;
  /** Unix time in seconds when the signature expires; ImageKit rejects more than 1 hour ahead. @default now + 30 min */
  expire?: number;
  /** The clock, in milliseconds since the epoch. @default Date.now() */
  now?: number;
}

/**
 * Creates the `{ token, expire, signature }` a browser needs to upload straight to ImageKit, with
 * `signature = HMAC-SHA1(privateKey, token + expire)`. Call it on your server or edge (e.g. an `/auth` route),
 * never in the browser.
 *
 * @example
 * ```ts
 * const auth = await getAuthenticationParameters({ privateKey: env.IMAGEKIT_PRIVATE_KEY });
 * // { token: "6f1c…", expire: 1700001800, signature: "…" }
 * ```
 */
export async function getAuthenticationParameters(options: AuthenticationOptions): Promise<AuthenticationParameters> {
  const opts = optionsOf<AuthenticationOptions>(options, "getAuthenticationParameters");
  const { privateKey, token = crypto.randomUUID() } = opts;
  checkPrivateKey(privateKey);
  if (!isWellFormed(token) || token === "") {
    fail(
      "INVALID_VALUE",
      `token must be a non-empty string of well-formed text (got ${show(token)}); omit it to get a random UUID.`,
      token,
    );
  }
  const nowSeconds = Math.floor(nowOf(opts.now) / 1000);
  const expire = opts.expire === undefined ? nowSeconds + 1800 : opts.expire;
  if (!Number.isInteger(expire) || expire <= nowSeconds) {
    fail(
      "INVALID_EXPIRY",
      `expire must be a Unix time in whole seconds, after now (${nowSeconds}); got ${show(expire)}. Omit it for the 30-minute default.`,
      expire,
    );
  }
  if (expire > nowSeconds + 3600) {
    fail(
      "INVALID_EXPIRY",
      `expire ${expire} is ${expire - nowSeconds} s ahead; ImageKit rejects upload signatures that expire more than 1 hour (3600 s) ahead. Omit expire for the 30-minute default.`,
      expire,
    );
  }
  return { token, expire, signature: await hmacHex(privateKey, "SHA-1", token + expire) };
}
