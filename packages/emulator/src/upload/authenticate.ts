// The emulator checks upload signatures with its own code, independently of @ikit/core, on purpose: it is core's
// test oracle, so a mistake in core's signing must show up as a refused upload, not be shared by both sides.
import { createHmac } from "node:crypto";
import type { Ctx, UploadForm } from "../context.js";
import { ApiError } from "../errors/api-error.js";
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
        throw new ApiError(
          400,
          `Your request is missing ${field} parameter. A client-side upload needs publicKey, signature, expire and token; a server-side one needs HTTP Basic auth with the private key.`,
        );
      }
      return value;
    },
  ) as [string, string, string, string];
  if (!sameSecret(publicKey, keys.publicKey)) throw new ApiError(403, "Your account cannot be authenticated.");
  const seconds = Number(expire);
  const now = nowMs / 1000;
  if (!/^\d+$/.test(expire) || seconds <= now || seconds >= now + 3600) {
    throw new ApiError(
      400,
      "Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.",
    );
  }
  const expected = createHmac("sha1", keys.privateKey).update(`${token}${expire}`).digest("hex");
  if (!sameSecret(signature.toLowerCase(), expected)) {
    throw new ApiError(
      400,
      "Your request contains invalid signature. It should be the lowercase hex HMAC-SHA1 of token + expire, keyed with your private API key.",
    );
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
    if (lastField(form, "signature") || lastField(form, "token")) {
      throw new ApiError(
        400,
        "Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.",
      );
    }
    return;
  }
  if (!lastField(form, "signature") && !lastField(form, "publicKey"))
    throw new ApiError(401, "Your request does not contain private API key.");
  const expire = checkSignature(form, settings, Date.now());
  const token = lastField(form, "token") as string;
  if (!(await store.useToken(token, expire))) {
    throw new ApiError(
      400,
      `The token with value '${token}' has been used before. We suggest using V4 UUIDs, or another random string with enough entropy to avoid collisions.`,
    );
  }
}
