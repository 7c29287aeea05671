import { base64Bytes } from "./base64.js";
import { fail } from "./errors.js";
import { LAYERS, PLACEMENT } from "./overlay.js";
import { PARAMETERS } from "./parameters.js";
import { buildTransformationString, legacyTransformationString, MAX_DEPTH } from "./transformation.js";
import type { Overlay, Transformation } from "./types.js";
import { ANCHORS, RESOLUTIONS, WORDS } from "./vocabulary.js";

/**
 * One step read back from a transformation string. Known codes come back under their v5 name with a value of the
 * declared type (`q-80` → `{ quality: 80 }`, `pr-true` → `{ progressive: true }`, `w-iw_div_4` → `{ width:
 * "iw_div_4" }`), layers as typed `overlay`s. A token the types cannot hold keeps its ImageKit code as the key
 * (`q-high` → `{ q: "high" }`, a code ImageKit added later → `{ "e-new": "5" }`), and what has no key at all (a bare
 * unknown code, a layer no typed overlay writes back exactly) goes into `raw`. Building the step again, with
 * {@link buildTransformationString} or `url()`, writes the same text.
 */
export type ParsedTransformation = Transformation & { [code: string]: unknown };

type Name = keyof Transformation;
/** The names whose declared type takes every value of type `T`: the compiler keeps the lists below honest. */
type Taking<T> = { [K in Name]-?: [T] extends [NonNullable<Transformation[K]>] ? K : never }[Name];

// Each list holds the names whose values parse to one type; a name in none of them is read back under its code.
const NUMBERS: readonly Taking<number>[] = ["quality", "blur", "density", "opacity", "zoom", "alpha"];
const NUMBERS_OR_TEXT: readonly Taking<number | string>[] = [
  "width",
  "height",
  "aspectRatio",
  "dpr",
  "x",
  "xCenter",
  "y",
  "yCenter",
  "rotation",
  "radius",
  "startOffset",
  "endOffset",
  "duration",
  "page",
  "fontSize",
  "padding",
  "lineHeight",
];
const BOOLEANS: readonly Taking<boolean>[] = ["original", "progressive", "lossless", "colorProfile", "metadata"];
const FLAGS: readonly Taking<true>[] = [
  "grayscale",
  "aiUpscale",
  "aiRetouch",
  "aiVariation",
  "aiRemoveBackground",
  "aiRemoveBackgroundExternal",
  "contrastStretch",
];
const FLAGS_OR_TEXT: readonly Taking<true | string>[] = ["aiDropShadow", "shadow", "unsharpMask", "gradient"];
const FLAGS_OR_NUMBERS: readonly Taking<true | number>[] = ["sharpen", "trim"];
const TEXTS: readonly Taking<string>[] = [
  "background",
  "border",
  "focus",
  "named",
  "aiChangeBackground",
  "aiEdit",
  "colorReplace",
  "colorize",
  "distort",
  "fontColor",
  "color",
  "typography",
  "fontOutline",
  "fontShadow",
];
/** Paths, whose slashes ImageKit writes as `@@`. */
const PATHS: readonly Taking<string>[] = ["defaultImage", "fontFamily"];

// v5 types the steps of a text, subtitle or solid colour layer narrowly (`TextOverlayTransformation`, …): such a
// layer whose steps hold another name stays raw. A subtitle's `co` is its `color`.
const LAYER_STEPS: Readonly<Record<string, readonly string[]>> = {
  text: [
    "width",
    "fontSize",
    "fontFamily",
    "fontColor",
    "innerAlignment",
    "padding",
    "alpha",
    "typography",
    "background",
    "radius",
    "rotation",
    "flip",
    "lineHeight",
  ],
  subtitle: ["background", "fontSize", "fontFamily", "color", "typography", "fontOutline", "fontShadow"],
  solidColor: ["width", "height", "radius", "alpha", "background", "gradient"],
};

type Reader = (value: string | undefined) => unknown;

/** `"80"` → 80, but only when the number writes back as the same text (`"080"`, `"1e3"`, `"NaN"` stay text). */
function numeric(value: string | undefined): number | undefined {
  if (value === undefined) return;
  const n = Number(value);
  return Number.isFinite(n) && String(n) === value ? n : undefined;
}

const asText: Reader = (value) => value;

const READERS: [names: readonly string[], read: Reader][] = [
  [NUMBERS, numeric],
  [NUMBERS_OR_TEXT, (value) => numeric(value) ?? value],
  [BOOLEANS, (value) => (value === "true" ? true : value === "false" ? false : undefined)],
  [FLAGS, (value) => (value === undefined ? true : undefined)],
  [FLAGS_OR_TEXT, (value) => value ?? true],
  [FLAGS_OR_NUMBERS, (value) => (value === undefined || value === "true" ? true : numeric(value))],
  [TEXTS, asText],
  [PATHS, (value) => value?.replace(/@@/g, "/")],
  [["streamingResolutions"], (value) => wordsOf(value?.split("_"), RESOLUTIONS)],
];

