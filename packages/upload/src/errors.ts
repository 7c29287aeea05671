/**
 * Stable codes of {@link UploadError}; branch on these, never on the message.
 * - `VALIDATION`: the file or an option was refused before any byte was sent.
 * - `AUTH`: the authenticator failed or gave an expired, reused or malformed token, or ImageKit refused the credentials.
 * - `NETWORK`: the connection failed or was cut before a full response.
 * - `SERVER`: ImageKit answered with an error (`status`, `requestId`, `message`, `help`), or a 2xx it could not read.
 * - `ABORT`: the caller's `signal` aborted the upload.
 * - `TIMEOUT`: no bytes were sent for `timeout` ms (XHR), or no answer came within it (fetch).
 *
 * @example
 * ```ts
 * const canRetryLater = (code: UploadErrorCode) => code === "NETWORK" || code === "TIMEOUT";
 * ```
 */
export type UploadErrorCode = "VALIDATION" | "AUTH" | "NETWORK" | "SERVER" | "ABORT" | "TIMEOUT";

/**
 * The one error `upload()` rejects with. `status`, `requestId` and `help` are set when ImageKit answered.
 *
 * @example
 * ```ts
 * try {
 *   await upload(file, options);
 * } catch (error) {
 *   if (error instanceof UploadError && error.code === "VALIDATION") showHint(error.message);
 *   else if (error instanceof UploadError && error.code === "SERVER") report(error.status, error.requestId);
 * }
 * ```
 */
export class UploadError extends Error {
  // Fields are declared, not initialised: one Object.assign in the constructor sets them (smaller in every bundle).
  declare readonly name: "UploadError";
  declare readonly code: UploadErrorCode;
  /** The offending input for `VALIDATION`; the underlying error or abort reason otherwise. */
  declare readonly value: unknown;
  /** HTTP status of ImageKit's answer, when there was one. */
  declare status?: number;
  /** ImageKit's `x-request-id`, to quote to support. */
  declare requestId?: string | undefined;
  /** ImageKit's `help` text. */
  declare help?: string | undefined;
  /** Ms ImageKit asked to wait before retrying (`Retry-After` or `X-RateLimit-Reset`). */
  declare retryAfter?: number | undefined;
  /** Worth another attempt: network failures, timeouts, 5xx, 408, 429; for `AUTH`, one more with a fresh token. */
  declare retryable: boolean;

  /** `details`: what ImageKit's answer adds, and `retryable` where the code's default is not right. */
  constructor(
    code: UploadErrorCode,
    message: string,
    value?: unknown,
    details?: Partial<Pick<UploadError, "status" | "requestId" | "help" | "retryAfter" | "retryable">>,
  ) {
    super(message);
    Object.assign(
      this,
      { name: "UploadError", code, value, retryable: code === "NETWORK" || code === "TIMEOUT" },
      details,
    );
  }
}
