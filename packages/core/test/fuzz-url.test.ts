// Differential fuzzing of url() against the seed's SDK, `imagekit` 6.0.0: thousands of random option sets over the
// seed README's parameter table must give the same URL, unsigned and signed (fixed clock), except where imagekit 6's
// URL is broken. Each such divergence is one narrow rewrite of imagekit 6's input or output below, listed with its
// reason in the core README; nothing is skipped.
import { buildTransformationString as v5TransformationString } from "@imagekit/javascript";
import ImageKitNode from "@imagekit/nodejs";
import fc from "fast-check";
import ImageKit from "imagekit";
import seedTable from "imagekit/dist/libs/constants/supportedTransforms.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IkitError, signUrl, signUrlSync, url } from "../src/index.js";
import { PARAMETERS } from "../src/parameters.js";

const privateKey = "private_key_fuzz";
const imagekit6 = new ImageKit({ publicKey: "public_key", privateKey, urlEndpoint: "https://ik.imagekit.io/default" });
const nodeV7 = new ImageKitNode({ privateKey });

// ---- the generator -------------------------------------------------------------------------------------------------

/** The seed README's table (`rotate` is imagekit 6's second name for `rt`), then what migrating code also writes. */
const SEED_NAMES = Object.keys(seedTable);
const V5_ONLY_NAMES = Object.keys(PARAMETERS).filter((name) => !Object.hasOwn(seedTable, name));
const OTHER_NAMES = [
  "raw",
  // Raw ImageKit codes, which imagekit 6 writes as they are.
  "w",
  "di",
  "t",
  "e-contrast",
  "e-sharpen",
  "e-bgremove",
  "ff",
  // imagekit 6 looks a name up as given, then lower-cased.
  "Width",
  "ROTATE",
  "EffectSharpen",
  "XCENTER",
  // Names of Object.prototype members.
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
];
const value = fc.oneof(
  fc.constantFrom("-", "", " ", "true", "false", "0", "80", "10", "N20", "-5", "1.5", "auto", "4-3"),
  fc.constantFrom("iw_div_4", "ih_mul_0.8_add_10", "cw_mul_0.05_yellow", "bl-15_st-40_x-10_y-N5", "prompt-snow road"),
  fc.constantFrom("/a/b.jpg", "a/b/", "//x//", "/", "folder@@file.jpg", "a,b:c", "ü é", "中文", "x?y#z", "50%"),
  fc.integer({ min: -10, max: 5000 }),
  fc.double({ min: -2, max: 10, noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
  fc.constantFrom(null, undefined),
);
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SEED_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...V5_ONLY_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER_NAMES) },
);
const overlay = fc.oneof(
  fc.record({ type: fc.constant("text"), text: fc.constantFrom("Hi", "Grüße 👋", "") }),
  fc.record({ type: fc.constantFrom("image", "video", "unknown"), input: fc.constantFrom("/logo.png", "a/b c.png") }),
);
const simpleStep = fc.dictionary(name, value, { maxKeys: 5 });
const step = fc.oneof(
  { weight: 8, arbitrary: simpleStep },
  { weight: 1, arbitrary: fc.record({ width: value, overlay }) },
  { weight: 1, arbitrary: fc.constant({}) },
);
const segment = fc.oneof(
  fc.stringMatching(/^[\w.-]{1,8}$/),
  fc.string({ unit: "grapheme", maxLength: 5 }),
  fc.constantFrom(
    "a b",
    "ü",
    "x%20y",
    "%2e%2e",
    "..",
    ".",
    "",
    "(1)",
    "a+b",
    "q?x=1",
    "h#t",
    "日本",
    "a\\b",
    "..\\..\\x",
    "%2E.",
    ".%2e",
    "tr:w-1",
  ),
);
const filePath = fc
  .tuple(fc.constantFrom("", "/", "//"), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "/"))
  .map(([lead, parts, trail]) => `${lead}${parts.join("/")}${trail}`);
const endpoint = fc.constantFrom(
  "https://ik.imagekit.io/demo",
  "https://ik.imagekit.io/demo/",
  "https://ik.imagekit.io",
  "https://ik.imagekit.io/",
  "https://ik.imagekit.io/your_imagekit_id/endpoint/",
  "https://cdn.example.com/img/v1",
  "https://ik.imagekit.io/ü/",
  "https://ik.imagekit.io/a b",
  "http://localhost:8080/x/",
  "https://IK.imagekit.io/Demo",
  "https://ik.imagekit.io:443/demo",
  "https://ik.imagekit.io/demo?v=1",
);
const srcTail = fc
  .tuple(
    filePath,
    fc.constantFrom("", "?v=1", "?a=b c&d", "?tr=w-1", "?x=%20&x=2", "?", "?ü=ß"),
    fc.constantFrom("", "#frag", "#a b"),
  )
  .map(([file, search, hash]) => `/${file.replace(/^\/+/, "")}${search}${hash}`);