let codes: Map<string, [name: string, read: Reader]> | undefined;

/** ImageKit code → the v5 name that writes it (the first name wins: `co` reads as `fontColor`) and its reader. */
function nameOf(code: string): [name: string, read: Reader] | undefined {
  if (!codes) {
    const readers = new Map<string, Reader>();
    for (const [names, read] of READERS) for (const name of names) readers.set(name, read);
    // Names typed as a closed set of words: a word outside the set is read back under its code, never mistyped.
    for (const name of Object.keys(WORDS)) {
      const words = (WORDS as Record<string, readonly string[]>)[name] as readonly string[];
      readers.set(name, (value) => wordsOf(value === undefined ? undefined : [value], words)?.[0]);
    }
    codes = new Map();
    for (const name of Object.keys(PARAMETERS)) {
      const code = PARAMETERS[name] as string;
      const read = readers.get(name);
      if (read && !codes.has(code)) codes.set(code, [name, read]);
    }
  }
  return codes.get(code);
}

function wordsOf<T>(values: readonly string[] | undefined, allowed: readonly T[] | undefined): T[] | undefined {
  return values?.every((value) => allowed?.includes(value as T)) ? (values as T[]) : undefined;
}

/** True when the one-parameter step `{ [key]: value }` writes `text` back in both dialects. */
function writesBack(key: string, value: unknown, text: string): boolean {
  const step = [{ [key]: value }] as Transformation[];
  try {
    return buildTransformationString(step) === text && legacyTransformationString(step) === text;
  } catch {
    // A value a builder refuses (an overlay nested too deep) is no value to read back.
    return false;
  }
}

/**
 * Splits transformation text into steps (`:`) of items (`,`), where an item is a parameter or a whole layer from
 * `l-<type>` to its `l-end`, nested layers and their own `:` included. Unbalanced `l-` and `l-end` tokens are plain
 * items. One pass: the layer ends are matched on a stack first.
 */
function itemsOf(text: string): string[][] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = start;
    while (end < text.length && text[end] !== "," && text[end] !== ":") end++;
    starts.push(start);
    ends.push(end);
    start = end + 1;
  }
  const closer = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const token = text.slice(starts[i], ends[i]);
    if (token === "l-end") {
      const opener = open.pop();
      if (opener !== undefined) closer.set(opener, i);
    } else if (token.startsWith("l-")) {
      open.push(i);
    }
  }
  const steps: string[][] = [[]];
  for (let i = 0; i < starts.length; i++) {
    const last = closer.get(i) ?? i;
    (steps[steps.length - 1] as string[]).push(text.slice(starts[i], ends[last]));
    i = last;
    if (text[ends[i] as number] === ":") steps.push([]);
  }
  return steps;
}

/** One step; `layer` is the type of the overlay whose steps these are, if any. */
function stepOf(items: readonly string[], depth: number, layer?: string): ParsedTransformation {
  // Keys in the order of the text; a raw run between keyed items widens to keep the text's order.
  const keyed: [key: string, value: unknown, index: number][] = [];
  const used = new Set<string>();
  let firstRaw = -1;
  let lastRaw = -1;
  items.forEach((item, index) => {
    const entry = entryOf(item, used, depth, layer);
    if (entry) {
      used.add(entry[0]);
      keyed.push([entry[0], entry[1], index]);
    } else {
      if (firstRaw === -1) firstRaw = index;
      lastRaw = index;
    }
  });
  const step: Record<string, unknown> = {};
  for (const [key, value, index] of keyed) if (firstRaw === -1 || index < firstRaw) step[key] = value;
  if (firstRaw !== -1) step.raw = items.slice(firstRaw, lastRaw + 1).join(",");
  for (const [key, value, index] of keyed) if (firstRaw !== -1 && index > lastRaw) step[key] = value;
  return step as ParsedTransformation;
}

/** One item as `[key, value]`, or `undefined` when only `raw` can hold it. */
function entryOf(
  item: string,
  used: ReadonlySet<string>,
  depth: number,
  layer?: string,
): [string, unknown] | undefined {
  if (item.startsWith("l-")) {
    const overlay = used.has("overlay") ? undefined : overlayOf(item, depth);
    return overlay && ["overlay", overlay];
  }
  const dash = item.startsWith("e-") ? item.indexOf("-", 2) : item.indexOf("-");
  const code = dash === -1 ? item : item.slice(0, dash);
  const value = dash === -1 ? undefined : item.slice(dash + 1);
  const named = code === "co" && layer === "subtitle" ? (["color", asText] as const) : nameOf(code);
  if (named && !used.has(named[0])) {
    const typed = named[1](value);
    if (typed !== undefined && writesBack(named[0], typed, item)) return [named[0], typed];
  }
  // Under its own code: never a key with a meaning of its own here, nor one that assigning would turn into a prototype.
  // Nor an integer, which objects enumerate first, out of the text's order.
  if (value === undefined || used.has(code) || /^(raw|overlay|__proto__|\d+)$/.test(code)) return;
  return writesBack(code, value, item) ? [code, value] : undefined;
}

