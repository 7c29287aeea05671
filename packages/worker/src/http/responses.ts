/**
 * Stable codes of the worker's error bodies (`{ "error": code, "message": "…" }`). Branch on the code; the message
 * says what was wrong and how to fix it.
 *
 * @example
 * ```ts
 * const { error } = (await response.json()) as { error: ProblemCode };
 * if (error === "parameter_not_allowed") console.warn("ask for an allowed width");
 * ```
 */
export type ProblemCode =
  | "not_found"
  | "method_not_allowed"
  | "invalid_path"
  | "path_not_allowed"
  | "extension_not_allowed"
  | "unknown_preset"
  | "invalid_parameter"
  | "parameter_not_allowed"
  | "uri_too_long"
  | "upstream_unavailable"
  | "upstream_refused"
  | "origin_not_allowed"
  | "unauthorized"
  | "rate_limited"
  | "payload_too_large"
  | "invalid_body"
  | "webhook_signature_missing"
  | "webhook_signature_invalid"
  | "webhook_too_old"
  | "webhook_replayed"
  | "webhook_handler_failed"
  | "misconfigured"
  | "internal_error";

const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

/**
 * A JSON response that is never cached.
 *
 * @example
 * ```ts
 * return json({ urls }, 200);
 * ```
 */
export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
  for (const [name, value] of new Headers(headers)) response.headers.set(name, value);
  return response;
}

/**
 * An error response: `{ error, message }` with the status, never cached.
 *
 * @example
 * ```ts
 * return problem(403, "path_not_allowed", 'path "/private/a.jpg" is not under an allowed prefix.');
 * ```
 */
export function problem(status: number, error: ProblemCode, message: string, headers?: HeadersInit): Response {
  return json({ error, message }, status, headers);
}

/**
 * A value as an error message quotes it: JSON, cut to 100 characters so a hostile input cannot bloat the body.
 *
 * @example
 * ```ts
 * quote("a\nb"); // "\"a\\nb\""
 * ```
 */
export function quote(value: string): string {
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}
