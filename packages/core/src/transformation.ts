import { layerString } from "./overlay.js";
import { FLAG_ONLY, OPTIONAL_VALUE, PARAMETERS, SEED_PARAMETERS } from "./parameters.js";
import type { LegacyTransformation, Overlay, Transformation } from "./types.js";

/** The code of `name` (or of its lower-case form, as the SDKs look it up) among `table`'s own keys: `constructor` is no parameter. */
function lookup(name: string, table: Readonly<Record<string, string>>): string | undefined {
  const lower = name.toLowerCase();
  return Object.hasOwn(table, name) ? table[name] : Object.hasOwn(table, lower) ? table[lower] : undefined;
}

function pathValue(value: unknown): string {
  let text = String(value || "");
  if (text[0] === "/") text = text.slice(1);
  if (text[text.length - 1] === "/") text = text.slice(0, -1);
  return text.replace(/\//g, "@@");
}

type Writer = (name: string, value: unknown) => string | undefined;

/** One parameter as v5 writes it, or `undefined` to leave it out. */
function parameter(name: string, value: unknown, code = lookup(name, PARAMETERS) ?? name): string | undefined {
  if (name === "raw") return String(value);
  if (code === "") return;
  if (FLAG_ONLY.has(code)) return value === true || value === "-" || value === "true" ? code : undefined;
  if (OPTIONAL_VALUE.has(code) && (value === true || value === "true" || String(value).trim() === "")) return code;
  if (code === "di" || code === "ff") return `${code}-${pathValue(value)}`;
  if (code === "sr" && Array.isArray(value)) return `sr-${value.join("_")}`;
  if (code === "t" && String(value).trim() === "") return "t-true";
  return `${code}-${value}`;
}

/**
 * The Node.js SDK's rule (imagekit 6) for its own names and for names it does not know: `raw` is written as it is,
 * `"-"` gives the bare code, `defaultImage` its path with `@@`, any other value is appended (`true` as `-true`). The
 * names only v5 knows keep v5's rules: imagekit 6 wrote them verbatim (`xCenter-10`), which ImageKit does not understand.
 */
function legacyParameter(name: string, value: unknown): string | undefined {
  const seed = lookup(name, SEED_PARAMETERS);
  const known = seed ?? lookup(name, PARAMETERS);
  const code = known ?? name;
  if (name === "raw") return String(value);
  if (value === "-") return code;
  if (seed === undefined && known !== undefined) return parameter(name, value, known);
  return `${code}-${code === "di" ? pathValue(String(value)) : value}`;
}

function steps(transformation: unknown, write: Writer): string {
  if (!Array.isArray(transformation)) return "";
  const nested = (inner: unknown) => steps(inner, write);
  let out = "";
  let count = 0;
  for (let i = 0; i < transformation.length; i++) {
    const step = transformation[i];
    // `undefined` until the first part: v5 keeps a step whose only part is an empty `raw`.
    let text: string | undefined;
    for (const name in step) {
      const value = step[name];
      if (value === undefined || value === null) continue;
      let part: string | undefined;
      if (name === "overlay" && typeof value === "object") {
        part = layerString(value as Overlay, nested);
        if (!part || part.trim() === "") continue;
      } else {
        part = write(name, value);
        if (part === undefined) continue;
      }
      text = text === undefined ? part : `${text},${part}`;
    }
    if (text !== undefined) out = count++ === 0 ? text : `${out}:${text}`;
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
  return steps(transformation, parameter);
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
  return steps(transformation, legacyParameter);
}
