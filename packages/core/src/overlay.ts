import { base64Utf8 } from "./base64.js";
import { fail } from "./errors.js";
import type { Overlay } from "./types.js";
import { textOf, trimSlashes } from "./value.js";

// Per overlay type: the layer it writes and the field holding its input. No prototype: a `type` of "constructor"
// or "toString" is an unknown layer (left out, as v5 does), never one of Object's methods. parse-transformation.ts
// reads layers back by this table and PLACEMENT.
export const LAYERS = {
  __proto__: null,
  text: ["text", "text"],
  image: ["image", "input"],
  video: ["video", "input"],
  subtitle: ["subtitles", "input"],
  solidColor: ["image", "color"],
} as unknown as Readonly<Record<string, readonly [layer: string, field: "text" | "input" | "color"]>>;

// Position, then timing: each field's code, in v5's order.
export const PLACEMENT = [
  ["position", { x: "lx", y: "ly", xCenter: "lxc", yCenter: "lyc", anchorPoint: "lap", focus: "lfo" }],
  ["timing", { start: "lso", end: "leo", duration: "ldu" }],
] as const;

/** `i-<input>` when ImageKit reads the input as it is, else `ie-<base64 of its UTF-8 bytes>`. */
function input(overlay: Overlay, value: string): string {
  const text = overlay.type === "text";
  const { encoding } = overlay as { encoding?: string };
  if (!text) value = trimSlashes(value);
  if (encoding === "base64" || (encoding !== "plain" && !(text ? /^[\w\-. ]*$/ : /^[\w\-./ ]*$/).test(value))) {
    return `ie-${encodeURIComponent(base64Utf8(value))}`;
  }
  if (!text) return `i-${value.replace(/\//g, "@@")}`;
  try {
    return `i-${encodeURIComponent(value)}`;
  } catch {
    // v5 throws a URIError here; base64 (the default for such text) writes U+FFFD in its place, as TextEncoder does.
    return fail(
      "INVALID_VALUE",
      'overlay text has a lone surrogate (half an emoji), which has no UTF-8 form: fix the text, or drop encoding: "plain".',
      value,
    );
  }
}

/**
 * Writes one typed layer as `l-<type>,i-<input>,<position>,<timing>,<nested steps>,l-end`, or returns `undefined`
 * when the layer lacks its text, input or colour (v5 leaves such a layer out instead of failing).
 */
export function layerString(overlay: Overlay, steps: (steps: unknown) => string): string | undefined {
  const [layer, field] = LAYERS[overlay.type] ?? [];
  const value = field && (overlay as unknown as Record<string, unknown>)[field];
  if (!value) return;
  const text = textOf(value, `overlay.${field}`);
  let out = `l-${layer},${field === "color" ? `i-ik_canvas,bg-${text}` : input(overlay, text)}`;
  if (overlay.layerMode) out += `,lm-${textOf(overlay.layerMode, "overlay.layerMode")}`;
  for (const [group, codes] of PLACEMENT) {
    const fields = overlay[group] as Record<string, unknown> | undefined;
    if (fields) {
      for (const name in codes) {
        const at = fields[name];
        if (at) out += `,${codes[name as keyof typeof codes]}-${textOf(at, `overlay.${group}.${name}`)}`;
      }
    }
  }
  const nested = steps(overlay.transformation);
  return `${out}${nested.trim() ? `,${nested}` : ""},l-end`;
}
