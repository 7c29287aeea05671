// Differential fuzzing of url() against the seed's SDK, `imagekit` 6.0.0: thousands of random option sets over the
// seed README's parameter table must give the same URL, unsigned and signed (fixed clock), except where imagekit 6's
// URL is broken. Each such divergence is one narrow rewrite of imagekit 6's input or output below, listed with its
// reason in the core README; nothing is skipped.
import fc from "fast-check";
import ImageKit from "imagekit";
import seedTable from "imagekit/dist/libs/constants/supportedTransforms.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type IkitError, signUrl, signUrlSync, url } from "../src/index.js";
import { PARAMETERS } from "../src/parameters.js";
import * as inputs from "./fuzz-inputs.js";
import { ours, PROTOTYPE_NAMES, privateKey, rewriteSteps, v5Part } from "./official.js";

const imagekit6 = new ImageKit({ publicKey: "public_key", privateKey, urlEndpoint: "https://ik.imagekit.io/default" });

// ---- the generator -------------------------------------------------------------------------------------------------

/** The seed README's table (`rotate` is imagekit 6's second name for `rt`), then what migrating code also writes. */
const SEED_NAMES = Object.keys(seedTable);
const V5_ONLY_NAMES = Object.keys(PARAMETERS).filter((name) => !Object.hasOwn(seedTable, name));
const value = inputs.value;
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SEED_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...V5_ONLY_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...inputs.ODD_NAMES) },
);
const simpleStep = fc.dictionary(name, value, { maxKeys: 5 });
const step = fc.oneof(
  { weight: 8, arbitrary: simpleStep },
  {
    weight: 1,
    arbitrary: fc.record({ width: value, overlay: inputs.overlay(fc.array(simpleStep, { maxLength: 2 })) }),
  },
  { weight: 1, arbitrary: fc.constant({}) },
);
const { endpoint, filePath } = inputs;
/** A src under the endpoint (what can be signed), on another host, or on an endpoint-less call. */
const src = fc
  .tuple(
    endpoint,
    fc.constantFrom(undefined, undefined, undefined, "https://images.example.com", "http://h:81/ü"),
    inputs.pathQueryHash,
  )
  .map(([urlEndpoint, other, tail]) => ({
    urlEndpoint,
    src: `${other ?? urlEndpoint.replace(/\?.*$/, "").replace(/\/$/, "")}${tail}`,
  }));
// imagekit 6 also took booleans.
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

const isSeedName = (key: string) =>
  !PROTOTYPE_NAMES.has(key) && (Object.hasOwn(seedTable, key) || Object.hasOwn(seedTable, key.toLowerCase()));

/** A name v5 maps to a code (`true` gives neither the name nor `name-true`) that imagekit 6 writes verbatim. */
const v5Only = new Map<string, boolean>();
function isV5Only(key: string): boolean {
  let known = v5Only.get(key);
  if (known === undefined) {
    const part = v5Part(key, true);
    known = !isSeedName(key) && !PROTOTYPE_NAMES.has(key) && key !== "raw" && part !== key && part !== `${key}-true`;
    v5Only.set(key, known);
  }
  return known;
}

/** imagekit 6's transformation string. */
function seedTransformation(transformation: unknown): string {
  const built = imagekit6.url({ src: "https://h/x", transformation } as never);
  return new URL(built).searchParams.get("tr") ?? "";
}

/** What imagekit 6 writes for one parameter on its own (every parameter, even `raw: ""`, is a part). */
const seedPart = (key: string, input: unknown) => seedTransformation([{ [key]: input }]);

/**
 * Our text for a parameter where imagekit 6's is broken (`""` for none), or `undefined` where imagekit 6's is ours:
 * - a name only v5 knows (`xCenter`, `grayscale`, `overlay`, …): imagekit 6 writes `xCenter-10`, which ImageKit does
 *   not understand; url() writes v5's code with v5's rules (`"-"` still gives the bare code, the seed's convention),
 *   with v5's own divergences (`v5Part`);
 * - a name of an Object.prototype member: imagekit 6 writes the member's source (`function Object() { [native code] }`);
 * - `raw: "-"`: imagekit 6 applies its `"-"` rule first and writes the name `raw`; url() writes a raw value as it is.
 */
function divergentPart(key: string, input: unknown): string | undefined {
  if (key === "raw") return input === "-" ? "-" : undefined;
  if (PROTOTYPE_NAMES.has(key)) return input === "-" ? key : `${key}-${input}`;
  if (key === "overlay" && typeof input === "object") return v5Part(key, input);
  if (!isV5Only(key)) return;
  return input === "-" ? v5Part(key, "v").replace(/-v$/, "") || v5Part(key, true) : v5Part(key, input);
}

/**
 * The transformation rewritten for imagekit 6 (`rewriteSteps`). A step with nothing in it goes: imagekit 6 writes it
 * as an empty step (`tr:w-100:`, `tr::`), and ImageKit rejects an empty transformation (imagekit-developer/imagekit-ruby#14).
 */
function translate(transformation: Options["transformation"]): Options["transformation"] {
  // imagekit 6 writes a raw of "-" as `raw` (its "-" rule), and a name it does not know with "-" as the name.
  const asStep = (text: string) => (text === "-" ? { "-": "-" } : { raw: text });
  return rewriteSteps(transformation, seedPart, divergentPart, asStep) as Options["transformation"];
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
  // The endpoint is configuration: checked before the URL, whatever the URL.
  if (urlEndpoint.includes("?")) return { code: "INVALID_URL_ENDPOINT" };
  const unsigned = imagekit6.url(input as never);
  // Without path or src both return "": imagekit 6 returns it signed or not, and "" is no URL to sign.
  if (unsigned === "") return { code: "URL_NOT_UNDER_ENDPOINT" };
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

// ---- the properties ------------------------------------------------------------------------------------------------

const expireSeconds = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(undefined, 0, 1, 300, 3600, 31_536_000, 1.9) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10 ** 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(-5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, "300") },
);
// Any instant from 2001 to 2286, in milliseconds.
const now = fc.integer({ min: 10 ** 12, max: 9 * 10 ** 12 });

describe("url() against imagekit 6.0.0", () => {
  it("gives imagekit 6's URL for 2,000 random option sets", () => {
    fc.assert(
      fc.property(options, (opts) => {
        expect(ours(() => url(opts as never))).toEqual(expected(opts));
      }),
      { numRuns: 2000, seed: 6_000_000 },
    );
  });

  describe("signed, on a fixed clock", () => {
    beforeAll(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
    });
    afterAll(() => {
      vi.useRealTimers();
    });

    it("signUrlSync(url(…)) gives imagekit 6's signed URL for 1,000 random option sets", () => {
      fc.assert(
        fc.property(options, expireSeconds, now, (opts, seconds, time) => {
          vi.setSystemTime(time);
          const urlEndpoint = opts.urlEndpoint ?? DEFAULT_ENDPOINT;
          const sign = { urlEndpoint, privateKey, ...(seconds === undefined ? {} : { expireSeconds: seconds }) };
          expect(ours(() => signUrlSync(url(opts as never), sign as never))).toEqual(expectedSigned(opts, seconds));
        }),
        { numRuns: 1000, seed: 6_000_001 },
      );
    });

    it("await signUrl(url(…)) (WebCrypto) gives the same for 100 more", async () => {
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
        { numRuns: 100, seed: 6_000_002 },
      );
    });
  });
});
