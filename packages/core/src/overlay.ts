import { base64Utf8 } from "./base64.js";
import type { Overlay } from "./types.js";
import { textOf, trimSlashes } from "./value.js";

// The layer each overlay type writes. No prototype: a `type` of "constructor" or "toString" is an unknown layer
// (left out, as v5 does), never one of Object's methods. parse-transformation.ts reads layers back by this table
// and PLACEMENT.
export const LAYERS = {
  __proto__: null,
  text: "text",
  image: "image",
  video: "video",
  subtitle: "subtitles",
  solidColor: "image",
} as unknown as Readonly<Record<string, string>>;

// What ImageKit reads as it is after `i-`: v5's rules for text and for paths.
const SIMPLE_TEXT = /^[\w\-. ]*$/;
const SIMPLE_PATH = /^[\w\-./ ]*$/;

// The codes of `placement`'s values, in the same order (v5's), with the field each comes from.
export const PLACEMENT = [
  ["lx", "position.x"],
  ["ly", "position.y"],
  ["lxc", "position.xCenter"],
  ["lyc", "position.yCenter"],
  ["lap", "position.anchorPoint"],
  ["lfo", "position.focus"],
  ["lso", "timing.start"],
  ["leo", "timing.end"],
  ["ldu", "timing.duration"],
] as const;

/** `,<code>-<value>` for each position and timing field that is set. Named reads: a loop of keyed reads is slower. */
function placement({ position: p, timing: t }: Overlay): string {
  if (!p && !t) return "";
  const values = [p?.x, p?.y, p?.xCenter, p?.yCenter, p?.anchorPoint, p?.focus, t?.start, t?.end, t?.duration];
  let out = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value) {
      const [code, field] = PLACEMENT[i] as (typeof PLACEMENT)[number];
      out += `,${code}-${textOf(value, "overlay", field)}`;
    }
  }
  return out;
}

/**
 * Writes one typed layer as `l-<type>,i-<input>,<position>,<timing>,<nested steps>,l-end`, or returns `undefined`
 * when the layer lacks its text, input or colour (v5 leaves such a layer out instead of failing). Text and paths
 * ImageKit cannot read as they are go as `ie-<base64 of their UTF-8 bytes>`.
 */
export function layerString(overlay: Overlay, steps: (steps: unknown) => string): string | undefined {
  const { type, encoding } = overlay as Overlay & { encoding?: string };
  const field = type === "text" ? "text" : type === "solidColor" ? "color" : "input";
  const layer = typeof type === "string" && LAYERS[type];
  const given = layer && (overlay as unknown as Record<string, unknown>)[field];
  if (!given) return;
  let value = textOf(given, "overlay", field);
  let out = `l-${layer},`;
  if (field === "color") {
    out += `i-ik_canvas,bg-${value}`;
  } else {
    if (field === "input") value = trimSlashes(value);
    if (
      encoding === "base64" ||
      (encoding !== "plain" && !(field === "text" ? SIMPLE_TEXT : SIMPLE_PATH).test(value))
    ) {
      out += `ie-${encodeURIComponent(base64Utf8(value))}`;
    } else {
      // A lone surrogate (half an emoji) becomes U+FFFD, as URL, URLSearchParams and TextEncoder write it; v5 throws.
      out += `i-${field === "input" ? value.replace(/\//g, "@@") : encodeURIComponent(value.replace(/\p{Cs}/gu, "\ufffd"))}`;
    }
  }
  if (overlay.layerMode) out += `,lm-${textOf(overlay.layerMode, "overlay.layerMode")}`;
  out += placement(overlay);
  const nested = steps(overlay.transformation);
  return `${out}${nested.trim() ? `,${nested}` : ""},l-end`;
}
