// `@ikit/core/strict`: the URL builders with strict checks, and the checks on their own. A separate entry point, so
// an app that does not opt in never bundles them: `buildSrc` and `url` from `@ikit/core` do not import this file.
import { buildSrc as permissiveBuildSrc, type SrcOptions } from "./build-src.js";
import { fail, show } from "./errors.js";
import { isExpression } from "./expression.js";
import { FLAG_ONLY, OPTIONAL_VALUE, PARAMETERS, SEED_PARAMETERS } from "./parameters.js";
import type { LegacyTransformation, Overlay } from "./types.js";
import { url as permissiveUrl, type UrlOptions } from "./url.js";
import { optionsOf, trimSlashes } from "./value.js";
import { ANCHORS, RESOLUTIONS, WORDS } from "./vocabulary.js";

type Rule = (value: unknown) => string | undefined;

// A decimal as ImageKit reads it. `Number()` reads more (" 80 ", "0x50", "1e1", "0b101"), and the URL carries the
// string as it was given, so a strict check must not ask `Number()`.
const DECIMAL = /^(\d+(\.\d+)?|\.\d+)$/;
// A negative one as ImageKit writes it: `N20`.
const SIGNED = /^N?(\d+(\.\d+)?|\.\d+)$/;
// What `String()` writes for a number ImageKit reads; not `1e-7`, `1e+21`, `NaN` or `Infinity`.
const PLAIN = /^-?\d+(\.\d+)?$/;

/** `"a", "b", true`: values as a message quotes them. */
function listed(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}

/* @__NO_SIDE_EFFECTS__ */
function numberIn(min: number, max: number, ...words: string[]): Rule {
  return (value) => {
    if (typeof value === "string" && words.includes(value)) return;
    const n =
      typeof value === "number" ? value : typeof value === "string" && DECIMAL.test(value) ? Number(value) : Number.NaN;
    if (n >= min && n <= max) return;
    return `a number from ${min} to ${max}${words.length ? ` or ${listed(words)}` : ""}`;
  };
}

/** A number (negative as `N20` or -20), a numeric string or an arithmetic expression. */
/* @__NO_SIDE_EFFECTS__ */
function dimension(...words: string[]): Rule {
  return (value) => {
    if (typeof value === "number") return;
    if (typeof value === "string" && (SIGNED.test(value) || isExpression(value) || words.includes(value))) return;
    return `a number or an arithmetic expression such as "iw_div_2"${words.length ? ` or ${listed(words)}` : ""}`;
  };
}

/** Seconds into a video: never negative (`lso--5`, `so-N5` are no times). */
const time: Rule = (value) =>
  (typeof value === "number" && value >= 0) ||
  (typeof value === "string" && (DECIMAL.test(value) || isExpression(value)))
    ? undefined
    : 'seconds (0 or more) or an arithmetic expression such as "idu_div_2"';

/** A name or path, written without its leading and trailing slash: `"/"` would write `di-`, `" a"` `di- a`. */
/* @__NO_SIDE_EFFECTS__ */
function path(expected: string): Rule {
  return (value) => {
    const name = typeof value === "string" ? trimSlashes(value) : "";
    return name !== "" && name.trim() === name ? undefined : expected;
  };
}

/* @__NO_SIDE_EFFECTS__ */
function oneOf(...allowed: unknown[]): Rule {
  return (value) => (allowed.includes(value) ? undefined : `one of ${listed(allowed)}`);
}

// Not blank and not padded: `bg-`, `bg- ` and `bg-red ` name no colour.
const text: Rule = (value) =>
  typeof value === "number" || (typeof value === "string" && value !== "" && value.trim() === value)
    ? undefined
    : "a non-empty string without leading or trailing spaces";
const bool: Rule = oneOf(true, false, "true", "false");
const flag: Rule = oneOf(true, "true");
// `""` writes the bare effect, as `true` does.
const flagOr: Rule = (value) => {
  const problem = value === true || value === "" ? undefined : text(value);
  return problem && `true or ${problem}`;
};
const anchor: Rule = oneOf(...ANCHORS);

