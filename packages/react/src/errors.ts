/**
 * The stable codes of {@link ReactImageKitError}.
 *
 * @example
 * ```ts
 * const code: ReactImageKitErrorCode = "MISSING_WORKER_URL";
 * ```
 */
export type ReactImageKitErrorCode = "MISSING_WORKER_URL" | "INVALID_SIGNED_SRC" | "SIGNED_TRANSFORMATION";

/**
 * A configuration mistake in a component's props or its provider: thrown while rendering, so an error boundary (or
 * the dev overlay) shows what to fix. URL errors from `@ikit/core` (a missing `urlEndpoint`, a bad transformation)
 * arrive as core's `IkitError`.
 *
 * @example
 * ```ts
 * try {
 *   workerImageUrl({ workerUrl: "", src: "/a.jpg" });
 * } catch (error) {
 *   if (error instanceof ReactImageKitError) console.error(error.code, error.message);
 * }
 * ```
 */
export class ReactImageKitError extends Error {
  override readonly name = "ReactImageKitError";
  readonly code: ReactImageKitErrorCode;
  /** The offending value. */
  readonly value: unknown;

  constructor(code: ReactImageKitErrorCode, message: string, value: unknown) {
    super(message);
    this.code = code;
    this.value = value;
  }
}
