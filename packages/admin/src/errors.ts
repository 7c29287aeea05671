// Errors of @ikit/admin: one class per way a call can fail, each with the response's metadata, so callers branch on
// `instanceof` and never on message text.
import { retryAfterMs } from "@ikit/core";

/**
 * What every result and error carries about the HTTP exchange (the seed SDK's `$ResponseMetadata`).
 *
 * @example
 * ```ts
 * const { statusCode, headers, requestId }: ResponseMetadata = (await admin.listFiles()).$ResponseMetadata;
 * ```
 */
export interface ResponseMetadata {
  /** The HTTP status; 0 when no response arrived (network error, timeout, bad input caught before sending). */
  statusCode: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** ImageKit's `x-request-id`, to quote to support. */
  requestId: string | undefined;
}

/** The metadata of an error that never reached a response. */
export const NO_RESPONSE: ResponseMetadata = Object.freeze({ statusCode: 0, headers: {}, requestId: undefined });

/**
 * The base class of every error @ikit/admin throws. `message` and `help` are ImageKit's when the API answered.
 *
 * @example
 * ```ts
 * try {
 *   await admin.getFile("6b04f1a3c9e2d7b8a1f0c3e2");
 * } catch (error) {
 *   if (error instanceof AdminError) console.warn(error.status, error.message, error.requestId);
 * }
 * ```
 */
export class AdminError extends Error {
  override name = "AdminError";
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** ImageKit's `help` text, when it sent one. */
  readonly help: string | undefined;
  /** The error body as ImageKit sent it (`missingFileIds`, `reason`, `errors`…), or undefined. */
  readonly body: Record<string, unknown> | undefined;
  readonly $ResponseMetadata: ResponseMetadata;

  constructor(
    message: string,
    meta: ResponseMetadata = NO_RESPONSE,
    body?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = meta.statusCode;
    this.$ResponseMetadata = meta;
    this.body = body;
    this.help = typeof body?.help === "string" ? body.help : undefined;
  }

  /** ImageKit's `x-request-id` of the failed response. */
  get requestId(): string | undefined {
    return this.$ResponseMetadata.requestId;
  }
}

/**
 * Bad input caught before any request was sent (missing key, a public key as private, invalid id, limit out of
 * range, unknown sort…). Status 0: nothing reached the network.
 *
 * @example
 * ```ts
 * await admin.listFiles({ limit: 5000 }).catch((e) => e instanceof InvalidInputError); // true
 * ```
 */
export class InvalidInputError extends AdminError {
  override name = "InvalidInputError";
}

/**
 * 400 (and other 4xx not listed below): ImageKit refused the request as malformed.
 *
 * @example
 * ```ts
 * await admin.listFiles({ searchQuery: "size HAS 1" }).catch((e) => e instanceof BadRequestError); // true
 * ```
 */
export class BadRequestError extends AdminError {
  override name = "BadRequestError";
}

/**
 * 401: no private key, or one ImageKit does not know.
 *
 * @example
 * ```ts
 * if (error instanceof AuthError) console.error("check IMAGEKIT_PRIVATE_KEY");
 * ```
 */
export class AuthError extends AdminError {
  override name = "AuthError";
}

/**
 * 403: the key is known but not allowed to do this.
 *
 * @example
 * ```ts
 * if (error instanceof ForbiddenError) console.error(error.message, error.help);
 * ```
 */
export class ForbiddenError extends AdminError {
  override name = "ForbiddenError";
}

/**
 * 404: no such file, version, folder, job or field (`body.missingFileIds` lists them for bulk calls).
 *
 * @example
 * ```ts
 * const file = await admin.getFile(id).catch((e) => (e instanceof NotFoundError ? undefined : Promise.reject(e)));
 * ```
 */
export class NotFoundError extends AdminError {
  override name = "NotFoundError";
}

/**
 * 409: the target exists (a rename onto a taken name, a folder that exists…).
 *
 * @example
 * ```ts
 * if (error instanceof ConflictError) await admin.renameFile({ filePath, newFileName: `${name}-2.jpg` });
 * ```
 */
export class ConflictError extends AdminError {
  override name = "ConflictError";
}

/**
 * 429 after the retries ran out; `retryAfterMs` is how long ImageKit asked to wait.
 *
 * @example
 * ```ts
 * if (error instanceof RateLimitedError) await new Promise((r) => setTimeout(r, error.retryAfterMs ?? 1000));
 * ```
 */
export class RateLimitedError extends AdminError {
  override name = "RateLimitedError";
  /** Milliseconds until the rate-limit window resets (`X-RateLimit-Reset`), when sent. */
  get retryAfterMs(): number | undefined {
    return retryDelayOf(this.$ResponseMetadata.headers);
  }
}

/**
 * 5xx after the retries ran out (or at once, for a request that is not safe to repeat).
 *
 * @example
 * ```ts
 * if (error instanceof ServerError) console.error("ImageKit failed", error.status, error.requestId);
 * ```
 */
export class ServerError extends AdminError {
  override name = "ServerError";
}

/**
 * No usable response: connection refused or reset, DNS, a body cut half-way. `cause` holds the runtime's error.
 *
 * @example
 * ```ts
 * if (error instanceof NetworkError) console.error("unreachable", error.cause);
 * ```
 */
export class NetworkError extends AdminError {
  override name = "NetworkError";
}

/**
 * The per-request `timeout` (or the client's) elapsed before a response arrived.
 *
 * @example
 * ```ts
 * await admin.getUsage({ startDate, endDate }, { timeout: 1 }).catch((e) => e instanceof TimeoutError); // true
 * ```
 */
export class TimeoutError extends AdminError {
  override name = "TimeoutError";
}

/** The error class for an HTTP status. */
export function errorClassOf(status: number): typeof AdminError {
  if (status === 401) return AuthError;
  if (status === 403) return ForbiddenError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitedError;
  if (status >= 500) return ServerError;
  return BadRequestError;
}

/** How long a 429/503 asks to wait (core's `retryAfterMs`: `X-RateLimit-Reset` in ms, else `Retry-After`). */
export function retryDelayOf(headers: Record<string, string>): number | undefined {
  return retryAfterMs((name) => headers[name]);
}

/** Throws an {@link InvalidInputError} saying what was wrong and how to fix it. */
export function invalid(message: string): never {
  throw new InvalidInputError(message);
}
