// The official SDKs as oracles for the differential fuzz tests (fuzz-url, fuzz-build-src): what each writes for one
// parameter, and a transformation rewritten so that the official SDK writes ours where its own text is broken. Each
// rewrite is one divergence of the core README's table; the tests apply nothing else.
import { buildTransformationString as v5TransformationString } from "@imagekit/javascript";
import ImageKitNode from "@imagekit/nodejs";

import { IkitError } from "../src/index.js";

export const privateKey = "private_key_fuzz";

/** What ours gives: `{ url }`, or `{ code }` of the IkitError it throws. */
export function ours(build: () => string): { url: string } | { code: string } {
  try {
    return { url: build() };
  } catch (error) {
    if (error instanceof IkitError) return { code: error.code };
    throw error;
  }
}
export const nodeV7 = new ImageKitNode({ privateKey });

/** Names of Object.prototype members: the official SDKs look them up on plain objects and find functions. */
export const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const LAYER_TYPES = new Set(["text", "image", "video", "subtitle", "solidColor"]);

type Step = Record<string, unknown>;

/**
 * v5's text for one parameter, where v5's own is broken ours:
 * - `color`: v5's table lacks it and writes `color-red`; its types document it as the subtitle colour `co`, which
 *   @imagekit/nodejs v7's table has, so node-v7 is the oracle;
 * - a name of an Object.prototype member: v5 writes the member's source (`function Object() { [native code] }-x`);
 *   ours is v5's rule for a name it does not know, `constructor-x`;
 * - `defaultImage`/`fontFamily` given a number or `true`: v5 calls value.replace and crashes; ours writes the value
 *   as the string it would write for the same text;
 * - a layer of a type v5 does not know: v5 writes a lone `l-end` (after any `lm-`, position and nested steps), a
 *   layer end without a start, which ImageKit rejects; ours leaves the layer out, as v5 does for one without input.
 * A layer's own steps get the same rewrites.
 */
export function v5Part(key: string, value: unknown): string {
  if (PROTOTYPE_NAMES.has(key)) return `${key}-${value}`;
  if (key === "color") return nodeV7.helper.buildTransformationString([{ color: value }] as never);
  if (key === "overlay" && typeof value === "object" && value !== null) {
    const overlay = value as { type?: unknown; transformation?: unknown };
    if (!LAYER_TYPES.has(overlay.type as string)) return "";
    return v5TransformationString([
      { overlay: { ...overlay, transformation: v5Steps(overlay.transformation) } },
    ] as never);
  }
  try {
    return v5TransformationString([{ [key]: value }] as never);
  } catch {
    return v5TransformationString([{ [key]: String(value) }] as never);
  }
}

/** True when v5's text for `key: value` is not ours (see {@link v5Part}). */
export function v5Diverges(key: string, value: unknown): boolean {
  if (PROTOTYPE_NAMES.has(key) || key === "color" || key === "overlay") return true;
  // The names v5 writes as di-/ff- (its table's, or the codes as they are), given a value it crashes on.
  return ["defaultImage", "fontFamily", "di", "ff"].includes(key) && !!value && typeof value !== "string";
}

/**
 * `steps` rewritten so that an official SDK writes ours: a step with a divergent parameter becomes one `raw` of the
 * SDK's text for each of its parameters (`part`, `undefined` for none), ours for the divergent ones (`ours`: `""` for
 * none, `undefined` where the SDK's is ours); a step with nothing to write is dropped, as v5 drops it. `asStep`
 * makes a step of raw text.
 */
export function rewriteSteps(
  steps: unknown,
  part: (key: string, value: unknown) => string | undefined,
  ours: (key: string, value: unknown) => string | undefined,
  asStep: (text: string) => Step = (text) => ({ raw: text }),
): unknown {
  if (!Array.isArray(steps)) return steps;
  const out: Step[] = [];
  for (const step of steps as Step[]) {
    const entries = Object.entries(step).filter(([, value]) => value !== undefined && value !== null);
    const divergent = entries.map(([key, value]) => ours(key, value));
    if (divergent.every((text) => text === undefined)) {
      if (entries.length > 0) out.push(step);
      continue;
    }
    const written = entries
      .map(([key, value], i) => (divergent[i] === undefined ? part(key, value) : divergent[i] || undefined))
      .filter((text) => text !== undefined);
    if (written.length > 0) out.push(asStep(written.join(",")));
  }
  return out;
}

/** v5's text for one parameter on its own, `undefined` when v5 writes nothing for it (a flag given `false`). */
function v5Alone(key: string, value: unknown): string | undefined {
  const marked = v5TransformationString([{ "~": "~", [key]: value }] as never);
  return marked === "~-~" ? undefined : marked.slice(4);
}

/** `steps` rewritten for v5 (see {@link v5Part}). */
export function v5Steps(steps: unknown): unknown {
  return rewriteSteps(steps, v5Alone, (key, value) => (v5Diverges(key, value) ? v5Part(key, value) : undefined));
}
