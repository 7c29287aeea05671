import { timingSafeEqual } from "node:crypto";

/**
 * Compares a secret or signature a client sent with the expected one in constant time, so response timing does not
 * reveal how much of it was right.
 *
 * @example
 * ```ts
 * sameSecret(sentKey, settings.privateKey); // true or false
 * ```
 */
export function sameSecret(sent: string, expected: string): boolean {
  const left = Buffer.from(sent);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