/** A src under the endpoint (what can be signed), on another host, or on an endpoint-less call. */
const src = fc
  .tuple(
    endpoint,
    fc.constantFrom(undefined, undefined, undefined, "https://images.example.com", "http://h:81/ü"),
    srcTail,
  )
  .map(([urlEndpoint, other, tail]) => ({
    urlEndpoint,
    src: `${other ?? urlEndpoint.replace(/\?.*$/, "").replace(/\/$/, "")}${tail}`,
  }));
const queryParameters = fc.option(
  fc.dictionary(
    fc.constantFrom("v", "a", "x", "tr", "ü", "a b", "&"),
    fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean()),
  ),
  { nil: undefined },
);
const options = fc.oneof(
  fc.record(
    {
      urlEndpoint: endpoint,
      path: filePath,
      transformation: fc.array(step, { maxLength: 3 }),
      transformationPosition: fc.constantFrom(undefined, "path", "query", "PATH"),
      queryParameters,
    },
    { requiredKeys: ["urlEndpoint", "path"] },
  ),
  fc
    .tuple(
      src,
      fc.record(
        {
          withEndpoint: fc.constantFrom(true, true, true, false),
          transformation: fc.array(step, { maxLength: 3 }),
          transformationPosition: fc.constantFrom(undefined, "path", "query"),
          queryParameters,
        },
        { requiredKeys: ["withEndpoint"] },
      ),
    )
    .map(([{ urlEndpoint, src }, { withEndpoint, ...rest }]) => ({
      ...(withEndpoint && { urlEndpoint }),
      src,
      ...rest,
    })),
);
type Options = {
  urlEndpoint?: string | undefined;
  path?: string | undefined;
  src?: string | undefined;
  transformation?: Record<string, unknown>[] | undefined;
  transformationPosition?: string | undefined;
  queryParameters?: Record<string, unknown> | undefined;
};

// ---- the divergences -----------------------------------------------------------------------------------------------

const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const isSeedName = (key: string) =>
  !PROTOTYPE_NAMES.has(key) && (Object.hasOwn(seedTable, key) || Object.hasOwn(seedTable, key.toLowerCase()));
/** What official v5 (`color`: node-v7, see the buildSrc fuzz) writes for one parameter. */
function v5Part(key: string, input: unknown): string {
  const step = [{ [key]: input }];
  if (key === "color") return nodeV7.helper.buildTransformationString(step as never);
  try {
    return v5TransformationString(step as never);
  } catch {
    // v5 calls value.replace on defaultImage/fontFamily and crashes on a non-string; ours writes it as a string.
    return v5TransformationString([{ [key]: String(input) }] as never);
  }
}
/**
 * A layer as v5 writes it, except that a layer of a type v5 does not know is left out: v5 writes a lone `l-end`
 * (after any `lm-`, position and nested steps), a layer end without a start, which ImageKit rejects.
 */
function v5Layer(overlay: unknown): string {
  const type = (overlay as { type?: unknown } | null)?.type;
  return ["text", "image", "video", "subtitle", "solidColor"].includes(type as string)
    ? v5Part("overlay", overlay)
    : "";
}

/** A name v5 maps to a code (`true` gives neither the name nor `name-true`) that imagekit 6 writes verbatim. */
function isV5Only(key: string): boolean {
  if (isSeedName(key) || PROTOTYPE_NAMES.has(key) || key === "raw") return false;
  const part = v5Part(key, true);
  return part !== key && part !== `${key}-true`;
}

/** imagekit 6's transformation string. */
function seedTransformation(transformation: unknown): string {
  const built = imagekit6.url({ src: "https://h/x", transformation } as never);
  return new URL(built).searchParams.get("tr") ?? "";
}

/** What imagekit 6 writes for one parameter on its own. */
const seedPart = (key: string, input: unknown) => seedTransformation([{ [key]: input }]);

/**
 * Our text for a parameter where imagekit 6's is broken, or `undefined` where imagekit 6's is ours:
 * - a name only v5 knows (`xCenter`, `grayscale`, `overlay`, …): imagekit 6 writes `xCenter-10`, which ImageKit does
 *   not understand; url() writes v5's code with v5's rules (`"-"` still gives the bare code, the seed's convention);
 * - a name of an Object.prototype member: imagekit 6 writes the member's source (`function Object() { [native code] }`);
 * - `raw: "-"`: imagekit 6 applies its `"-"` rule first and writes the name `raw`; url() writes a raw value as it is.
 */
function divergentPart(key: string, input: unknown): string | undefined {
  if (key === "raw") return input === "-" ? "-" : undefined;
  if (PROTOTYPE_NAMES.has(key)) return input === "-" ? key : `${key}-${input}`;
  if (key === "overlay" && typeof input === "object") return v5Layer(input);
  if (!isV5Only(key)) return;
  return input === "-" ? v5Part(key, "v").replace(/-v$/, "") || v5Part(key, true) : v5Part(key, input);
}

