// Delivery URLs the way apps build them, through @ikit/core: a path under the URL endpoint, an optional
// transformation chain (`--tr w-300,h-200:rt-90`), and a signature when asked for or when the file is private.
import { getAuthenticationParameters, signUrlSync, url } from "@ikit/core";
import { type Config, need } from "./config.js";
import { CliError } from "./errors.js";
import { numberFlag } from "./flags.js";

/**
 * How to build one delivery URL.
 *
 * @example
 * ```ts
 * const request: UrlRequest = { target: "/products/a.jpg", tr: "w-300", signed: true, expires: "600" };
 * ```
 */
export interface UrlRequest {
  /** A path under the URL endpoint, or a full URL. */
  target: string;
  /** ImageKit's transformation string, steps chained with ":". */
  tr?: string | undefined;
  signed: boolean;
  /** Seconds the signed URL stays valid (none: never expires). */
  expires?: string | undefined;
}

/**
 * Checks the shape of a transformation string (steps joined by ":", parameters by ",", each `code-value`), so a typo
 * is a USAGE error instead of a URL that answers 400. Values are ImageKit's to judge.
 */
function transformation(tr: string | undefined) {
  if (tr === undefined) return undefined;
  const params = tr.split(":").flatMap((step) => step.split(","));
  const bad = params.find((param) => param === "" || /[\s/?#]/.test(param) || /^[^-]+-$/.test(param));
  if (bad !== undefined) {
    throw new CliError(
      "USAGE",
      `--tr ${JSON.stringify(tr)} is not an ImageKit transformation: ${JSON.stringify(bad)} should be code-value, like "w-300,h-200:rt-90".`,
      tr,
    );
  }
  return [{ raw: tr }];
}

/**
 * The URL for `request`: built with `url()`, signed with `signUrlSync` when `signed`.
 *
 * @example
 * ```ts
 * deliveryUrl(config, { target: "/a.jpg", tr: "w-300", signed: false }, "url");
 * // "https://ik.imagekit.io/demo/tr:w-300/a.jpg"
 * ```
 */
export function deliveryUrl(config: Config, request: UrlRequest, command: string): string {
  const isUrl = /^https?:\/\//.test(request.target);
  const urlEndpoint = need(config, "urlEndpoint", command);
  const steps = transformation(request.tr);
  const built = url({
    urlEndpoint,
    ...(isUrl ? { src: request.target } : { path: request.target }),
    ...(steps ? { transformation: steps } : {}),
  });
  if (!request.signed) return built;
  const expireSeconds = numberFlag(request.expires, "--expires", 1);
  return signUrlSync(built, {
    urlEndpoint,
    privateKey: need(config, "privateKey", command),
    ...(expireSeconds ? { expireSeconds } : {}),
  });
}

/**
 * Upload auth parameters for a browser or app (token, expiry, signature), and the public key when configured.
 *
 * @example
 * ```ts
 * const { token, expire, signature } = await uploadAuth(config, "600");
 * ```
 */
export async function uploadAuth(config: Config, expiresIn: string | undefined) {
  const seconds = numberFlag(expiresIn, "--expires", 1);
  const params = await getAuthenticationParameters({
    privateKey: need(config, "privateKey", "auth"),
    ...(seconds ? { expire: Math.floor(Date.now() / 1000) + seconds } : {}),
  });
  return config.publicKey ? { ...params, publicKey: config.publicKey } : params;
}
