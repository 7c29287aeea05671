/**
 * Synchronous HMAC-SHA1 in plain TypeScript, for signing URLs where an `await` per URL does not fit (template
 * rendering, bulk generation). Proven equal to WebCrypto on thousands of random keys and messages in
 * `test/sign.test.ts`. The key's inner and outer pad states are computed once per key and cached, so a
 * signature costs the message's blocks plus one block.
 */

const W = /* @__PURE__ */ new Int32Array(80);
// The message bytes and padding, and a big-endian view of them: made (both) by utf8() on its first call.
let scratch = /* @__PURE__ */ new Uint8Array(0);
let view = /* @__PURE__ */ new DataView(/* @__PURE__ */ new ArrayBuffer(0));

/** SHA-1 compression of the 64-byte block at `offset` into `state` (5 words). */
function compress(state: Int32Array, block: DataView, offset: number): void {
  for (let i = 0; i < 16; i++) W[i] = block.getInt32(offset + i * 4);
  for (let i = 16; i < 80; i++) {
    const x = (W[i - 3] as number) ^ (W[i - 8] as number) ^ (W[i - 14] as number) ^ (W[i - 16] as number);
    W[i] = (x << 1) | (x >>> 31);
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  // Four branch-free loops, one per round function.
  let i = 0;
  for (; i < 20; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + (W[i] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  for (; i < 40; i++) {
    const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + (W[i] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  for (; i < 60; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + (W[i] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  for (; i < 80; i++) {
    const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + (W[i] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
}

const INITIAL = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Writes the UTF-8 bytes of `text` at the start of the scratch buffer, with room after them for the padding; lone
 * surrogates become U+FFFD. Native `encodeInto`: smaller than a loop in JS, and 3x faster on a signed URL's path.
 */
function utf8(text: string): number {
  if (scratch.length < text.length * 3 + 72) {
    scratch = new Uint8Array((text.length * 3 + 72) * 2);
    view = new DataView(scratch.buffer);
  }
  return encoder.encodeInto(text, scratch).written;
}

/** Pads the `length` message bytes at the start of scratch (after `prefix` already-hashed bytes) and hashes them. */
function finish(state: Int32Array, length: number, prefix: number): void {
  let end = length;
  scratch[end++] = 0x80;
  while (end % 64 !== 56) scratch[end++] = 0;
  const bits = (length + prefix) * 8;
  view.setUint32(end, bits / 0x100000000);
  view.setUint32(end + 4, bits);
  end += 8;
  for (let offset = 0; offset < end; offset += 64) compress(state, view, offset);
}

const pads = new Map<string, Int32Array>();

/** Inner (0..4) and outer (5..9) states after hashing the key XOR ipad/opad block. */
function padsOf(key: string): Int32Array {
  let cached = pads.get(key);
  if (cached) return cached;
  let keyLength = utf8(key);
  const block = new Uint8Array(64);
  if (keyLength > 64) {
    const state = Int32Array.from(INITIAL);
    finish(state, keyLength, 0);
    const words = new DataView(block.buffer);
    for (let i = 0; i < 5; i++) words.setInt32(i * 4, state[i] as number);
    keyLength = 20;
  } else {
    block.set(scratch.subarray(0, keyLength));
  }
  const inner = Int32Array.from(INITIAL);
  const outer = Int32Array.from(INITIAL);
  const padded = new Uint8Array(64);
  const paddedView = new DataView(padded.buffer);
  for (let i = 0; i < 64; i++) padded[i] = (block[i] as number) ^ 0x36;
  compress(inner, paddedView, 0);
  for (let i = 0; i < 64; i++) padded[i] = (block[i] as number) ^ 0x5c;
  compress(outer, paddedView, 0);
  cached = new Int32Array(10);
  cached.set(inner, 0);
  cached.set(outer, 5);
  if (pads.size >= 32) pads.clear();
  pads.set(key, cached);
  return cached;
}

const HEX: string[] = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => (i < 16 ? "0" : "") + i.toString(16));

const state = /* @__PURE__ */ new Int32Array(5);

/**
 * Hex HMAC-SHA1 of the UTF-8 bytes of `message` under the UTF-8 bytes of `key`.
 *
 * @example
 * ```ts
 * hmacSha1Hex("private_key_test", "your_token1582269249"); // "e71bcd6031016b060d349d212e23e85c791decdd"
 * ```
 */
export function hmacSha1Hex(key: string, message: string): string {
  const keyPads = padsOf(key);
  state.set(keyPads.subarray(0, 5));
  finish(state, utf8(message), 64);
  for (let i = 0; i < 5; i++) view.setInt32(i * 4, state[i] as number);
  state.set(keyPads.subarray(5, 10));
  finish(state, 20, 64);
  let hex = "";
  for (let i = 0; i < 5; i++) {
    const word = state[i] as number;
    hex += (HEX[word >>> 24] as string) + HEX[(word >>> 16) & 0xff] + HEX[(word >>> 8) & 0xff] + HEX[word & 0xff];
  }
  return hex;
}
