import type { ErrorBody } from "@ikit/core";

/** ImageKit's `help` line, sent with every error body. */
const HELP = "For support kindly contact us at support@imagekit.io.";

/**
 * An HTTP error answered as ImageKit answers it: `status` and a JSON body `{ message, help, ...extra }`
 * (`extra` carries fields such as `reason` or `missingFileIds` where ImageKit sends them).
 * Handlers throw it; the server turns it into the response.
 *
 * @example
 * ```ts
 * throw new ApiError(404, "The requested file does not exist.");
 * throw new ApiError(409, "File with name a.jpg already exists at the same location.", { reason: "FILE_ALREADY_EXISTS" });
 * ```
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status;
    this.extra = extra;
    this.headers = headers;
  }

  /**
   * The JSON body ImageKit sends for this error. Narrower than the OpenAPI `ErrorBody` (whose `message` and `help` are
   * optional): the emulator always sends both, and `extra` adds the fields some errors document (`reason`,
   * `missingFileIds`).
   */
  body(): Required<ErrorBody> & Record<string, unknown> {
    return { message: this.message, help: HELP, ...this.extra };
  }
}
