// The one error type the commands throw, and how any error (ours, @ikit/admin's, @ikit/core's, Node's) becomes a
// message and an exit code. The private key is scrubbed from every message here, whatever produced it.
import { AdminError, AuthError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@ikit/admin";
import { EXIT, type ExitCode } from "./exit-codes.js";

/**
 * Stable codes of {@link CliError}, one per kind of failure.
 *
 * @example
 * ```ts
 * const code: CliErrorCode = "NOT_FOUND";
 * ```
 */
export type CliErrorCode =
  | "USAGE"
  | "MISSING_CONFIG"
  | "BAD_CONFIG"
  | "AUTH"
  | "NOT_FOUND"
  | "LOCAL_NOT_FOUND"
  | "CONFLICT"
  | "PARTIAL"
  | "NOT_CONFIRMED"
  | "REMOTE"
  | "INTERRUPTED"
  | "INTERNAL";

const EXIT_OF: Record<CliErrorCode, ExitCode> = {
  USAGE: EXIT.USAGE,
  MISSING_CONFIG: EXIT.CONFIG,
  BAD_CONFIG: EXIT.CONFIG,
  AUTH: EXIT.CONFIG,
  NOT_FOUND: EXIT.NOT_FOUND,
  LOCAL_NOT_FOUND: EXIT.NOT_FOUND,
  CONFLICT: EXIT.CONFLICT,
  PARTIAL: EXIT.PARTIAL,
  NOT_CONFIRMED: EXIT.NOT_CONFIRMED,
  REMOTE: EXIT.REMOTE,
  INTERRUPTED: EXIT.INTERRUPTED,
  INTERNAL: EXIT.INTERNAL,
};

/**
 * A failure the CLI reports as one line: what was wrong and how to fix it, with a stable `code` and exit code.
 *
 * @example
 * ```ts
 * throw new CliError("NOT_FOUND", "/products/a.jpg does not exist; `ikit ls /products` lists what does.");
 * ```
 */
export class CliError extends Error {
  override name = "CliError";
  readonly code: CliErrorCode;
  readonly exitCode: ExitCode;
  /** The offending value (a path, a flag), when there is one. */
  readonly value: unknown;

  constructor(code: CliErrorCode, message: string, value?: unknown) {
    super(message);
    this.code = code;
    this.exitCode = EXIT_OF[code];
    this.value = value;
  }
}

/**
 * What an error from any layer means to a user of the CLI: its code, exit code and message.
 *
 * @example
 * ```ts
 * toCliError(new ConflictError("File with name b.jpg already exists…")).exitCode; // 5
 * ```
 */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof AdminError) {
    const help = error.help ? ` ${error.help}` : "";
    const message = `${error.message}${help}`;
    if (error instanceof InvalidInputError) return new CliError("USAGE", message);
    if (error instanceof AuthError || error instanceof ForbiddenError) {
      return new CliError("AUTH", `ImageKit refused the private key (${error.status}): ${message}`);
    }
    if (error instanceof NotFoundError) return new CliError("NOT_FOUND", message);
    if (error instanceof ConflictError) return new CliError("CONFLICT", `${message} Nothing was changed.`);
    const requestId = error.requestId ? ` (request ${error.requestId})` : "";
    return new CliError("REMOTE", `${message}${requestId}`);
  }
  if (isNodeError(error) && error.code === "ENOENT") {
    return new CliError("LOCAL_NOT_FOUND", `${error.path ?? "a local path"} does not exist.`, error.path);
  }
  // @ikit/core's IkitError: bad input to url(), signUrl() or getAuthenticationParameters().
  if (error instanceof Error && error.name === "IkitError") return new CliError("USAGE", error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new CliError("INTERNAL", `unexpected error: ${message}`);
}

/**
 * Whether `error` is a Node system error (`ENOENT`, `EACCES`, …).
 *
 * @example
 * ```ts
 * if (isNodeError(error) && error.code === "ENOENT") console.error("no such file");
 * ```
 */
export function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

/**
 * `text` with every secret replaced by `[redacted]`: the last guard between a private key and a terminal, a log or a
 * JSON document, whatever message an error carried.
 *
 * @example
 * ```ts
 * redact("key private_abc was refused", ["private_abc"]); // "key [redacted] was refused"
 * ```
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join("[redacted]");
    // The Basic auth form of the key, should any layer ever echo a header.
    out = out.split(Buffer.from(`${secret}:`).toString("base64")).join("[redacted]");
  }
  return out;
}
