const ASCII = /^[\0-\x7f]*$/;
// Node's (and workerd's, with nodejs_compat) Buffer encodes UTF-8 in native code, 2x faster than the line below.
const NodeBuffer = (globalThis as { Buffer?: { from(text: string): { toString(encoding: "base64"): string } } }).Buffer;

/**
 * Base64 of the UTF-8 bytes of `text`, a lone surrogate (half an emoji) as U+FFFD, as TextEncoder writes it. `btoa`
 * alone throws on text outside Latin-1 (an emoji, Chinese) and encodes Latin-1 letters as single bytes, which
 * ImageKit decodes as the wrong characters; `unescape(encodeURIComponent(…))` gives the UTF-8 bytes as Latin-1.
 */
export function base64Utf8(text: string): string {
  if (ASCII.test(text)) return btoa(text);
  if (NodeBuffer) return NodeBuffer.from(text).toString("base64");
  return btoa(unescape(encodeURIComponent(text.replace(/\p{Cs}/gu, "\ufffd"))));
}

/** The bytes of base64 `text`, or `undefined` when it is not base64. */
export function base64Bytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
