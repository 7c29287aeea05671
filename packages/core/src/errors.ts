/**
 * Stable machine-readable codes carried by every {@link IkitError}.
 * Branch on `error.code`, never on the message text.
 */
export type IkitErrorCode =
  | "MISSING_URL_ENDPOINT"
  | "INVALID_URL_ENDPOINT"
  | "MISSING_SOURCE"
  | "PATH_AND_SRC"
  | "INVALID_SRC"
  | "SIGNED_URL_OPTION"
  | "INVALID_PRIVATE_KEY"
  | "INVALID_EXPIRY"
  | "URL_NOT_UNDER_ENDPOINT"
  | "INVALID_URL"
  | "INVALID_PHASH"
  | "INVALID_SECRET"
  | "WEBHOOK_SIGNATURE_MISSING"
  | "WEBHOOK_SIGNATURE_MALFORMED"
  | "WEBHOOK_SIGNATURE_MISMATCH"
  | "WEBHOOK_TIMESTAMP_TOO_OLD"
  | "WEBHOOK_PAYLOAD_INVALID"
  | "UNKNOWN_PARAMETER"
  | "INVALID_EXPRESSION"
  | "INVALID_VALUE"
  | "INVALID_OPTIONS";

/**
 * The one error class of `@ikit/core`. The message says what was wrong and how to fix it;
 * `code` is stable; `value` holds the offending input (never a secret: secrets are described, not echoed).
 *
 * @example
 * ```ts
 * try {
 *   buildSrc({ urlEndpoint: "not a url", src: "/a.jpg" });
 * } catch (error) {
 *   if (error instanceof IkitError && error.code === "INVALID_URL_ENDPOINT") console.warn(error.message);
 * }
 * ```
 */
export class IkitError extends Error {
  override readonly name = "IkitError";
  declare readonly code: IkitErrorCode;
  declare readonly value: unknown;

  constructor(code: IkitErrorCode, message: string, value?: unknown) {
    super(message);
    this.code = code;
    this.value = value;
  }
}

/** Throws an {@link IkitError}; a function so call sites stay one expression. */
export function fail(code: IkitErrorCode, message: string, value?: unknown): never {
  throw new IkitError(code, message, value);
}

/** `value` as an error message shows it: a string quoted, another primitive as it prints, an object as "an object". */
export function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : Object(value) === value ? "an object" : String(value);
}
