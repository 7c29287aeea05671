import { hmacKey, utf8Bytes } from "./crypto-key.js";
import { fail } from "./errors.js";

/** The raw request body, exactly as received: verify before any JSON parsing or re-serialising. */
export type WebhookBody = string | ArrayBuffer | Uint8Array;

/** Options of the webhook verifiers. */
export interface WebhookVerifyOptions {
  /** The clock, in milliseconds since the epoch. @default Date.now() */
  now?: number;
  /** How far the signed timestamp may be from `now` before the event is refused as a replay. @default 300000 (5 min) */
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
    "rawBody must be the raw request body as a string, ArrayBuffer or Uint8Array (read it with request.text() or arrayBuffer() before parsing).",
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

function checkSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== "string" || secret === "") {
    fail(
      "INVALID_SECRET",
      "the webhook secret must be a non-empty string: copy it from the ImageKit dashboard (Developer options → Webhooks) into your server's environment.",
    );
  }
}

function checkTime(timestamp: number, opts: WebhookVerifyOptions): void {
  const now = opts.now ?? Date.now();
  const tolerance = opts.toleranceMs ?? 300_000;
  if (Math.abs(now - timestamp) > tolerance) {
    fail(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
      `webhook signed at ${new Date(timestamp).toISOString()} is ${Math.round(Math.abs(now - timestamp) / 1000)} s from now, beyond the ${tolerance / 1000} s tolerance: refused as a possible replay. Check the server clock, or raise toleranceMs.`,
      timestamp,
    );
  }
}

function parse<Event>(body: Uint8Array): Event {
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

function base64Bytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Verifies ImageKit's `x-ik-signature` header (`t=<ms>,v1=<hex HMAC-SHA256 of "<t>.<body>">`) in constant time with
 * `crypto.subtle.verify`, checks the timestamp against replay, and returns the parsed event. Throws an
 * {@link IkitError} coded `WEBHOOK_SIGNATURE_MISSING`, `WEBHOOK_SIGNATURE_MALFORMED`, `WEBHOOK_SIGNATURE_MISMATCH`,
 * `WEBHOOK_TIMESTAMP_TOO_OLD`, `WEBHOOK_PAYLOAD_INVALID` or `INVALID_SECRET`.
 *
 * @example
 * ```ts
 * export default {
 *   async fetch(request: Request, env: Env) {
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
  opts: WebhookVerifyOptions = {},
): Promise<VerifiedWebhook<Event>> {
  checkSecret(secret);
  if (!signatureHeader) {
    fail(
      "WEBHOOK_SIGNATURE_MISSING",
      "the x-ik-signature header is missing: is this request from ImageKit, and does your framework pass headers through?",
    );
  }
  let timestamp = Number.NaN;
  const signatures: string[] = [];
  for (const item of signatureHeader.split(",")) {
    const at = item.indexOf("=");
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (key === "t" && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value);
  }
  if (!Number.isSafeInteger(timestamp) || signatures.length === 0) {
    fail(
      "WEBHOOK_SIGNATURE_MALFORMED",
      `x-ik-signature must look like "t=<milliseconds>,v1=<64 hex digits>"; ${Number.isSafeInteger(timestamp) ? "no valid v1 signature" : "the timestamp t is missing or not a number"} in ${JSON.stringify(signatureHeader.slice(0, 120))}.`,
      signatureHeader,
    );
  }
  const body = bytesOf(rawBody);
  const key = await hmacKey(secret, "SHA-256", "verify");
  const message = concat(`${timestamp}.`, body);
  let valid = false;
  for (const signature of signatures) {
    if (await crypto.subtle.verify("HMAC", key, hexBytes(signature), message)) valid = true;
  }
  if (!valid) {
    fail(
      "WEBHOOK_SIGNATURE_MISMATCH",
      "the webhook signature does not match: check the webhook secret, and verify the raw body before parsing or re-serialising it.",
    );
  }
  checkTime(timestamp, opts);
  return { timestamp, event: parse<Event>(body) };
}

/** Request headers as a `Headers` object or a plain record (Node's `req.headers`). */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | readonly string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(" ") : (value as string | undefined);
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
  opts: WebhookVerifyOptions = {},
): Promise<VerifiedWebhook<Event> & { id: string }> {
  checkSecret(secret);
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
  if (!/^\d+$/.test(seconds) || signatures.length === 0) {
    fail(
      "WEBHOOK_SIGNATURE_MALFORMED",
      'webhook-timestamp must be Unix seconds and webhook-signature must hold "v1,<base64 signature>".',
      { seconds, signatureHeader },
    );
  }
  const body = bytesOf(rawBody);
  const key = await hmacKey(secret, "SHA-256", "verify");
  const message = concat(`${id}.${seconds}.`, body);
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
  const timestamp = Number(seconds) * 1000;
  checkTime(timestamp, opts);
  return { id, timestamp, event: parse<Event>(body) };
}
