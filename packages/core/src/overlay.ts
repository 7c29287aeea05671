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

// Position then timing, each in v5's order.
const PLACEMENT = [
  [
    "position",
    [
      ["x", "lx"],
      ["y", "ly"],
      ["xCenter", "lxc"],
      ["yCenter", "lyc"],
      ["anchorPoint", "lap"],
      ["focus", "lfo"],
    ],
  ],
  [
    "timing",
    [
      ["start", "lso"],
      ["end", "leo"],
      ["duration", "ldu"],
    ],
  ],
] as const;

const LAYER: Record<string, string> = { image: "l-image", video: "l-video", subtitle: "l-subtitles" };

/**
 * Writes one typed layer as `l-<type>,i-<input>,<position>,<timing>,<nested steps>,l-end`, or returns `undefined`
 * when the layer lacks its text, input or colour (v5 leaves such a layer out instead of failing).
 */
export function layerString(overlay: Overlay, steps: (steps: unknown) => string): string | undefined {
  const entries: string[] = [];
  if (overlay.type === "text") {
    if (!overlay.text) return;
    entries.push("l-text", inputText(overlay.text, overlay.encoding));
  } else if (overlay.type === "solidColor") {
    if (!overlay.color) return;
    entries.push("l-image", "i-ik_canvas", `bg-${overlay.color}`);
  } else {
    const layer = LAYER[overlay.type];
    if (!layer || !overlay.input) return;
    entries.push(layer, inputPath(overlay.input, overlay.encoding));
  }
  if (overlay.layerMode) entries.push(`lm-${overlay.layerMode}`);
  for (const [group, fields] of PLACEMENT) {
    const values = overlay[group] as Record<string, unknown> | undefined;
    for (const [field, code] of fields) if (values?.[field]) entries.push(`${code}-${values[field]}`);
  }
  const nested = steps(overlay.transformation);
  if (nested.trim() !== "") entries.push(nested);
  entries.push("l-end");
  return entries.join(",");
}
