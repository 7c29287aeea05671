import { base64Bytes } from "./base64.js";
import { checkSecret, hmacKey, utf8Bytes } from "./crypto-key.js";
import { fail, show } from "./errors.js";
import { nowOf, numberOption } from "./options.js";
import { optionsOf } from "./value.js";

/** The raw request body, exactly as received: verify before any JSON parsing or re-serialising. */
export type WebhookBody = string | ArrayBuffer | Uint8Array;

/** Options of the webhook verifiers. */
export interface WebhookVerifyOptions {
  /** The clock, in milliseconds since the epoch; anything but a finite number ≥ 0 throws. @default Date.now() */
  now?: number;
  /**
   * How far the signed timestamp may be from `now` before the event is refused as a replay; anything but a finite
   * number ≥ 0 throws. @default 300000 (5 min)
   */
  toleranceMs?: number;
}

/** A verified event and the time ImageKit signed it (milliseconds since the epoch). */
export interface VerifiedWebhook<Event> {
  timestamp: number;
  event: Event;
}

/** An ImageKit webhook event; `type` tells which (e.g. `video.transformation.ready`, `upload.pre-transform.success`). */
export interface WebhookEvent {
  type: string;
  id: string;
  created_at?: string;
  [field: string]: unknown;
}

function bytesOf(body: WebhookBody): Uint8Array {
  if (typeof body === "string") return utf8Bytes(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return fail(
    "WEBHOOK_PAYLOAD_INVALID",
    `rawBody must be the request body as a string, ArrayBuffer or Uint8Array, read before any parsing; got ${show(body)}.`,
    typeof body,
  );
}

function concat(prefix: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = utf8Bytes(prefix);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** The replay window, checked before anything else: an invalid number must never switch the check off. */
interface Window {
  now: number;
  tolerance: number;
}

function windowOf(options: WebhookVerifyOptions | undefined, fn: string): Window {
  const opts = options === undefined ? {} : optionsOf<WebhookVerifyOptions>(options, fn);
  return {
    now: nowOf(opts.now),
    tolerance: numberOption(opts.toleranceMs, "toleranceMs", "milliseconds the signed time may be from now", 300_000),
  };
}

function checkWebhookSecret(secret: unknown): asserts secret is string {
  checkSecret(
    secret,
    "INVALID_SECRET",
    "the webhook secret must be a non-empty string: copy it from the ImageKit dashboard into your server's environment",
  );
}

/** More signatures than any sender rotating keys writes: the cap bounds the work one request can cause. */
const MAX_SIGNATURES = 8;

function checkSignatureCount(count: number): void {
  if (count > MAX_SIGNATURES) {
    fail(
      "WEBHOOK_SIGNATURE_MALFORMED",
      `the signature header holds ${count} signatures; at most ${MAX_SIGNATURES} are checked.`,
      count,
    );
  }
}

/**
 * The shared tail of both verifiers: the body is accepted only if one of `signatures` is the HMAC-SHA256 of
 * `signed + body` (compared in constant time by `crypto.subtle.verify`), then the time is checked against replay and
 * the body parsed as JSON.
 */
async function verified<Event>(
  rawBody: WebhookBody,
  secret: string,
  signed: string,
  signatures: readonly Uint8Array<ArrayBuffer>[],
  timestamp: number,
  window: Window,
): Promise<Event> {
  const body = bytesOf(rawBody);
  const key = await hmacKey(secret, "SHA-256", "verify");
  const message = concat(signed, body);
  let valid = false;
  for (const signature of signatures) {
    if (await crypto.subtle.verify("HMAC", key, signature, message)) valid = true;
  }
  if (!valid) {
    fail(
      "WEBHOOK_SIGNATURE_MISMATCH",
      "the webhook signature does not match: check the webhook secret, and verify the raw body before parsing or re-serialising it.",
    );
  }
  const distance = Math.abs(window.now - timestamp);
  if (distance > window.tolerance) {
    fail(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
      `webhook signed at ${timestamp} ms since the epoch is ${Math.round(distance / 1000)} s from now, beyond the ${window.tolerance / 1000} s tolerance: refused as a possible replay. Check the server clock, or raise toleranceMs.`,
      timestamp,
    );
  }
  try {
    return JSON.parse(new TextDecoder().decode(body)) as Event;
  } catch {
    return fail("WEBHOOK_PAYLOAD_INVALID", "the webhook body is signed correctly but is not JSON.");
  }
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Verifies ImageKit's `x-ik-signature` header (`t=<ms>,v1=<hex HMAC-SHA256 of "<t>.<body>">`) in constant time with
 * `crypto.subtle.verify`, checks the timestamp against replay, and returns the parsed event. Throws an
 * {@link IkitError} coded `WEBHOOK_SIGNATURE_MISSING`, `WEBHOOK_SIGNATURE_MALFORMED`, `WEBHOOK_SIGNATURE_MISMATCH`,
 * `WEBHOOK_TIMESTAMP_TOO_OLD`, `WEBHOOK_PAYLOAD_INVALID`, `INVALID_SECRET`, or `INVALID_VALUE` for a `now` or
 * `toleranceMs` that is not a finite number ≥ 0 (never read as "no limit").
 *
 * @example
 * ```ts
 * export default {
 *   async fetch(request: Request, env: { IMAGEKIT_WEBHOOK_SECRET: string }) {
 *     const body = await request.text();
 *     const { event } = await verifyWebhookEvent(body, request.headers.get("x-ik-signature"), env.IMAGEKIT_WEBHOOK_SECRET);
 *     if (event.type === "video.transformation.ready") {
 *       // mark the asset ready
 *     }
 *     return new Response("ok");
 *   },
 * };
 * ```
 */
export async function verifyWebhookEvent<Event = WebhookEvent>(
  rawBody: WebhookBody,
  signatureHeader: string | null | undefined,
  secret: string,
  opts?: WebhookVerifyOptions,
): Promise<VerifiedWebhook<Event>> {
  checkWebhookSecret(secret);
  const window = windowOf(opts, "verifyWebhookEvent");
  if (signatureHeader === undefined || signatureHeader === null || signatureHeader === "") {
    fail(
      "WEBHOOK_SIGNATURE_MISSING",
      "the x-ik-signature header is missing: is this request from ImageKit, and does your framework pass headers through?",
    );
  }
  if (typeof signatureHeader !== "string") {
    fail(
      "WEBHOOK_SIGNATURE_MALFORMED",
      `signatureHeader must be the x-ik-signature header as a string, got ${typeof signatureHeader}.`,
    );
  }
  let timestamp = Number.NaN;
  const signatures: Uint8Array<ArrayBuffer>[] = [];
  for (const item of signatureHeader.split(",")) {
    const at = item.indexOf("=");
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (key === "t" && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(hexBytes(value));
  }
  if (!Number.isSafeInteger(timestamp) || signatures.length === 0) {
    // The header is not echoed: a secret passed in its place by mistake must not reach a log line.
    fail(
      "WEBHOOK_SIGNATURE_MALFORMED",
      `x-ik-signature must look like "t=<milliseconds>,v1=<64 hex digits>"; ${Number.isSafeInteger(timestamp) ? "it has no valid v1 signature" : "its timestamp t is missing or not a number"}.`,
    );
  }
  checkSignatureCount(signatures.length);
  return { timestamp, event: await verified<Event>(rawBody, secret, `${timestamp}.`, signatures, timestamp, window) };
}

/** Request headers as a `Headers` object or a plain record (Node's `req.headers`). */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * One header as a string, or `undefined` when it is missing or not text. A record's names are matched in any case
 * (AWS Lambda gives `Webhook-Id`), its own keys only.
 */
function header(headers: WebhookHeaders, name: string): string | undefined {
  const value =
    typeof (headers as Headers).get === "function"
      ? (headers as Headers).get(name)
      : Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (Array.isArray(value)) return value.every((part) => typeof part === "string") ? value.join(" ") : undefined;
  return typeof value === "string" ? value : undefined;
}

/**
 * Verifies the Standard Webhooks headers ImageKit now sends (`webhook-id`, `webhook-timestamp` in seconds,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`), keyed like `@imagekit/nodejs`
 * `webhooks.unwrap` (the UTF-8 bytes of the secret). Constant-time, replay-checked, typed errors as
 * {@link verifyWebhookEvent}.
 *
 * @example
 * ```ts
 * const body = await request.text();
 * const { id, event } = await verifyStandardWebhook(body, request.headers, env.IMAGEKIT_WEBHOOK_SECRET);
 * ```
 */
export async function verifyStandardWebhook<Event = WebhookEvent>(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  secret: string,
  opts?: WebhookVerifyOptions,
): Promise<VerifiedWebhook<Event> & { id: string }> {
  checkWebhookSecret(secret);
  const window = windowOf(opts, "verifyStandardWebhook");
  if (typeof headers !== "object" || headers === null) {
    fail(
      "WEBHOOK_SIGNATURE_MISSING",
      `headers must be the request's Headers or a record such as Node's req.headers, got ${headers === null ? "null" : typeof headers}.`,
    );
  }
  const id = header(headers, "webhook-id");
  const seconds = header(headers, "webhook-timestamp");
  const signatureHeader = header(headers, "webhook-signature");
  if (!id || !seconds || !signatureHeader) {
    fail(
      "WEBHOOK_SIGNATURE_MISSING",
      "webhook-id, webhook-timestamp and webhook-signature headers are all required: is this request from ImageKit, and does your framework pass headers through?",
    );
  }
  const signatures = signatureHeader
    .split(" ")
    .filter((part) => part.startsWith("v1,"))
    .map((part) => base64Bytes(part.slice(3)))
    .filter((bytes): bytes is Uint8Array<ArrayBuffer> => bytes?.length === 32);
  const timestamp = /^\d{1,12}$/.test(seconds) ? Number(seconds) * 1000 : Number.NaN;
  if (Number.isNaN(timestamp) || signatures.length === 0) {
    fail(
      "WEBHOOK_SIGNATURE_MALFORMED",
      'webhook-timestamp must be Unix seconds and webhook-signature must hold "v1,<base64 signature>".',
      { seconds: seconds.slice(0, 40) },
    );
  }
  checkSignatureCount(signatures.length);
  const event = await verified<Event>(rawBody, secret, `${id}.${seconds}.`, signatures, timestamp, window);
  return { id, timestamp, event };
}
