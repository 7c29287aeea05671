/**
 * Stable codes of {@link EmulatorError}.
 *
 * @example
 * ```ts
 * const code: EmulatorErrorCode = "INVALID_OPTION";
 * ```
 */
export type EmulatorErrorCode = "INVALID_OPTION" | "DATA_DIR_UNUSABLE" | "CORRUPT_RECORD";

/**
 * Thrown by `startEmulator` for options it cannot start with, or a data folder holding a record it cannot use
 * (`CORRUPT_RECORD`, naming the file in `value`). Branch on `code`, not on the message.
 *
 * @example
 * ```ts
 * try {
 *   await startEmulator({ port: -1 });
 * } catch (error) {
 *   if (error instanceof EmulatorError && error.code === "INVALID_OPTION") console.error(error.message);
 * }
 * ```
 */
export class EmulatorError extends Error {
  override readonly name = "EmulatorError";
  readonly code: EmulatorErrorCode;
  readonly value: unknown;

  constructor(code: EmulatorErrorCode, message: string, value?: unknown) {
    super(message);
    this.code = code;
    this.value = value;
  }
}