/** Checks by ImageKit code. Codes without an entry accept any string or number; effects are checked by their table. */
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
    (typeof value === "string" && /^(auto|N?\d{1,3})$/.test(value) && !(Number(value.replace("N", "")) > 360))
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
  di: path('a path such as "/default-image.jpg"'),
  x: dimension(),
  y: dimension(),
  xc: dimension(),
  yc: dimension(),
  so: time,
  eo: time,
  du: time,
  c: oneOf(...WORDS.crop),
  cm: oneOf(...WORDS.cropMode),
  fl: oneOf(...WORDS.flip),
  ff: path('a font name such as "Roboto" or the path of a font file'),
  f: oneOf(...WORDS.format),
  vc: oneOf(...WORDS.videoCodec),
  ac: oneOf(...WORDS.audioCodec),
  ia: oneOf(...WORDS.innerAlignment),
  lm: oneOf(...WORDS.layerMode),
  pr: bool,
  lo: bool,
  cp: bool,
  md: bool,
  orig: bool,
  sr: (value) => {
    // An index loop, not `every`: `every` skips holes, which the builder writes as `sr-240__360`.
    let ok = Array.isArray(value) && value.length > 0;
    for (let i = 0; ok && i < (value as unknown[]).length; i++) {
      const r = (value as unknown[])[i];
      ok = (RESOLUTIONS as readonly string[]).includes(typeof r === "number" ? String(r) : (r as string));
    }
    return ok ? undefined : `a non-empty array of ${listed(RESOLUTIONS)}, without holes`;
  },
};

const OVERLAY_TYPES = ["text", "image", "video", "subtitle", "solidColor"];
const offset: Rule = dimension();
// The fields of `position` and `timing` that the layer writer reads (PLACEMENT in overlay.ts), listed here so a
// bundle of `validateTransformation` alone (the worker's, the emulator's) does not carry the layer writer's module.
const FIELDS = {
  position: ["x", "y", "xCenter", "yCenter", "anchorPoint", "focus"],
  timing: ["start", "end", "duration"],
};
const ENCODINGS: Rule = oneOf("auto", "plain", "base64");

