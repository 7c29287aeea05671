const ASCII = /^[\0-\x7f]*$/;
// Node's (and workerd's, with nodejs_compat) Buffer encodes UTF-8 in native code, 3x faster than the loop below.
const NodeBuffer = (globalThis as { Buffer?: { from(text: string): { toString(encoding: "base64"): string } } }).Buffer;
let encoder: TextEncoder | undefined;

/**
 * Base64 of the UTF-8 bytes of `text`. `btoa` alone throws on text outside Latin-1 (an emoji, Chinese) and
 * encodes Latin-1 letters as single bytes, which ImageKit decodes as the wrong characters.
 */
export function base64Utf8(text: string): string {
  if (ASCII.test(text)) return btoa(text);
  if (NodeBuffer) return NodeBuffer.from(text).toString("base64");
  encoder ??= new TextEncoder();
  let binary = "";
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes of base64 `text`, or `undefined` when it is not base64. */
export function base64Bytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
