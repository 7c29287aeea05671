import { fail } from "./errors.js";
import { layerString } from "./overlay.js";
import { FLAG_ONLY, OPTIONAL_VALUE, PARAMETERS, SEED_PARAMETERS } from "./parameters.js";
import type { LegacyTransformation, Overlay, Transformation } from "./types.js";
import { textOf, trimSlashes } from "./value.js";

/** The code of `name`, or of its lower-case form as the SDKs look it up; `undefined` for a name not in `table`. */
function codeOf(name: string, table: Readonly<Record<string, string>>): string | undefined {
  return table[name] ?? table[name.toLowerCase()];
}

type Writer = (name: string, value: unknown) => string | undefined;

/** One parameter as v5 writes it, or `undefined` to leave it out. */
function parameter(name: string, value: unknown, code = codeOf(name, PARAMETERS) ?? name): string | undefined {
  if (name === "raw") return textOf(value, name);
  if (code === "") return;
  if (FLAG_ONLY.has(code)) return value === true || value === "-" || value === "true" ? code : undefined;
  // As v5's `join`: a `null` or `undefined` resolution is written as nothing (`sr-240__360`), never as text.
  if (code === "sr" && Array.isArray(value))
    return `sr-${items(value, name)
      .map((r) => textOf(r ?? "", name))
      .join("_")}`;
  const text = textOf(value, name);
  if (OPTIONAL_VALUE.has(code) && (value === true || text === "true" || text.trim() === "")) return code;
  if (code === "di" || code === "ff") return `${code}-${trimSlashes(value ? text : "").replace(/\//g, "@@")}`;
  if (code === "t" && text.trim() === "") return "t-true";
  return `${code}-${text}`;
}

/**
 * The Node.js SDK's rule (imagekit 6) for its own names and for names it does not know: `raw` is written as it is,
 * `"-"` gives the bare code, `defaultImage` its path with `@@`, any other value is appended (`true` as `-true`). The
 * names only v5 knows keep v5's rules: imagekit 6 wrote them verbatim (`xCenter-10`), which ImageKit does not understand.
 */
function legacyParameter(name: string, value: unknown): string | undefined {
  const seed = codeOf(name, SEED_PARAMETERS);
  const known = seed ?? codeOf(name, PARAMETERS);
  const code = known ?? name;
  if (name === "raw") return textOf(value, name);
  if (value === "-") return code;
  if (seed === undefined && known !== undefined) return parameter(name, value, known);
  const text = textOf(value, name);
  return `${code}-${code === "di" ? trimSlashes(text).replace(/\//g, "@@") : text}`;
}

/** Layers nest a few levels at most; deeper is a cyclic overlay, which would otherwise overflow the stack. */
export const MAX_DEPTH = 8;

/** Throws for overlays nested deeper than {@link MAX_DEPTH}. */
export function tooDeep(): never {
  return fail("INVALID_VALUE", "overlays nest too deep: is an overlay inside its own transformation?");
}

/**
 * `list` unless it holds more than 10,000 items, which throws `INVALID_VALUE` naming it (`name`). A list (steps,
 * resolutions, breakpoints) holds a few dozen in real use; far more is a mistake, such as an array of length 2^32-1
 * made by setting `length`, which a walk index by index takes minutes over. 10,000 steps are 40 KB of transformation
 * at least, five times what servers and CDNs take in a request line.
 *
 * @example
 * ```ts
 * for (const step of items(transformation, "transformation")) write(step); // throws past 10,000 steps
 * ```
 */
export function items<T>(list: readonly T[], name: string): readonly T[] {
  if (list.length > 1e4) fail("INVALID_VALUE", `${name} takes at most 10000 items, got ${list.length}.`);
  return list;
}

function steps(transformation: unknown, write: Writer, depth: number): string {
  if (!Array.isArray(transformation)) return "";
  if (depth > MAX_DEPTH) tooDeep();
  items(transformation, "transformation");
  // A layer's own steps are v5's in both dialects: the Node.js SDK had no typed layers.
  const nested = (inner: unknown) => steps(inner, parameter, depth + 1);
  let out = "";
  let count = 0;
  for (let i = 0; i < transformation.length; i++) {
    const step = transformation[i];
    // `undefined` until the first part: v5 keeps a step whose only part is an empty `raw`.
    let text: string | undefined;
    for (const name in step) {
      const value = step[name];
      if (value == null) continue;
      const part =
        name === "overlay" && typeof value === "object" ? layerString(value as Overlay, nested) : write(name, value);
      if (part !== undefined) text = text === undefined ? part : `${text},${part}`;
    }
    if (text !== undefined) out = count++ ? `${out}:${text}` : text;
  }
  return out;
}

/**
 * Turns chained transformation steps into ImageKit's transformation string, exactly as `@imagekit/javascript` v5
 * does: parameters joined with `,`, steps with `:`, typed overlays as `l-…,l-end` layers, unknown names as they are.
 *
 * @example
 * ```ts
 * buildTransformationString([{ width: 300, height: 200 }, { rotation: 90 }]); // "w-300,h-200:rt-90"
 * buildTransformationString([{ overlay: { type: "text", text: "Hi" } }]);   // "l-text,i-Hi,l-end"
 * ```
 */
export function buildTransformationString(transformation: readonly Transformation[] | undefined): string {
  return steps(transformation, parameter, 0);
}

/**
 * The Node.js SDK dialect used by {@link url}: also reads the seed's names (`effectSharpen`, `rotate`, …) and writes
 * any parameter whose value is `"-"` as its bare code.
 *
 * @example
 * ```ts
 * legacyTransformationString([{ effectSharpen: "-", effectContrast: "1" }, { rotate: 90 }]); // "e-sharpen,e-contrast-1:rt-90"
 * ```
 */
export function legacyTransformationString(transformation: readonly LegacyTransformation[] | undefined): string {
  return steps(transformation, legacyParameter, 0);
}