// The characters that end a value in a URL: `,` a parameter, `:` a step, `/` a path segment, `?` `#` `&` the query.
// `defaultImage` and `fontFamily` take `/`, which the builders write as `@@`.
const SEPARATORS = /[,:/?#&]/;
const PATH_SEPARATORS = /[,:?#&]/;

/**
 * Strict's bound on steps, tighter than the builders' 10,000 (`items` in transformation.ts): 1,000 steps are already
 * 4 KB of transformation at least, half of what servers take in a request line. An array of length 2^32-1 is refused
 * by its length.
 */
const MAX_STEPS = 1000;

/** How deep ImageKit nests layers: "up to 3 levels" (imagekit.io/docs/add-overlays-on-images). */
const LAYER_DEPTH = 3;

function invalid(where: string, message: string, value: unknown): never {
  fail("INVALID_VALUE", `${where}: ${message}.`, value);
}

/** Throws `INVALID_VALUE` when `value`, written as it is, would end early in the URL; `fix` says what to do instead. */
function unseparated(value: string, where: string, path: boolean, fix: string): void {
  if ((path ? PATH_SEPARATORS : SEPARATORS).test(value)) {
    invalid(
      where,
      `${show(value)} holds "," or ":" or another character that ends a value in a URL (${path ? "" : "/ "}? # &): ${fix}`,
      value,
    );
  }
}

/**
 * Throws unless `rule` accepts `value`: `INVALID_EXPRESSION` for what looks like a malformed expression, else
 * `INVALID_VALUE`. A number JavaScript writes with an exponent (`1e-7`, `1e+21`) or as `NaN` is refused for every
 * code, because the URL carries `String(value)`.
 */
function check(rule: Rule, value: unknown, where: string): void {
  const problem =
    typeof value === "number" && !PLAIN.test(String(value))
      ? "a finite number JavaScript writes as a plain decimal, not with an exponent (1e-7) nor as NaN or Infinity"
      : rule(value);
  if (problem) {
    const kind =
      typeof value === "string" && /_(add|sub|mul|div|mod|pow)_/.test(value) ? "INVALID_EXPRESSION" : "INVALID_VALUE";
    fail(kind, `${where}: expected ${problem}, got ${show(value)}.`, value);
  }
}

/**
 * Checks one layer and returns a copy of what the layer writer reads, each field read once, so a getter cannot pass
 * the check with one value and be built with another. `level` is 1 for a layer in the top steps.
 */
function checkOverlay(overlay: Overlay, where: string, level: number): Overlay {
  if (level > LAYER_DEPTH) {
    invalid(
      where,
      `ImageKit nests layers at most ${LAYER_DEPTH} levels deep and this one is level ${level}: move it up a level, and check that no overlay is inside its own transformation`,
      overlay,
    );
  }
  const fields = overlay as unknown as Record<string, unknown>;
  const type = fields.type;
  if (typeof type !== "string" || !OVERLAY_TYPES.includes(type)) {
    invalid(`${where}.type`, `must be one of ${listed(OVERLAY_TYPES)}`, type);
  }
  const needed = type === "text" ? "text" : type === "solidColor" ? "color" : "input";
  const value = fields[needed];
  // An input is written without its leading and trailing slash: `"/"` would write `i-`.
  if (typeof value !== "string" || (needed === "input" ? trimSlashes(value) : value) === "")
    invalid(`${where}.${needed}`, `a ${type} overlay needs a non-empty ${needed}`, value);
  const copy: Record<string, unknown> = { type, [needed]: value };
  for (const [key, rule] of [
    ["encoding", ENCODINGS],
    ["layerMode", RULES.lm],
  ] as const) {
    const given = fields[key];
    if (given == null) continue;
    check(rule as Rule, given, `${where}.${key}`);
    copy[key] = given;
  }
  // The layer writer writes a colour as it is, and a text or input too when `encoding` is "plain".
  if (needed === "color") unseparated(value, `${where}.color`, false, 'give a colour such as "FF0000"');
  else if (copy.encoding === "plain") {
    unseparated(value, `${where}.${needed}`, needed === "input", 'leave encoding "auto" to write it in base64');
  }
  for (const group of ["position", "timing"] as const) {
    const given = fields[group];
    if (given == null) continue;
    if (typeof given !== "object")
      invalid(
        `${where}.${group}`,
        `must be an object such as { ${group === "position" ? "x: 10" : "start: 2"} }`,
        given,
      );
    const known = FIELDS[group];
    const values: Record<string, unknown> = {};
    for (const key in given) {
      if (!known.includes(key)) {
        fail("UNKNOWN_PARAMETER", `${where}.${group}: unknown field "${key}". Use ${known.join(", ")}.`, key);
      }
      const field = (given as Record<string, unknown>)[key];
      if (field == null) continue;
      check(
        group === "timing" ? time : key === "anchorPoint" || key === "focus" ? anchor : offset,
        field,
        `${where}.${group}.${key}`,
      );
      values[key] = field;
    }
    copy[group] = values;
  }
  const steps = fields.transformation;
  // A layer's own steps are written by v5's rules in both dialects (the Node.js SDK had no typed layers), so they
  // are checked by v5's names.
  if (steps != null) copy.transformation = walk(steps, `${where}.transformation`, false, level);
  return copy as unknown as Overlay;
}

/**
 * Checks steps inside `depth` layers and returns a copy of what the builder reads, each value read once: the
 * builders from this entry build from the copy, so what was checked is what is built.
 */
function walk(steps: unknown, where: string, legacy: boolean, depth: number): LegacyTransformation[] {
  if (!Array.isArray(steps)) invalid(where, "transformation must be an array of steps", steps);
  if (steps.length > MAX_STEPS) {
    invalid(
      where,
      `has ${steps.length} steps, more than strict mode takes (a URL holds few): chain at most ${MAX_STEPS}`,
      steps.length,
    );
  }
  const copy: LegacyTransformation[] = [];
  // An index loop, as the builder reads steps: `forEach` would skip holes.
  for (let index = 0; index < steps.length; index++) {
    const at = `${where}[${index}]`;
    const step: unknown = steps[index];
    copy.push(step as LegacyTransformation);
    // `[wide && { width: 800 }]` leaves `false` or nothing in a step's place: skipped, as by the builders.
    if (step == null || step === false) continue;
    if (typeof step !== "object" || Array.isArray(step))
      invalid(at, "a step must be an object such as { width: 300 }", step);
    const checked: Record<string, unknown> = {};
    copy[index] = checked;
    for (const name in step) {
      const value = (step as Record<string, unknown>)[name];
      if (value == null) continue;
      if (name === "raw") {
        // ImageKit's own codes, written as they are: any text, checked by no rule.
        if (typeof value !== "string")
          invalid(`${at}.raw`, 'expected ImageKit codes as a string such as "w-300,h-200"', value);
        checked[name] = value;
        continue;
      }
      if (name === "overlay") {
        checked[name] = checkOverlay(value as Overlay, `${at}.overlay`, depth + 1);
        continue;
      }
      const seed = legacy ? SEED_PARAMETERS[name] : undefined;
      const code = PARAMETERS[name] ?? seed;
      if (code === undefined) {
        fail(
          "UNKNOWN_PARAMETER",
          `${at}: unknown transformation parameter "${name}". Use a documented name such as width, height or rotation, or put ImageKit codes in \`raw\`.`,
          name,
        );
      }
      const key = `${at}.${name} (${code})`;
      if (value === "-") {
        // `"-"` is the bare code: in url() for any name, in buildSrc for the effects that take no value.
        if (FLAG_ONLY.has(code) || (legacy && OPTIONAL_VALUE.has(code))) {
          checked[name] = value;
          continue;
        }
        invalid(
          key,
          OPTIONAL_VALUE.has(code)
            ? `expected true for the bare effect: "-" is the Node.js SDK's spelling, which buildSrc writes as "${code}--"`
            : `expected a value: "-" writes the bare code "${code}", which ImageKit reads only for effects such as e-sharpen`,
          value,
        );
      }
      if (typeof value === "string") {
        // Named by the key alone: what is wrong is the text, whatever code it goes to.
        unseparated(value, `${at}.${name}`, code === "di" || code === "ff", "put ImageKit's own syntax in `raw`");
      }
      // The seed's effect names append any value (`effectContrast: "1"` → `e-contrast-1`).
      const rule = seed?.startsWith("e-")
        ? text
        : FLAG_ONLY.has(code)
          ? flag
          : OPTIONAL_VALUE.has(code)
            ? flagOr
            : (RULES[code] ?? text);
      check(rule, value, key);
      checked[name] = value;
    }
  }
  return copy;
}

/** `opts` with the options the checks read as its own values: the builder reads those, once read, and the rest as given. */
function withChecked<T extends object>(opts: T, values: { [K in keyof T]?: T[K] | undefined }): T {
  const props: PropertyDescriptorMap = {};
  for (const key in values) props[key] = { value: values[key], enumerable: true };
  return Object.create(opts, props);
}

/** Throws `INVALID_OPTIONS` for a `transformationPosition` other than "path", "query" or none. */
function checkPosition(position: unknown): void {
  if (position !== undefined && position !== "path" && position !== "query") {
    fail(
      "INVALID_OPTIONS",
      `transformationPosition must be "path" or "query" (or left out for the default), got ${show(position)}.`,
      position,
    );
  }
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
  const legacy = optionsOf(opts, "validateTransformation").legacyNames === true;
  if (steps !== undefined) walk(steps, "transformation", legacy, 0);
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
  const { src, transformation, transformationPosition } = optionsOf(opts, "buildSrc");
  if (!src) {
    fail(
      "MISSING_SOURCE",
      'buildSrc needs `src`: a path such as "/images/shoe.jpg" (joined to urlEndpoint) or an absolute https:// URL.',
      src,
    );
  }
  checkPosition(transformationPosition);
  const steps = transformation === undefined ? undefined : walk(transformation, "transformation", false, 0);
  return (
    permissiveBuildSrc(
      withChecked(opts, { src, transformation: steps as SrcOptions["transformation"], transformationPosition }),
    ) ||
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
  const { path, src, transformation, transformationPosition } = optionsOf(opts, "url");
  if (!path && !src) {
    fail("MISSING_SOURCE", 'url() needs `path` (e.g. "/default-image.jpg") or `src` (an absolute URL).', path ?? src);
  }
  checkPosition(transformationPosition);
  const steps = transformation === undefined ? undefined : walk(transformation, "transformation", true, 0);
  return permissiveUrl(withChecked(opts, { path, src, transformation: steps, transformationPosition }));
}
