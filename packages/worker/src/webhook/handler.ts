import {
  IkitError,
  type VerifiedWebhook,
  verifyStandardWebhook,
  verifyWebhookEvent,
  type WebhookEvent,
} from "@ikit/core";
import type { ResolvedConfig } from "../config.js";
import { requireSecret } from "../env.js";
import { readBody } from "../http/body.js";
import { refuse } from "../http/refusal.js";
import { json, type ProblemCode } from "../http/responses.js";
import type { WaitUntil } from "../runtime.js";
import { replayGuard } from "./replay.js";

type WebhookSettings = NonNullable<ResolvedConfig["webhook"]>;

const REFUSALS: Partial<Record<IkitError["code"], [number, ProblemCode]>> = {
  WEBHOOK_SIGNATURE_MISSING: [400, "webhook_signature_missing"],
  WEBHOOK_SIGNATURE_MALFORMED: [400, "webhook_signature_invalid"],
  WEBHOOK_SIGNATURE_MISMATCH: [401, "webhook_signature_invalid"],
  WEBHOOK_TIMESTAMP_TOO_OLD: [400, "webhook_too_old"],
  WEBHOOK_PAYLOAD_INVALID: [400, "invalid_body"],
};

interface Verified extends VerifiedWebhook<WebhookEvent> {
  id: string;
  scheme: "standard" | "legacy";
}

/**
 * Verifies with core: Standard Webhooks headers when `webhook-signature` is sent, else the legacy `x-ik-signature`.
 * The replay key is signed in both: `webhook-id`, or the event's own `id` in the signed body.
 */
async function verify(body: Uint8Array, headers: Headers, secret: string, toleranceMs: number): Promise<Verified> {
  try {
    if (headers.has("webhook-signature")) {
      return { ...(await verifyStandardWebhook(body, headers, secret, { toleranceMs })), scheme: "standard" };
    }
    const verified = await verifyWebhookEvent(body, headers.get("x-ik-signature"), secret, { toleranceMs });
    const id =
      typeof verified.event?.id === "string" && verified.event.id ? verified.event.id : `t${verified.timestamp}`;
    return { ...verified, id, scheme: "legacy" };
  } catch (error) {
    const refusal = error instanceof IkitError ? REFUSALS[error.code] : undefined;
    if (!refusal) throw error;
    return refuse(refusal[0], refusal[1], (error as IkitError).message);
  }
}

/**
 * `POST /webhook`: reads the raw body (bounded), verifies ImageKit's signature with the secret from `env`, refuses
 * events outside the clock tolerance and deliveries already taken (409, remembered in the configured replay store
 * across isolates), then hands the event to `onEvent`. A throw from `onEvent` answers 500 and forgets the delivery,
 * so ImageKit's retry is handled.
 *
 * @example
 * ```ts
 * if (url.pathname === "/webhook") return handleWebhook(request, env, ctx, config.webhook);
 * ```
 */
export async function handleWebhook(
  request: Request,
  env: unknown,
  ctx: WaitUntil,
  webhook: WebhookSettings,
): Promise<Response> {
  if (request.method !== "POST")
    refuse(405, "method_not_allowed", "ImageKit delivers webhooks with POST.", { allow: "POST" });
  const secret = requireSecret(env, "IMAGEKIT_WEBHOOK_SECRET");
  const body = await readBody(request, webhook.maxBodyBytes);
  const { id, timestamp, event, scheme } = await verify(body, request.headers, secret, webhook.toleranceMs);
  const guard = replayGuard(env, webhook);
  // ImageKit signs every delivery under both schemes, and the event's own `id` is in the signed body of both: keyed
  // on it, a delivery taken under one scheme cannot be replayed with the other scheme's headers stripped.
  const key = typeof event.id === "string" && event.id !== "" ? `event:${event.id}` : `${scheme}:${id}`;
  // Remembered past the tolerance window: after that, the clock check refuses the delivery anyway.
  if (!(await guard.take(key, Math.ceil((2 * webhook.toleranceMs) / 1000))))
    refuse(409, "webhook_replayed", `delivery ${JSON.stringify(id.slice(0, 100))} was already received.`);
  try {
    await webhook.onEvent(event, { id, timestamp, scheme, env, ctx });
  } catch (error) {
    await guard.release(key);
    console.error(`ikit-worker: webhook.onEvent threw ${(error as Error)?.name ?? "an error"} for ${event.type} ${id}`);
    return json({ error: "webhook_handler_failed", message: "the event handler failed; ImageKit will retry." }, 500);
  }
  return json({ received: true, id });
}
