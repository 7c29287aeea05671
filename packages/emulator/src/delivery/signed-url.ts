// The emulator verifies URL signatures with its own code, independently of @ikit/core, on purpose: it is core's test
// oracle, so a mistake in core's signing must show up as a refused URL, not be shared by both sides.
import { createHmac, timingSafeEqual } from "node:crypto";
import { NO_EXPIRY } from "@ikit/core";

/** Why a signed URL was refused, or `undefined` when it is valid. */
export type SignatureProblem = "missing" | "malformed" | "expired" | "mismatch";

/**
 * Verifies `ik-s`/`ik-t` as ImageKit does: the signature is the hex HMAC-SHA1, keyed with the private key, of the URL
 * after `urlEndpoint/` with `ik-s` and `ik-t` taken out, followed by the expiry (`ik-t`, or 9999999999 when absent).
 * The URL is used exactly as the client sent it (percent-encoding included), so what was signed is what is checked.
 *
 * @example
 * ```ts
 * verifySignedUrl("http://127.0.0.1:3030/demo/a.jpg?ik-s=…", "http://127.0.0.1:3030/demo", privateKey); // undefined
 * ```
 */
export function verifySignedUrl(
  url: string,
  urlEndpoint: string,
  privateKey: string,
  nowMs = Date.now(),
): SignatureProblem | undefined {
  const at = url.indexOf("?");
  const base = at === -1 ? url : url.slice(0, at);
  const kept: string[] = [];
  let signature: string | undefined;
  let expiry: string | undefined;
  for (const pair of at === -1 ? [] : url.slice(at + 1).split("&")) {
    if (pair.startsWith("ik-s=")) signature = pair.slice(5);
    else if (pair.startsWith("ik-t=")) expiry = pair.slice(5);
    else if (pair !== "") kept.push(pair);
  }
  if (signature === undefined) return "missing";
  if (!/^[0-9a-f]{40}$/i.test(signature) || (expiry !== undefined && !/^\d{1,12}$/.test(expiry))) return "malformed";
  const prefix = urlEndpoint.endsWith("/") ? urlEndpoint : `${urlEndpoint}/`;
  const unsigned = kept.length ? `${base}?${kept.join("&")}` : base;
  if (!unsigned.startsWith(prefix)) return "mismatch";
  const expected = createHmac("sha1", privateKey)
    .update(unsigned.slice(prefix.length) + (expiry ?? String(NO_EXPIRY)))
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return "mismatch";
  if (expiry !== undefined && Number(expiry) * 1000 < nowMs) return "expired";
  return undefined;
}
