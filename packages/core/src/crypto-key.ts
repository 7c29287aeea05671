/** Secrets: checked in one place, and imported as WebCrypto keys once per secret and algorithm. */
import { fail } from "./errors.js";
import { isWellFormed } from "./options.js";

const keys = new Map<string, Promise<CryptoKey>>();

/**
 * Throws `code` unless `secret` is a non-empty string of well-formed text. The message names what was given by its
 * kind only (`a number`, `an empty string`), never its text: a secret must not reach a log line.
 */
export function checkSecret(
  secret: unknown,
  code: "INVALID_PRIVATE_KEY" | "INVALID_SECRET",
  fix: string,
): asserts secret is string {
  if (!isWellFormed(secret) || secret === "") {
    fail(
      code,
      `${fix} (got ${typeof secret === "string" ? (secret ? "malformed text" : "an empty string") : typeof secret}).`,
    );
  }
}

/** The private-key check of every signing function. */
export function checkPrivateKey(privateKey: unknown): asserts privateKey is string {
  checkSecret(
    privateKey,
    "INVALID_PRIVATE_KEY",
    "privateKey must be your ImageKit private API key, a non-empty string from the server's environment",
  );
  // A URL is never a key: the URL (or endpoint) and the key were passed in each other's place.
  if (/^https?:\/\//i.test(privateKey)) {
    fail("INVALID_PRIVATE_KEY", "privateKey is a URL: are the URL (or urlEndpoint) and privateKey swapped?");
  }
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

/**
 * An HMAC `CryptoKey` for `secret` (its UTF-8 bytes), cached per secret and hash so repeated signing skips
 * `importKey`. The cache is bounded: a process that rotates through many secrets does not grow without end.
 */
export function hmacKey(secret: string, hash: "SHA-1" | "SHA-256", usage: "sign" | "verify"): Promise<CryptoKey> {
  const id = `${hash}:${usage}:${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = crypto.subtle.importKey("raw", utf8Bytes(secret), { name: "HMAC", hash }, false, [usage]);
    if (keys.size >= 64) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: ArrayBuffer): string {
  let hex = "";
  for (const byte of new Uint8Array(bytes)) hex += (byte < 16 ? "0" : "") + byte.toString(16);
  return hex;
}

/** Hex HMAC of `message` with WebCrypto. */
export async function hmacHex(secret: string, hash: "SHA-1" | "SHA-256", message: string): Promise<string> {
  const key = await hmacKey(secret, hash, "sign");
  return toHex(await crypto.subtle.sign("HMAC", key, utf8Bytes(message)));
}
