import type { IncomingMessage } from "node:http";
import { apiErrors } from "../errors/imagekit-errors.js";
import { sameSecret } from "../library/secrets.js";

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
  if (key === undefined || key === "") throw apiErrors.noPrivateKey();
  if (!sameSecret(key, privateKey)) throw apiErrors.notAuthenticated();
}
