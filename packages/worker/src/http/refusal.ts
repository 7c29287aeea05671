import { type ProblemCode, problem } from "./responses.js";

/**
 * A request the worker will not serve, thrown from deep inside a handler and answered by the router as
 * `{ error: code, message }` with `status` (always 4xx for bad input). Not exported from the package: callers see
 * only responses.
 *
 * @example
 * ```ts
 * throw new Refusal(404, "not_found", "ImageKit has no file at \"/a.jpg\".");
 * ```
 */
export class Refusal extends Error {
  override readonly name = "Refusal";
  readonly status: number;
  readonly code: ProblemCode;
  readonly headers: HeadersInit | undefined;

  constructor(status: number, code: ProblemCode, message: string, headers?: HeadersInit) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  toResponse(): Response {
    return problem(this.status, this.code, this.message, this.headers);
  }
}

/**
 * Throws a {@link Refusal}; a function so call sites stay one expression.
 *
 * @example
 * ```ts
 * const width = Number(raw) || refuse(400, "invalid_parameter", "w must be a number.");
 * ```
 */
export function refuse(status: number, code: ProblemCode, message: string, headers?: HeadersInit): never {
  throw new Refusal(status, code, message, headers);
}
