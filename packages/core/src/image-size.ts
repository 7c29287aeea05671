// The `width` and `height` an `<img>` should carry so the browser reserves its box before the image arrives. One
// reading for every binding (React, Vue, plain HTML).
import { items } from "./transformation.js";
import type { Transformation } from "./types.js";

/** A positive number from a number or a numeric string; `undefined` for units (`"100%"`) and everything else. */
const pixels = (value: unknown): number | undefined => {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? +value : 0;
  return n > 0 && n < Number.POSITIVE_INFINITY ? n : undefined;
};

/**
 * The intrinsic size to render for an image: the given `width`/`height`, else what its transformation says. The width
 * falls back to the first step's numeric width; the height to the width scaled by the first step that has both a
 * width and a height, or an `aspectRatio` such as `"4-3"`. What cannot be known (or is not a finite size, such as the
 * height of `"0-3"`) is left out, so the caller can warn. A hint: no options object gives `{}`; only a transformation
 * of more than 10,000 steps throws `INVALID_VALUE`, as the URL builder does.
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
  // A binding passes its props as they came: `null` or a stray primitive says nothing, as a missing prop does.
  const { width: given, height: high, transformation } = Object(options) as typeof options;
  // What is not an array of steps says nothing either (the URL builder reports it); one past 10,000 steps throws, as
  // the URL builder does, rather than be walked for minutes.
  const steps: readonly (Transformation | null | undefined)[] = Array.isArray(transformation)
    ? items(transformation, "transformation")
    : [];
  let width: W | number | undefined = given;
  for (const step of steps) width ??= pixels(step?.width);
  let height: H | number | undefined = high;
  const known = pixels(width);
  for (const step of known && height === undefined ? steps : []) {
    const w = pixels(step?.width);
    const h = pixels(step?.height);
    const ratio =
      typeof step?.aspectRatio === "string" ? /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(step.aspectRatio) : null;
    const scale = w && h ? h / w : ratio ? +(ratio[2] as string) / +(ratio[1] as string) : 0;
    if (scale) {
      // `"0-3"` scales by Infinity and a huge step can overflow: a height that is no size is left out.
      height = pixels(Math.round((known as number) * scale));
      break;
    }
  }
  return { ...(width !== undefined && { width }), ...(height !== undefined && { height }) };
}
