import type { Transformation } from "@ikit/core";
import type { Fit, OutputFormat, ResolvedConfig } from "../config.js";
import { refuse } from "../http/refusal.js";
import { quote } from "../http/responses.js";
import { checkAllowed, pathSegments } from "../path.js";
import { DPR, FIT_STEPS, WHOLE } from "../url/route.js";

/**
 * An image request the configuration allows: which file, which transformation.
 *
 * @example
 * ```ts
 * const image: ImageRequest = { segments: ["products", "shoe.jpg"], steps: [{ width: 640 }], negotiated: true };
 * ```
 */
export interface ImageRequest {
  /** The file's path segments, decoded. */
  segments: readonly string[];
  /** The transformation, in a fixed key order, so equal requests give equal URLs and cache keys. */
  steps: readonly Transformation[];
  /** True when ImageKit picks the format from `Accept` (no format, or `f=auto`): the response varies by it. */
  negotiated: boolean;
}

/**
 * Longest query string accepted, in characters as sent.
 *
 * @example
 * ```ts
 * if (url.search.length > MAX_QUERY_LENGTH) refuse(414, "uri_too_long", "…");
 * ```
 */
export const MAX_QUERY_LENGTH = 512;

function nearest(allowed: readonly number[], wanted: number): number {
  let best = allowed[0] as number;
  for (const value of allowed) {
    const closer = Math.abs(value - wanted) - Math.abs(best - wanted);
    if (closer < 0 || (closer === 0 && value > best)) best = value;
  }
  return best;
}

/** Reads one numeric parameter against its allow-list. */
function allowedNumber(name: string, raw: string, allowed: readonly number[], pattern: RegExp, snap: boolean): number {
  if (allowed.length === 0) refuse(400, "parameter_not_allowed", `${name} is not allowed on this worker.`);
  if (!pattern.test(raw)) {
    refuse(400, "invalid_parameter", `${name}=${quote(raw)} is not a valid value; allowed: ${allowed.join(", ")}.`);
  }
  const value = Number(raw);
  if (snap) return nearest(allowed, value);
  if (!allowed.includes(value)) {
    refuse(400, "parameter_not_allowed", `${name}=${raw} is not allowed; allowed: ${allowed.join(", ")}.`);
  }
  return value;
}

function allowedWord<T extends string>(name: string, raw: string, allowed: ReadonlySet<T>): T {
  if (!allowed.has(raw as T)) {
    refuse(400, "parameter_not_allowed", `${name}=${quote(raw)} is not allowed; allowed: ${[...allowed].join(", ")}.`);
  }
  return raw as T;
}

/** The query's parameters, refusing unknown, repeated and overlong ones. */
function queryOf(search: string, known: readonly string[]): Map<string, string> {
  if (search.length > MAX_QUERY_LENGTH) {
    refuse(
      414,
      "uri_too_long",
      `the query is ${search.length} characters long; at most ${MAX_QUERY_LENGTH} are accepted.`,
    );
  }
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(search)) {
    if (!known.includes(key)) {
      refuse(
        400,
        "invalid_parameter",
        known.length
          ? `unknown parameter ${quote(key)}; this URL takes ${known.join(", ")}.`
          : `unknown parameter ${quote(key)}; a preset URL takes no parameters.`,
      );
    }
    if (params.has(key)) refuse(400, "invalid_parameter", `parameter ${quote(key)} is given twice.`);
    params.set(key, value);
  }
  return params;
}

/**
 * Turns the part of an image URL after the mount point (`/thumb/products/shoe.jpg` or `/products/shoe.jpg`) and its
 * query (`?w=640&q=80`) into an {@link ImageRequest}, or throws a 4xx refusal that says what is allowed. A first
 * segment naming a preset selects it (the query may then only hold `dpr`); otherwise `w`, `h`, `q`, `dpr`, `fit` and
 * `f` are checked against `allow`.
 *
 * @example
 * ```ts
 * parseImageRequest("/products/shoe.jpg", "?w=700", config);
 * // { segments: ["products", "shoe.jpg"], steps: [{ width: 640 }], negotiated: true } with snapWidths
 * ```
 */
export function parseImageRequest(path: string, search: string, config: ResolvedConfig): ImageRequest {
  const segments = pathSegments(path);
  const { allow, presets } = config;
  const preset = segments.length > 1 ? presets.get(segments[0] as string) : undefined;
  if (preset) {
    const file = segments.slice(1);
    checkAllowed(file, allow.paths, allow.extensions);
    const query = queryOf(search, allow.dprs.length ? ["dpr"] : []);
    const steps = preset.map((step) => ({ ...step }));
    const dpr = query.get("dpr");
    if (dpr !== undefined) {
      steps[steps.length - 1] = { ...steps[steps.length - 1], dpr: allowedNumber("dpr", dpr, allow.dprs, DPR, false) };
    }
    return { segments: file, steps, negotiated: steps.every((s) => s.format === undefined || s.format === "auto") };
  }
  const full = `/${segments.join("/")}`;
  const rest = `/${segments.slice(1).join("/")}`;
  if (presets.size > 0 && !allow.paths.some((p) => full.startsWith(p)) && allow.paths.some((p) => rest.startsWith(p))) {
    refuse(
      404,
      "unknown_preset",
      // The names are not listed: a visitor may guess at presets the site does not use in public.
      `no preset named ${quote(segments[0] as string)}; use one named in the worker's presets configuration.`,
    );
  }
  checkAllowed(segments, allow.paths, allow.extensions);
  const query = queryOf(search, ["w", "h", "q", "dpr", "fit", "f"]);
  const step: Transformation = {};
  const w = query.get("w");
  const h = query.get("h");
  const q = query.get("q");
  const dpr = query.get("dpr");
  const fit = query.get("fit");
  const f = query.get("f");
  if (w !== undefined) step.width = allowedNumber("w", w, allow.widths, WHOLE, allow.snapWidths);
  if (h !== undefined) step.height = allowedNumber("h", h, allow.heights, WHOLE, false);
  if (q !== undefined) step.quality = allowedNumber("q", q, allow.qualities, WHOLE, false);
  if (dpr !== undefined) step.dpr = allowedNumber("dpr", dpr, allow.dprs, DPR, false);
  if (fit !== undefined) Object.assign(step, FIT_STEPS[allowedWord<Fit>("fit", fit, allow.fits)]);
  const format = f === undefined ? undefined : allowedWord<OutputFormat>("f", f, allow.formats);
  if (format !== undefined) step.format = format;
  return {
    segments,
    steps: Object.keys(step).length ? [step] : [],
    negotiated: format === undefined || format === "auto",
  };
}
