import { type ErrorBody, retryAfterMs } from "@ikit/core";
import { UploadError } from "./errors.js";
import type { UploadResult } from "./options.js";
import type { Reply } from "./transport.js";

// ImageKit answers a bad expire, signature or spent token with a 400 that only its message tells apart.
const AUTH_MESSAGE = /expire|signature|token|authenticat/i;

/**
 * Turns an HTTP answer into the upload result, or the `SERVER` / `AUTH` error it stands for, with ImageKit's
 * `message`, `help`, status, `x-request-id` and the wait it asked for (core's `retryAfterMs`:
 * `X-RateLimit-Reset` in ms first, then `Retry-After` in seconds or as a date). A 2xx whose body is not a JSON object is a `SERVER` error too.
 *
 * @example
 * ```ts
 * const result = readReply(await send(url, form, signal, timeout, onProgress)); // throws UploadError on 4xx/5xx
 * ```
 */
export function readReply([status, text, header]: Reply): UploadResult {
  let body: (ErrorBody & UploadResult) | undefined;
  try {
    body = JSON.parse(text);
  } catch {}
  const ok = status > 199 && status < 300;
  if (ok && typeof body === "object" && body) return body;
  const auth = status === 401 || status === 403 || (status === 400 && AUTH_MESSAGE.test(body?.message as string));
  throw new UploadError(
    auth ? "AUTH" : "SERVER",
    `ImageKit answered ${status}: ${ok ? "a body that is not JSON" : body?.message}`,
    text.slice(0, 200),
    {
      status,
      requestId: header("x-request-id") ?? undefined,
      help: body?.help,
      retryAfter: retryAfterMs(header),
      // For AUTH: worth one more attempt with a fresh token.
      retryable: auth || status > 499 || status === 408 || status === 429,
    },
  );
}