function overlayOf(layer: string, depth: number): Overlay | undefined {
  if (depth >= MAX_DEPTH || !layer.endsWith(",l-end")) return;
  const comma = layer.indexOf(",");
  const kind = layer.slice(2, comma);
  const steps = itemsOf(layer.slice(comma + 1, -6));
  const head = steps[0] as string[];
  const input = head.shift() ?? "";
  const encoded = input.startsWith("ie-");
  if (!encoded && !input.startsWith("i-")) return;
  const value = decodeInput(input.slice(encoded ? 3 : 2), encoded);
  if (value === undefined) return;
  const overlay: Record<string, unknown> = {};
  if (kind === "image" && input === "i-ik_canvas" && head[0]?.startsWith("bg-")) {
    overlay.type = "solidColor";
    overlay.color = (head.shift() as string).slice(3);
  } else {
    const type =
      kind === "text" ? "text" : Object.keys(LAYERS).find((name) => name !== "solidColor" && LAYERS[name] === kind);
    if (type === undefined) return;
    overlay.type = type;
    if (type === "text") overlay.text = value;
    else overlay.input = encoded ? value : value.replace(/@@/g, "/");
  }
  if (head[0]?.startsWith("lm-")) {
    overlay.layerMode = wordsOf([(head.shift() as string).slice(3)], WORDS.layerMode)?.[0];
    if (overlay.layerMode === undefined) return;
  }
  for (const [code, path] of PLACEMENT) {
    if (!head[0]?.startsWith(`${code}-`)) continue;
    const [group, field] = path.split(".") as [string, string];
    const text = (head.shift() as string).slice(code.length + 1);
    // A zero is written only as text: the builder leaves falsy placements out.
    const read = field === "anchorPoint" || field === "focus" ? wordsOf([text], ANCHORS)?.[0] : numeric(text) || text;
    if (read === undefined) return;
    overlay[group] = { ...(overlay[group] as object), [field]: read };
  }
  if (head.length > 0 || steps.length > 1) {
    if (head.length === 0) steps.shift();
    const type = overlay.type as string;
    const nested = steps.map((items) => stepOf(items, depth + 1, type));
    const allowed = LAYER_STEPS[type];
    for (const step of nested) {
      if (allowed && !Object.keys(step).every((key) => allowed.includes(key))) return;
      // A subtitle's own types narrow two more: a font size in points, typography b, i or b_i.
      const { fontSize, typography } = step;
      if (type === "subtitle" && !(fontSize === undefined || typeof fontSize === "number")) return;
      if (type === "subtitle" && !(typography === undefined || ["b", "i", "b_i"].includes(typography))) return;
    }
    overlay.transformation = nested;
  }
  // The type that writes the same text: automatic encoding first, else the one the text used.
  if (writesBack("overlay", overlay, layer)) return overlay as unknown as Overlay;
  if (overlay.type === "solidColor") return;
  overlay.encoding = encoded ? "base64" : "plain";
  return writesBack("overlay", overlay, layer) ? (overlay as unknown as Overlay) : undefined;
}

/** A layer's `i-` value (percent-encoded) or `ie-` value (base64 of UTF-8, percent-encoded) as text. */
function decodeInput(text: string, encoded: boolean): string | undefined {
  try {
    const decoded = decodeURIComponent(text);
    if (!encoded) return decoded;
    const bytes = base64Bytes(decoded);
    return bytes && new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Reads an ImageKit transformation string back into steps: the inverse of {@link buildTransformationString}, and
 * what `parseUrl` uses for the `tr:` segment or `tr` query parameter. Values come back in their declared types,
 * layers as typed overlays; what the types cannot hold is kept under its code or in `raw` (see
 * {@link ParsedTransformation}), so building the steps again gives the same string, byte for byte.
 *
 * @example
 * ```ts
 * parseTransformation("w-300,q-80,pr-true:rt-90");
 * // [{ width: 300, quality: 80, progressive: true }, { rotation: 90 }]
 * parseTransformation("l-text,i-Hi,lx-10,l-end,w-400,e-new-5");
 * // [{ overlay: { type: "text", text: "Hi", position: { x: 10 } }, width: 400, "e-new": "5" }]
 * buildTransformationString(parseTransformation("w-300,h-200:rt-90")); // "w-300,h-200:rt-90"
 * ```
 */
export function parseTransformation(text: string): ParsedTransformation[] {
  if (typeof text !== "string") {
    fail(
      "INVALID_VALUE",
      `parseTransformation takes a transformation string such as "w-300,h-200:rt-90" (got ${typeof text}).`,
      typeof text,
    );
  }
  return text === "" ? [] : itemsOf(text).map((items) => stepOf(items, 0));
}
