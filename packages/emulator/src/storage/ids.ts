import { randomBytes } from "node:crypto";

let counter = randomBytes(3).readUIntBE(0, 3);

/**
 * A 24-hex-digit id shaped like ImageKit's (a MongoDB ObjectId: seconds, random, counter), unique per process.
 *
 * @example
 * ```ts
 * objectId(); // "6b04690d668e6eaf32d561ef"
 * ```
 */
export function objectId(): string {
  counter = (counter + 1) % 0xffffff;
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, "0");
  return seconds + randomBytes(5).toString("hex") + counter.toString(16).padStart(6, "0");
}

/**
 * A random URL-safe token, e.g. for unique file-name suffixes.
 *
 * @example
 * ```ts
 * randomToken(6); // "WjsY1HvV"
 * ```
 */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Whether `text` has the shape of an id the emulator generates or accepts in a path: 1 to 64 letters, digits, `_` or
 * `-`. Anything else is refused before a lookup, and never becomes a file name on disk.
 *
 * @example
 * ```ts
 * isId("6b04690d668e6eaf32d561ef"); // true
 * isId("../keys"); // false
 * ```
 */
export function isId(text: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(text);
}
