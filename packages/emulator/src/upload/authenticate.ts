// The emulator checks upload signatures with its own code, independently of @ikit/core, on purpose: it is core's
// test oracle, so a mistake in core's signing must show up as a refused upload, not be shared by both sides.
import { createHmac } from "node:crypto";
import type { Ctx, UploadForm } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { sameSecret } from "../library/secrets.js";
import { lastField } from "./request.js";

/**
 * Checks a client-side upload's `publicKey`, `expire` (Unix seconds, in the future and less than an hour ahead) and
 * `signature` (hex HMAC-SHA1 of `token + expire` keyed with the private key). Returns the expiry.
 */
function checkSignature(form: UploadForm, keys: { publicKey: string; privateKey: string }, nowMs: number): number {
  const [publicKey, signature, expire, token] = (["publicKey", "signature", "expire", "token"] as const).map(
    (field) => {
      const value = lastField(form, field);
      if (!value) {
        throw apiErrors.missingUploadAuth(field);
      }
      return value;
    },
  ) as [string, string, string, string];
  if (!sameSecret(publicKey, keys.publicKey)) throw apiErrors.notAuthenticated();
  const seconds = Number(expire);
  const now = nowMs / 1000;
  if (!/^\d+$/.test(expire) || seconds <= now || seconds >= now + 3600) {
    throw apiErrors.invalidExpire();
  }
  const expected = createHmac("sha1", keys.privateKey).update(`${token}${expire}`).digest("hex");
  if (!sameSecret(signature.toLowerCase(), expected)) {
    throw apiErrors.invalidSignature();
  }
  return seconds;
}

/**
 * Authenticates an upload. With HTTP Basic (already verified by the pipeline) the form must not also carry a
 * signature; without it, the form's `publicKey`, `signature`, `expire` and single-use `token` must hold. The token is
 * spent once the signature holds, even if the upload then fails, as ImageKit does.
 *
 * @example
 * ```ts
 * await authenticateUpload(ctx, form); // throws ApiError 400, 401 or 403
 * ```
 */
export async function authenticateUpload(ctx: Ctx, form: UploadForm): Promise<void> {
  const { settings, store } = ctx.app;
  if (ctx.caller === "private-key") {
    if (lastField(form, "signature") || lastField(form, "token")) throw apiErrors.bothAuthMethods();
    return;
  }
  if (!lastField(form, "signature") && !lastField(form, "publicKey")) throw apiErrors.noPrivateKey();
  const expire = checkSignature(form, settings, Date.now());
  const token = lastField(form, "token") as string;
  if (!(await store.useToken(token, expire))) throw apiErrors.tokenReused(token);
}
