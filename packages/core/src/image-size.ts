// The `width` and `height` an `<img>` should carry so the browser reserves its box before the image arrives. One
// reading for every binding (React, Vue, plain HTML).
import type { Transformation } from "./types.js";

/** A positive number from a number or a numeric string; `undefined` for units (`"100%"`) and everything else. */
const pixels = (value: unknown): number | undefined => {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? +value : 0;
  return n > 0 && n < Number.POSITIVE_INFINITY ? n : undefined;
};

/**
 * The intrinsic size to render for an image: the given `width`/`height`, else what its transformation says. The width
 * falls back to the first step's numeric width; the height to the width scaled by the first step that has both a
 * width and a height, or an `aspectRatio` such as `"4-3"`. What cannot be known is left out, so the caller can warn.
 *
 * @example
 * ```ts
 * imageSize({ transformation: [{ width: 400, aspectRatio: "4-3" }] }); // { width: 400, height: 300 }
 * imageSize({ width: 800, transformation: [{ width: 400, height: 200 }] }); // { width: 800, height: 400 }
 * ```
 */
export function imageSize<W extends number | string = number, H extends number | string = number>(options: {
  width?: W | undefined;
  height?: H | undefined;
  transformation?: readonly Transformation[] | undefined;
}): { width?: W | number; height?: H | number } {
  // A hint, never an error: what is not an array of steps says nothing (the URL builder reports it).
  const steps: readonly (Transformation | null | undefined)[] = Array.isArray(options.transformation)
    ? options.transformation
    : [];
  let width: W | number | undefined = options.width;
  for (const step of steps) width ??= pixels(step?.width);
  let height: H | number | undefined = options.height;
  const known = pixels(width);
  for (const step of known && height === undefined ? steps : []) {
    const w = pixels(step?.width);
    const h = pixels(step?.height);
    const ratio =
      typeof step?.aspectRatio === "string" ? /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(step.aspectRatio) : null;
    const scale = w && h ? h / w : ratio ? +(ratio[2] as string) / +(ratio[1] as string) : 0;
    if (scale) {
      height = Math.round((known as number) * scale);
      break;
    }
  }
  return { ...(width !== undefined && { width }), ...(height !== undefined && { height }) };
}
