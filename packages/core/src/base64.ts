/**
 * Base64 of the UTF-8 bytes of `text`. `btoa` alone throws on text outside Latin-1 (an emoji, Chinese) and
 * encodes Latin-1 letters as single bytes, which ImageKit decodes as the wrong characters.
 */
export function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