/**
 * imagekit 6's input, rewritten where its output is broken so that its output is what ours must be: a step with a
 * divergent parameter becomes one `raw` of imagekit 6's text for each of its parameters (ours for the divergent
 * ones), and a step with nothing in it goes: imagekit 6 writes it as an empty step (`tr:w-100:`, `tr::`), and ImageKit
 * rejects an empty transformation (imagekit-developer/imagekit-ruby#14).
 */
function translate(transformation: Options["transformation"]): Options["transformation"] {
  if (!Array.isArray(transformation)) return transformation;
  const steps: Record<string, unknown>[] = [];
  for (const step of transformation) {
    const entries = Object.entries(step).filter(([, input]) => input !== undefined && input !== null);
    const divergent = entries.map(([key, input]) => divergentPart(key, input));
    if (divergent.every((part) => part === undefined)) {
      if (entries.length > 0) steps.push(step);
      continue;
    }
    const parts = entries.map(([key, input], i) => divergent[i] ?? seedPart(key, input));
    const written = parts.filter((part, i) => divergent[i] === undefined || part !== "");
    // imagekit 6 writes a raw of "-" as `raw` (its "-" rule), and a name it does not know with "-" as the name.
    const text = written.join(",");
    if (written.length > 0) steps.push(text === "-" ? { "-": "-" } : { raw: text });
  }
  return steps;
}

