// `@ikit/core/strict`: the URL builders with strict checks, and the checks on their own. A separate entry point, so
// an app that does not opt in never bundles them: `buildSrc` and `url` from `@ikit/core` do not import this file.
import { buildSrc as permissiveBuildSrc, type SrcOptions } from "./build-src.js";
import { fail, show } from "./errors.js";
import { isExpression } from "./expression.js";
import { PARAMETERS, SEED_PARAMETERS } from "./parameters.js";
import { MAX_DEPTH, tooDeep } from "./transformation.js";
import type { LegacyTransformation, Overlay } from "./types.js";
import { url as permissiveUrl, type UrlOptions } from "./url.js";
import { optionsOf } from "./value.js";

type Rule = (value: unknown) => string | undefined;

/* @__NO_SIDE_EFFECTS__ */
function numberIn(min: number, max: number, ...words: string[]): Rule {
  return (value) => {
    if (typeof value === "string" && words.includes(value)) return;
    const n =
      typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
    if (Number.isFinite(n) && n >= min && n <= max) return;
    return `a number from ${min} to ${max}${words.length ? ` or ${words.map((w) => `"${w}"`).join(", ")}` : ""}`;
  };
}

const NUMBER = /^N?\d+(\.\d+)?$|^N?\.\d+$/;

/** A number (negative as `N20` or -20), a numeric string or an arithmetic expression. */
/* @__NO_SIDE_EFFECTS__ */
function dimension(...words: string[]): Rule {
  return (value) => {
    if (typeof value === "number" && Number.isFinite(value)) return;
    if (typeof value === "string" && (NUMBER.test(value) || isExpression(value) || words.includes(value))) return;
    return `a number or an arithmetic expression such as "iw_div_2"${words.length ? ` or ${words.map((w) => `"${w}"`).join(", ")}` : ""}`;
  };
}

