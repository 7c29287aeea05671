import { base64Utf8 } from "./base64.js";
import type { Overlay, OverlayEncoding } from "./types.js";

const SIMPLE_PATH = /^[\w\-./ ]*$/;
const SIMPLE_TEXT = /^[\w\-. ]*$/;

function trimSlashes(value: string): string {
  let start = 0;
  let end = value.length;
  if (value[0] === "/") start = 1;
  if (end > start && value[end - 1] === "/") end--;
  return value.slice(start, end);
}

function encoded(value: string): string {
  return `ie-${encodeURIComponent(base64Utf8(value))}`;
}

function inputPath(path: string, encoding: OverlayEncoding | undefined): string {
  const trimmed = trimSlashes(path);
  if (encoding === "base64" || (encoding !== "plain" && !SIMPLE_PATH.test(trimmed))) return encoded(trimmed);
  return `i-${trimmed.replace(/\//g, "@@")}`;
}

function inputText(text: string, encoding: OverlayEncoding | undefined): string {
  if (encoding === "base64" || (encoding !== "plain" && !SIMPLE_TEXT.test(text))) return encoded(text);
  return `i-${encodeURIComponent(text)}`;
}

// Position then timing, each in v5's order: [group, field, code]. parse-transformation.ts reads layers back by it.
export const PLACEMENT: readonly (readonly [group: "position" | "timing", field: string, code: string])[] = [
  ["position", "x", "lx"],
  ["position", "y", "ly"],
  ["position", "xCenter", "lxc"],
  ["position", "yCenter", "lyc"],
  ["position", "anchorPoint", "lap"],
  ["position", "focus", "lfo"],
  ["timing", "start", "lso"],
  ["timing", "end", "leo"],
  ["timing", "duration", "ldu"],
];

/** The layer code of each overlay type that names a file (text and solid colour are written on their own). */
export const LAYER: Record<string, string> = { image: "l-image", video: "l-video", subtitle: "l-subtitles" };

/**
 * Writes one typed layer as `l-<type>,i-<input>,<position>,<timing>,<nested steps>,l-end`, or returns `undefined`
 * when the layer lacks its text, input or colour (v5 leaves such a layer out instead of failing).
 */
export function layerString(overlay: Overlay, steps: (steps: unknown) => string): string | undefined {
  let out: string;
  if (overlay.type === "text") {
    if (!overlay.text) return;
    out = `l-text,${inputText(overlay.text, overlay.encoding)}`;
  } else if (overlay.type === "solidColor") {
    if (!overlay.color) return;
    out = `l-image,i-ik_canvas,bg-${overlay.color}`;
  } else {
    const layer = LAYER[overlay.type];
    if (!layer || !overlay.input) return;
    out = `${layer},${inputPath(overlay.input, overlay.encoding)}`;
  }
  if (overlay.layerMode) out += `,lm-${overlay.layerMode}`;
  if (overlay.position || overlay.timing) {
    for (let i = 0; i < PLACEMENT.length; i++) {
      const [group, field, code] = PLACEMENT[i] as (typeof PLACEMENT)[number];
      const value = (overlay[group] as Record<string, unknown> | undefined)?.[field];
      if (value) out += `,${code}-${value}`;
    }
  }
  const nested = steps(overlay.transformation);
  if (nested.trim() !== "") out += `,${nested}`;
  return `${out},l-end`;
}
