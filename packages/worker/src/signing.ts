import { buildSrc, signUrlSync, type Transformation } from "@ikit/core";
import { encodedPath } from "./path.js";

/**
 * The unsigned ImageKit URL of a file and transformation, transformation in the path (`/tr:w-640/products/shoe.jpg`).
 * Equal inputs give equal URLs, which is what the edge cache keys on.
 *
 * @example
 * ```ts
 * imagekitUrl("https://ik.imagekit.io/demo", ["products", "shoe.jpg"], [{ width: 640 }]);
 * // "https://ik.imagekit.io/demo/tr:w-640/products/shoe.jpg"
 * ```
 */
export function imagekitUrl(
  urlEndpoint: string,
  segments: readonly string[],
  steps: readonly Transformation[],
): string {
  return buildSrc({
    urlEndpoint,
    src: encodedPath(segments),
    transformation: [...steps],
    transformationPosition: "path",
  });
}

/**
 * The Unix time (seconds) a short-lived URL expires at: at least `expireSeconds` from now, rounded up to a multiple
 * of `roundSeconds`, so every request in the same window gets the same URL and browsers and CDNs can cache it.
 *
 * @example
 * ```ts
 * roundedExpiry(1_700_000_000_000, 3600, 600); // 1700004000
 * ```
 */
export function roundedExpiry(nowMs: number, expireSeconds: number, roundSeconds: number): number {
  return Math.ceil((Math.floor(nowMs / 1000) + expireSeconds) / roundSeconds) * roundSeconds;
}

/**
 * Signs `url` with core's synchronous `signUrlSync` (byte for byte what WebCrypto's HMAC-SHA1 gives), never expiring,
 * or expiring at the Unix time `expiresAt`. Synchronous because it is on every image miss: WebCrypto's `sign` costs an
 * `await` and a copy of key and message per URL, several times the hash itself. Core caches the key's HMAC pad state
 * per key value (bounded), so the key is still read from `env` per request and a rotated key signs the next request.
 *
 * @example
 * ```ts
 * signAt("https://ik.imagekit.io/demo/shoe.jpg", "https://ik.imagekit.io/demo", env.IMAGEKIT_PRIVATE_KEY, 1700004000);
 * // "https://ik.imagekit.io/demo/shoe.jpg?ik-t=1700004000&ik-s=…"
 * ```
 */
export function signAt(url: string, urlEndpoint: string, privateKey: string, expiresAt?: number): string {
  if (expiresAt === undefined) return signUrlSync(url, { urlEndpoint, privateKey });
  // core signs "now + expireSeconds": a clock one second before the wanted expiry gives exactly that expiry.
  return signUrlSync(url, { urlEndpoint, privateKey, expireSeconds: 1, now: (expiresAt - 1) * 1000 });
}