/* @__NO_SIDE_EFFECTS__ */
function oneOf(...allowed: unknown[]): Rule {
  return (value) =>
    allowed.includes(value) ? undefined : `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
}

const text: Rule = (value) => (typeof value === "string" || typeof value === "number" ? undefined : "a string");
const bool: Rule = oneOf(true, false, "true", "false");
const flag: Rule = oneOf(true, "true", "-");
const flagOr: Rule = (value) =>
  value === true || typeof value === "string" || typeof value === "number" ? undefined : "true or a string value";

/** Checks by ImageKit code. Codes without an entry accept any string or number. */
const RULES: Record<string, Rule> = {
  w: dimension("auto"),
  h: dimension("auto"),
  ar: (value) =>
    typeof value === "string" && (/^\d+(\.\d+)?-\d+(\.\d+)?$/.test(value) || isExpression(value))
      ? undefined
      : 'a ratio such as "4-3" or an expression such as "iar_div_2"',
  q: numberIn(1, 100),
  bl: numberIn(1, 100),
  dpr: numberIn(0.1, 5, "auto"),
  rt: (value) =>
    (typeof value === "number" && value >= 0 && value <= 360) ||
    (typeof value === "string" && /^(auto|N?\d{1,3})$/.test(value))
      ? undefined
      : 'degrees 0 to 360, "N90" for anticlockwise, or "auto"',
  o: numberIn(0, 9),
  al: numberIn(1, 9),
  z: numberIn(0, 100),
  t: (value) => (value === true || value === "true" ? undefined : numberIn(1, 99)(value)),
  r: (value) =>
    value === "max" || (typeof value === "string" && /^\d+(_\d+){0,3}$/.test(value))
      ? undefined
      : numberIn(0, 10000)(value),
  x: dimension(),
  y: dimension(),
  xc: dimension(),
  yc: dimension(),
  so: dimension(),
  eo: dimension(),
  du: dimension(),
  c: oneOf("force", "at_max", "at_max_enlarge", "at_least", "maintain_ratio", "maintain_ratio_no_enlarge"),
  cm: oneOf("pad_resize", "extract", "pad_extract", "pad_resize_no_enlarge", "pad_extract_no_shrink"),
  fl: oneOf("h", "v", "h_v", "v_h"),
  f: oneOf("auto", "webp", "jpg", "jpeg", "png", "gif", "svg", "mp4", "webm", "avif", "orig"),
  vc: oneOf("h264", "vp9", "av1", "none"),
  ac: oneOf("aac", "opus", "none"),
  ia: oneOf("left", "right", "center"),
  lm: oneOf("multiply", "cutter", "cutout", "displace"),
  pr: bool,
  lo: bool,
  cp: bool,
  md: bool,
  orig: bool,
  sr: (value) =>
    Array.isArray(value) &&
    value.every((r) =>
      ["240", "360", "480", "720", "1080", "1440", "2160"].includes(typeof r === "number" ? String(r) : r),
    )
      ? undefined
      : 'an array of "240", "360", "480", "720", "1080", "1440", "2160"',
  "e-grayscale": flag,
  "e-contrast": flag,
  "e-removedotbg": flag,
  "e-bgremove": flag,
  "e-upscale": flag,
  "e-retouch": flag,
  "e-genvar": flag,
  "e-sharpen": flagOr,
  "e-shadow": flagOr,
  "e-gradient": flagOr,
  "e-usm": flagOr,
  "e-dropshadow": flagOr,
};

const OVERLAY_TYPES = ["text", "image", "video", "subtitle", "solidColor"];

function invalid(where: string, message: string, value: unknown): never {
  fail("INVALID_VALUE", `${where}: ${message}.`, value);
}

function checkOverlay(overlay: Overlay, where: string, legacy: boolean, depth: number): void {
  if (!OVERLAY_TYPES.includes(overlay?.type)) {
    invalid(`${where}.type`, `must be one of ${OVERLAY_TYPES.map((t) => `"${t}"`).join(", ")}`, overlay?.type);
  }
  const needed = overlay.type === "text" ? "text" : overlay.type === "solidColor" ? "color" : "input";
  const value = (overlay as unknown as Record<string, unknown>)[needed];
  if (typeof value !== "string" || value === "")
    invalid(`${where}.${needed}`, `a ${overlay.type} overlay needs a non-empty ${needed}`, value);
  for (const group of ["position", "timing"] as const) {
    const fields = (overlay as unknown as Record<string, Record<string, unknown> | undefined>)[group] ?? {};
    for (const key in fields) {
      const rule =
        key === "anchorPoint" || key === "focus"
          ? oneOf("center", "top", "left", "bottom", "right", "top_left", "top_right", "bottom_left", "bottom_right")
          : dimension();
      const problem = rule(fields[key]);
      if (problem) invalid(`${where}.${group}.${key}`, `expected ${problem}, got ${show(fields[key])}`, fields[key]);
    }
  }
  if (overlay.transformation !== undefined) {
    walk(overlay.transformation, `${where}.transformation`, legacy, depth + 1);
  }
}

function walk(steps: readonly LegacyTransformation[], where: string, legacy: boolean, depth: number): void {
  if (!Array.isArray(steps)) invalid(where, "transformation must be an array of steps", steps);
  if (depth > MAX_DEPTH) tooDeep();
  steps.forEach((step: unknown, index) => {
    const at = `${where}[${index}]`;
    // `[wide && { width: 800 }]` leaves `false` or nothing in a step's place: skipped, as by the builders.
    if (step == null || step === false) return;
    if (typeof step !== "object" || Array.isArray(step))
      invalid(at, "a step must be an object such as { width: 300 }", step);
    for (const name in step) {
      const value = (step as Record<string, unknown>)[name];
      if (value === undefined || value === null) continue;
      if (name === "overlay") {
        checkOverlay(value as Overlay, `${at}.overlay`, legacy, depth);
        continue;
      }
      if (name === "raw") continue;
      const seed = legacy ? SEED_PARAMETERS[name] : undefined;
      const code = PARAMETERS[name] ?? seed;
      if (code === undefined) {
        fail(
          "UNKNOWN_PARAMETER",
          `${at}: unknown transformation parameter "${name}". Use a documented name such as width, height or rotation, or put ImageKit codes in \`raw\`.`,
          name,
        );
      }
      if (legacy && value === "-") continue;
      // The seed's effect names append any value (`effectContrast: "1"` → `e-contrast-1`); `"-"` is the bare effect.
      const problem = (seed?.startsWith("e-") ? text : (RULES[code] ?? text))(value);
      if (problem) {
        const kind =
          typeof value === "string" && /_(add|sub|mul|div|mod|pow)_/.test(value)
            ? "INVALID_EXPRESSION"
            : "INVALID_VALUE";
        fail(kind, `${at}.${name} (${code}): expected ${problem}, got ${show(value)}.`, value);
      }
    }
  });
}

