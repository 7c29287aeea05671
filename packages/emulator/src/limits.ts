// What one request may cost, in one place every layer reads (it imports nothing). `startEmulator` applies the options.

/**
 * What one request may cost the emulator: pixels, steps, time, bytes and threads. Every limit a client reaches is
 * answered with a 4xx naming the limit (its option and CLI flag), never with a crash, a stall or a 5xx. The image
 * limits follow ImageKit's documented ones (100 megapixels in or out, 65535 px a side).
 *
 * @example
 * ```ts
 * const limits: Limits = { ...DEFAULT_LIMITS, maxOutputPixels: 25_000_000, transformTimeoutMs: 2000 };
 * ```
 */
export interface Limits {
  /** Largest upload, in bytes, however it is sent (binary, base64, data URI or URL). @default 2147483648 (2 GiB) */
  maxUploadBytes: number;
  /** Most pixels of an image the emulator will decode to transform or hash it (sharp's `limitInputPixels`). @default 100000000 */
  maxInputPixels: number;
  /** Most pixels of an image a transformation step may make. @default 100000000 */
  maxOutputPixels: number;
  /** Longest side, in pixels, a transformation step may make. @default 65535 */
  maxOutputDimension: number;
  /** Most chained steps (`:`) in one transformation. @default 50 */
  maxTransformationSteps: number;
  /** Longest a transformation may run once it has started, in milliseconds. @default 10000 */
  transformTimeoutMs: number;
  /**
   * Transformations running at once; others wait in a queue (16 per unit of concurrency, then 429). Kept below
   * libuv's four worker threads so file reads and writes always have threads left. @default 2
   */
  imageConcurrency: number;
  /** Longest request target (path and query), in characters: longer is a 414. @default 8192 */
  maxUrlLength: number;
  /** How long a client may take to send a request's headers, in milliseconds. @default 10000 */
  headersTimeoutMs: number;
  /** How long a client may take to send a whole request, body included, in milliseconds. @default 300000 */
  requestTimeoutMs: number;
  /** How long fetching an upload's `file=http(s)://…` may take, headers and body, in milliseconds. @default 30000 */
  urlSourceTimeoutMs: number;
}

/**
 * The limits the emulator starts with when no option overrides them.
 *
 * @example
 * ```ts
 * DEFAULT_LIMITS.maxOutputPixels; // 100_000_000
 * ```
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxUploadBytes: 2 * 1024 ** 3,
  maxInputPixels: 100_000_000,
  maxOutputPixels: 100_000_000,
  maxOutputDimension: 65_535,
  maxTransformationSteps: 50,
  transformTimeoutMs: 10_000,
  imageConcurrency: 2,
  maxUrlLength: 8192,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 300_000,
  urlSourceTimeoutMs: 30_000,
});

/**
 * The CLI flag of each limit: `maxOutputPixels` → `--max-output-pixels`.
 *
 * @example
 * ```ts
 * flagOf("transformTimeoutMs"); // "--transform-timeout-ms"
 * ```
 */
export function flagOf(name: keyof Limits): string {
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * How a limit is named in messages: its option and its flag, e.g. `maxOutputPixels, --max-output-pixels`.
 *
 * @example
 * ```ts
 * limitName("maxInputPixels"); // "maxInputPixels, --max-input-pixels"
 * ```
 */
export function limitName(name: keyof Limits): string {
  return `${name}, ${flagOf(name)}`;
}

/**
 * How deep a client's JSON or query may nest. Real requests nest a few levels; thousands of levels would overflow the
 * stack of whatever walks them next (`JSON.stringify`, a recursive parser), so deeper input is refused up front.
 */
export const MAX_NESTING = 32;
