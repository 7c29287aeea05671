import type { QueryParameters } from "./types.js";

const FORM_EXTRA: Record<string, string> = { "!": "%21", "'": "%27", "(": "%28", ")": "%29", "~": "%7E", "%20": "+" };

/** `application/x-www-form-urlencoded` encoding, exactly what `URLSearchParams` writes. */
export function formEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()~]|%20/g, (match) => FORM_EXTRA[match] as string);
}

/** Query parameters serialised as `URLSearchParams` would, without the leading `?` (`""` when there are none). */
export function formQuery(params: QueryParameters | undefined): string {
  let query = "";
  for (const key in params) query += `${query ? "&" : ""}${formEncode(key)}=${formEncode(String(params[key]))}`;
  return query;
}