/**
 * Checks transformation steps strictly and throws an {@link IkitError} naming the step and key of the first problem:
 * `UNKNOWN_PARAMETER` for a name ImageKit does not know (typos such as `widht`), `INVALID_EXPRESSION` for a
 * malformed arithmetic expression, `INVALID_VALUE` for an out-of-range or mistyped value. `buildSrc` and `url` from
 * `@ikit/core/strict` run it first; those from `@ikit/core` stay as permissive as ImageKit's SDKs. Call it yourself
 * before `buildTransformationString` or `getResponsiveImageAttributes`. `legacyNames` also accepts the Node.js SDK's
 * names (`effectSharpen`, `rotate`), as `url()` does.
 *
 * @example
 * ```ts
 * validateTransformation([{ width: "iw_div_4" }, { quality: 150 }]);
 * // throws IkitError INVALID_VALUE: "transformation[1].quality (q): expected a number from 1 to 100, got 150."
 * ```
 */
export function validateTransformation(
  steps: readonly LegacyTransformation[] | undefined,
  opts: { legacyNames?: boolean } = {},
): void {
  if (steps !== undefined) walk(steps, "transformation", opts.legacyNames === true, 0);
}

/**
 * {@link permissiveBuildSrc | buildSrc} with strict checks: the transformation goes through
 * {@link validateTransformation}, and a missing or invalid `src` throws `MISSING_SOURCE` or `INVALID_SRC` where
 * `buildSrc` from `@ikit/core` returns `""` as ImageKit's SDKs do.
 *
 * @example
 * ```ts
 * import { buildSrc } from "@ikit/core/strict";
 *
 * buildSrc({ urlEndpoint: "https://ik.imagekit.io/demo", src: "/a.jpg", transformation: [{ width: 300 }] });
 * // "https://ik.imagekit.io/demo/a.jpg?tr=w-300"
 * buildSrc({ urlEndpoint: "https://ik.imagekit.io/demo", src: "" });
 * // throws IkitError MISSING_SOURCE
 * buildSrc({ urlEndpoint: "https://ik.imagekit.io/demo", src: "/a.jpg", transformation: [{ widht: 300 }] });
 * // throws IkitError UNKNOWN_PARAMETER: 'transformation[0]: unknown transformation parameter "widht". …'
 * ```
 */
export function buildSrc(opts: SrcOptions): string {
  const { src, transformation } = optionsOf(opts, "buildSrc");
  if (!src) {
    fail(
      "MISSING_SOURCE",
      'buildSrc needs `src`: a path such as "/images/shoe.jpg" (joined to urlEndpoint) or an absolute https:// URL.',
      src,
    );
  }
  validateTransformation(transformation);
  return (
    permissiveBuildSrc(opts) ||
    fail(
      "INVALID_SRC",
      `src ${show(src)} is not a valid URL: pass a path under urlEndpoint or a full https:// URL.`,
      src,
    )
  );
}

/**
 * {@link permissiveUrl | url} with strict checks: the transformation goes through {@link validateTransformation}
 * with the Node.js SDK's names, and neither `path` nor `src` throws `MISSING_SOURCE` where `url` from `@ikit/core`
 * returns `""` as that SDK does.
 *
 * @example
 * ```ts
 * import { url } from "@ikit/core/strict";
 *
 * url({ urlEndpoint: "https://ik.imagekit.io/demo", path: "/a.jpg", transformation: [{ effectSharpen: "-" }] });
 * // "https://ik.imagekit.io/demo/tr:e-sharpen/a.jpg"
 * url({ urlEndpoint: "https://ik.imagekit.io/demo" });
 * // throws IkitError MISSING_SOURCE
 * ```
 */
export function url(opts: UrlOptions): string {
  const { path, src, transformation } = optionsOf(opts, "url");
  if (!path && !src) {
    fail("MISSING_SOURCE", 'url() needs `path` (e.g. "/default-image.jpg") or `src` (an absolute URL).', path ?? src);
  }
  validateTransformation(transformation, { legacyNames: true });
  return permissiveUrl(opts);
}
