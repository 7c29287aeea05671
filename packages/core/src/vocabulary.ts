// ImageKit's closed sets of words, in one place: the strict check accepts a value only from these, and
// parseTransformation types a value it reads back only when it is one of them.
import type { Anchor, StreamingResolution, Transformation } from "./types.js";

/**
 * The words each parameter with a closed set takes, by its v5 name (v5's crop and cropMode literals included).
 *
 * @example
 * ```ts
 * WORDS.flip?.includes("h_v"); // true
 * ```
 */
export const WORDS = {
  crop: ["force", "at_max", "at_max_enlarge", "at_least", "maintain_ratio", "maintain_ratio_no_enlarge"],
  cropMode: ["pad_resize", "extract", "pad_extract", "pad_resize_no_enlarge", "pad_extract_no_shrink"],
  format: ["auto", "webp", "jpg", "jpeg", "png", "gif", "svg", "mp4", "webm", "avif", "orig"],
  videoCodec: ["h264", "vp9", "av1", "none"],
  audioCodec: ["aac", "opus", "none"],
  flip: ["h", "v", "h_v", "v_h"],
  // ImageKit's layer modes (imagekit.io/docs/add-overlays-on-images, "Layer modes").
  layerMode: ["multiply", "cutter", "cutout", "displace"],
  innerAlignment: ["left", "right", "center"],
} as const satisfies { [K in keyof Transformation]?: readonly NonNullable<Transformation[K]>[] };

/**
 * The resolutions of `streamingResolutions` (`sr-240_720`).
 *
 * @example
 * ```ts
 * RESOLUTIONS.includes("720"); // true
 * ```
 */
export const RESOLUTIONS: readonly StreamingResolution[] = ["240", "360", "480", "720", "1080", "1440", "2160"];

/**
 * A layer's `anchorPoint` and `focus` (`lap-`, `lfo-`).
 *
 * @example
 * ```ts
 * ANCHORS.includes("top_left"); // true
 * ```
 */
export const ANCHORS: readonly Anchor[] = [
  "center",
  "top",
  "left",
  "bottom",
  "right",
  "top_left",
  "top_right",
  "bottom_left",
  "bottom_right",
];