/** imagekit 6's input rewritten where its URL is broken, or the error code ours must throw instead. */
function theirInput(opts: Options): Options | { code: string } {
  const input: Options = { ...opts, transformation: translate(opts.transformation) };
  if (input.path) {
    // An endpoint is where files live: with a query, imagekit 6 signs a string that does not start with it.
    if (opts.urlEndpoint?.includes("?")) return { code: "INVALID_URL_ENDPOINT" };
    // imagekit 6 resolves `..` against the endpoint (or against the tr: segment, dropping it), glues a path without a
    // leading slash to the endpoint (`/demoa.jpg`) and keeps runs of slashes (`/demo//a.jpg`); url() resolves the
    // path on its own, from its root, and writes one slash between segments.
    const file = foldSlashes(resolveDots(input.path.replace(/^\/*/, "/")));
    const tr = seedTransformation(input.transformation);
    const joined = input.transformationPosition !== "query" && tr !== "";
    // In the path, the URL parser reads a backslash as a slash, after imagekit 6 joined (and folded) the parts.
    if (joined && tr.includes("\\")) input.transformation = [{ raw: tr.replace(/\\/g, "/") }];
    // With the transformation in the path imagekit 6 joins the parts (path.posix.join); otherwise it concatenates.
    const concatenatedAfterSlash = !joined && new URL(opts.urlEndpoint as string).pathname.endsWith("/");
    input.path = concatenatedAfterSlash ? file.slice(1) || "." : file;
  } else if (input.src) {
    // The same for the path of a src URL: dots resolved, slashes folded.
    const src = new URL(resolveDots(input.src));
    src.pathname = foldSlashes(src.pathname);
    input.src = src.href;
  }
  return input;
}

/** imagekit 6's URL for `opts`, with every documented divergence applied, or the error code ours must throw. */
function expected(opts: Options): { url: string } | { code: string } {
  const input = theirInput(opts);
  return "code" in input ? input : { url: imagekit6.url(input as never) };
}

const DOT_SEGMENT = /[/\\](\.|%2e){1,2}([/\\?#]|$)/i;

/**
 * A path (or an absolute URL's path) with its dot segments resolved as the URL standard and browsers do. Node 20's
 * URL parser leaves `/a/.b/../c` as it is unless the URL has a query, so imagekit 6 keeps them on Node.
 */
function resolveDots(text: string): string {
  if (!DOT_SEGMENT.test(text)) return text;
  const url = text[0] === "/" ? new URL("http://h") : new URL(text);
  const { search } = url;
  url.search = "?";
  url.pathname = text[0] === "/" ? text : url.pathname;
  url.search = search;
  return text[0] === "/" ? url.pathname : url.href;
}

const foldSlashes = (path: string) => path.replace(/\/{2,}/g, "/");

const DEFAULT_ENDPOINT = "https://ik.imagekit.io/default";
const withSlash = (text: string) => (text.endsWith("/") ? text : `${text}/`);

/**
 * imagekit 6's signed URL (`signed: true, expireSeconds`) for `opts`, with the unsigned divergences above and these:
 * - an endpoint not written as the URL parser writes it (`https://IK.imagekit.io/Demo`, `:443`, `/a b`, `/ü`):
 *   imagekit 6 removes the endpoint from the URL by string replacement, finds nothing and signs the whole URL, which
 *   ImageKit rejects; ours signs the part after the parsed endpoint, as imagekit 6 does for an endpoint written so;
 * - a URL outside the endpoint (a `src` on another host): imagekit 6 signs it anyway, ImageKit rejects the signature;
 *   ours throws URL_NOT_UNDER_ENDPOINT;
 * - a `#fragment`: imagekit 6 signs it, but a browser never sends it, so ImageKit rejects the signature; ours signs
 *   the URL without it and keeps it at the end;
 * - an expireSeconds that is negative, not finite or not a number: imagekit 6 signs an expired URL (`-5`) or one that
 *   never expires (`NaN`, parsed from `"300"` with parseInt); ours throws INVALID_EXPIRY.
 */
function expectedSigned(opts: Options, expireSeconds: unknown): { url: string } | { code: string } {
  const input = theirInput(opts);
  if ("code" in input) return input;
  const urlEndpoint = opts.urlEndpoint ?? DEFAULT_ENDPOINT;
  if (expireSeconds !== undefined && !(Number.isFinite(expireSeconds) && (expireSeconds as number) >= 0)) {
    return { code: "INVALID_EXPIRY" };
  }
  const unsigned = imagekit6.url(input as never);
  // Without path or src both return "": imagekit 6 returns it signed or not, and "" is no URL to sign.
  if (unsigned === "") return { code: "URL_NOT_UNDER_ENDPOINT" };
  if (urlEndpoint.includes("?")) return { code: "INVALID_URL_ENDPOINT" };
  const parsedEndpoint = new URL(urlEndpoint).href;
  if (!unsigned.startsWith(withSlash(urlEndpoint)) && !unsigned.startsWith(withSlash(parsedEndpoint))) {
    return { code: "URL_NOT_UNDER_ENDPOINT" };
  }
  let hash = "";
  if (input.src?.includes("#")) {
    hash = new URL(input.src).hash;
    input.src = input.src.slice(0, input.src.indexOf("#"));
  }
  const signed = imagekit6.url({ ...input, urlEndpoint: parsedEndpoint, signed: true, expireSeconds } as never);
  return { url: signed + hash };
}

/** Ours: `url()`, or the code of the IkitError it throws. */
function ours(build: () => string): { url: string } | { code: string } {
  try {
    return { url: build() };
  } catch (error) {
    if (error instanceof IkitError) return { code: error.code };
    throw error;
  }
}

// ---- the properties ------------------------------------------------------------------------------------------------

const expireSeconds = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(undefined, 0, 1, 300, 3600, 31_536_000, 1.9, 0.5) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10 ** 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(-5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, "300") },
);
// Any instant from 2001 to 2286, in milliseconds.
const now = fc.integer({ min: 10 ** 12, max: 9 * 10 ** 12 });

describe("url() against imagekit 6.0.0", () => {
  it("gives imagekit 6's URL for 3,000 random option sets", () => {
    fc.assert(
      fc.property(options, (opts) => {
        expect(ours(() => url(opts as never))).toEqual(expected(opts));
      }),
      { numRuns: 3000, seed: 6_000_000 },
    );
  });

  describe("signed, on a fixed clock", () => {
    beforeAll(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
    });
    afterAll(() => {
      vi.useRealTimers();
    });

    it("signUrlSync(url(…)) gives imagekit 6's signed URL for 1,500 random option sets", () => {
      fc.assert(
        fc.property(options, expireSeconds, now, (opts, seconds, time) => {
          vi.setSystemTime(time);
          const urlEndpoint = opts.urlEndpoint ?? DEFAULT_ENDPOINT;
          const sign = { urlEndpoint, privateKey, ...(seconds === undefined ? {} : { expireSeconds: seconds }) };
          expect(ours(() => signUrlSync(url(opts as never), sign as never))).toEqual(expectedSigned(opts, seconds));
        }),
        { numRuns: 1500, seed: 6_000_001 },
      );
    });

    it("await signUrl(url(…)) (WebCrypto) gives the same for 200 more", async () => {
      await fc.assert(
        fc.asyncProperty(options, expireSeconds, now, async (opts, seconds, time) => {
          vi.setSystemTime(time);
          const urlEndpoint = opts.urlEndpoint ?? DEFAULT_ENDPOINT;
          const sign = { urlEndpoint, privateKey, ...(seconds === undefined ? {} : { expireSeconds: seconds }) };
          let theirs: { url: string } | { code: string };
          try {
            theirs = { url: await signUrl(url(opts as never), sign as never) };
          } catch (error) {
            theirs = { code: (error as IkitError).code };
          }
          expect(theirs).toEqual(expectedSigned(opts, seconds));
        }),
        { numRuns: 200, seed: 6_000_002 },
      );
    });
  });
});
