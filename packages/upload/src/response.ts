import type { ErrorBody } from "@ikit/core";
import { authError } from "./auth.js";
import { UploadError } from "./errors.js";
import type { UploadResult } from "./options.js";
import type { Reply } from "./transport.js";

// ImageKit answers a bad expire, signature or spent token with a 400 that only its message tells apart.
const AUTH_MESSAGE = /expire|signature|token|authenticat/i;

/** Milliseconds to wait from `Retry-After` (seconds or a date) or ImageKit's `X-RateLimit-Reset` (ms). */
function retryAfter(reply: Reply): number | undefined {
  const after = reply.header("retry-after");
  const reset = Number(reply.header("x-ratelimit-reset") || Number.NaN);
  const ms = after ? (/^\d+$/.test(after) ? +after * 1000 : Date.parse(after) - Date.now()) : reset;
  return ms >= 0 ? ms : undefined;
}

/**
 * Turns an HTTP answer into the upload result, or the `SERVER` / `AUTH` error it stands for: ImageKit's `message`,
 * `help`, status and `x-request-id`. A 2xx whose body is not a JSON object is a `SERVER` error too.
 *
 * @example
 * ```ts
 * const result = readReply(await send(request)); // throws UploadError on 4xx/5xx
 * ```
 */
export function readReply(reply: Reply): UploadResult {
  const { status } = reply;
  let body: (ErrorBody & UploadResult) | undefined;
  try {
    body = JSON.parse(reply.text);
  } catch {}
  const ok = status >= 200 && status < 300;
  if (ok && typeof body === "object" && body !== null) return body;
  const message = body?.message;
  const auth = status === 401 || status === 403 || (status === 400 && AUTH_MESSAGE.test(message ?? ""));
  const text = ok ? "a body that is not JSON" : message;
  const error = auth
    ? authError(`ImageKit refused the credentials: ${text}`, true)
    : new UploadError("SERVER", `ImageKit answered ${status}: ${text}`, reply.text.slice(0, 200));
  error.status = status;
  error.requestId = reply.header("x-request-id") ?? undefined;
  error.help = body?.help;
  error.retryAfter = retryAfter(reply);
  if (!auth) error.retryable = status >= 500 || status === 408 || status === 429;
  throw error;
}
