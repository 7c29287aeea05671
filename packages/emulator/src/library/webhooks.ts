// The emulator signs webhooks with its own code, independently of @ikit/core, on purpose: it is the test oracle of
// core's verifyWebhookEvent, so a mistake there must show up as a refused event, not be shared by both sides.
import { createHmac, randomUUID } from "node:crypto";
import { apiErrors } from "../errors/imagekit-errors.js";

/**
 * POSTs `event` to `url`, signed as ImageKit signs webhooks: `x-ik-signature: t=<ms>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<body>")>`, plus the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`) that
 * `@imagekit/nodejs`'s `webhooks.unwrap` reads. Gives up after 10 s; delivery failures are not retried.
 *
 * @example
 * ```ts
 * await sendWebhook("http://127.0.0.1:4000/hook", { type: "file.created", id: "…", data: {} }, webhookSecret);
 * ```
 */
export async function sendWebhook(
  url: string,
  event: Record<string, unknown>,
  secret: string,
  now = Date.now(),
): Promise<number> {
  const body = JSON.stringify(event);
  const signature = createHmac("sha256", secret).update(`${now}.${body}`).digest("hex");
  const id = typeof event.id === "string" ? event.id : randomUUID();
  const seconds = Math.floor(now / 1000);
  const standard = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`${id}.${seconds}.${body}`)
    .digest("base64");
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-ik-signature": `t=${now},v1=${signature}`,
      "webhook-id": id,
      "webhook-timestamp": String(seconds),
      "webhook-signature": `v1,${standard}`,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  return response.status;
}

/**
 * A `webhookUrl` a client sent: an absolute http(s) URL.
 *
 * @example
 * ```ts
 * checkWebhookUrl("http://127.0.0.1:4000/hook"); // "http://127.0.0.1:4000/hook"
 * ```
 */
export function checkWebhookUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw apiErrors.invalidParameter("webhookUrl", `${JSON.stringify(value.slice(0, 80))} is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw apiErrors.invalidParameter("webhookUrl", "use an http(s) URL");
  return url.href;
}
