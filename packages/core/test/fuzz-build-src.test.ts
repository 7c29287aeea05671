// Differential fuzzing of buildSrc against @imagekit/javascript 5.5.1 (v5) and @imagekit/nodejs 7.11.0
// helper.buildSrc (node-v7, unsigned and signed on a fixed clock), and of getResponsiveImageAttributes against v5's.
// Thousands of random option sets must give the official URL, except where the official URL is broken or the two
// SDKs disagree; each such case is one narrow rewrite of the official input or output below (or in official.ts),
// listed with its reason in the core README; nothing is skipped.
import { buildSrc as v5BuildSrc, getResponsiveImageAttributes as v5Responsive } from "@imagekit/javascript";
import fc from "fast-check";
import { getSignature } from "imagekit/dist/libs/url/builder.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSrc, getResponsiveImageAttributes, IkitError, signUrl } from "../src/index.js";
import { PARAMETERS } from "../src/parameters.js";
import * as inputs from "./fuzz-inputs.js";
import { nodeV7, ours, privateKey, rewriteSteps, v5Diverges, v5Part, v5Steps } from "./official.js";

// ---- the generator -------------------------------------------------------------------------------------------------

const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(PARAMETERS)) },
  { weight: 1, arbitrary: fc.constantFrom(...inputs.ODD_NAMES) },
);
const simpleStep = fc.dictionary(name, inputs.value, { maxKeys: 5 });
const step = fc.oneof(
  { weight: 8, arbitrary: simpleStep },
  {
    weight: 2,
    arbitrary: fc.record({ width: inputs.value, overlay: inputs.overlay(fc.array(simpleStep, { maxLength: 2 })) }),
  },
  { weight: 1, arbitrary: fc.record({ streamingResolutions: fc.array(fc.constantFrom("240", "720", "1080")) }) },
  { weight: 1, arbitrary: fc.constant({}) },
);
const endpoint = fc.oneof(
  { weight: 6, arbitrary: inputs.endpoint },
  // An endpoint whose path also occurs in its host; no scheme; none.
  {
    weight: 1,
    arbitrary: fc.constantFrom("https://test.io/test", "https://ik.imagekit.io/ik", "ik.imagekit.io/x", ""),
  },
);
const src = fc.oneof(
  { weight: 3, arbitrary: inputs.filePath },
  { weight: 1, arbitrary: inputs.pathQueryHash },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom("https://ik.imagekit.io/demo", "http://h:81/ü", "https://x.io"), inputs.pathQueryHash)
      .map(([origin, rest]) => origin + rest),
  },
  { weight: 1, arbitrary: fc.constantFrom("", "https://", "http://a b.com/x.jpg", "https://ik.imagekit.io") },
);
const options = fc.record(
  {
    urlEndpoint: endpoint,
    src,
    transformation: fc.array(step, { maxLength: 3 }),
    transformationPosition: fc.constantFrom(undefined, "path", "query"),
    queryParameters: inputs.queryParameters,
  },
  { requiredKeys: ["urlEndpoint", "src"] },
);
type Options = {
  urlEndpoint: string;
  src: string;
  transformation?: unknown;
  transformationPosition?: string | undefined;
  queryParameters?: unknown;
};
type Result = { url: string } | { code: string };

// ---- the divergences -----------------------------------------------------------------------------------------------

const ABSOLUTE = /^https?:\/\//;
const DOT_SEGMENT = /(^|[/\\])(\.|%2e){1,2}([/\\?#]|$)/i;

/**
 * `src` with its dot segments resolved as the URL standard and browsers do. Node 20's URL parser leaves some
 * (`/a/.b/../c`) unless the URL has a query, so v5 keeps or resolves them by accident; ours always resolves them.
 */
function resolveDots(src: string): string {
  if (!DOT_SEGMENT.test(src)) return src;
  // v5 folds a relative src's slashes (joining it to the endpoint) before the parser sees it.
  const [, origin = "", whole = "", rest = ""] = /^(https?:\/\/[^/?#]*)?([^?#]*)(.*)$/s.exec(src) ?? [];
  // The parser trims spaces and control characters at the end of the whole URL, before it reads the path.
  const path = rest ? whole : whole.replace(/[\0- ]+$/, "");
  const url = new URL("http://h/?");
  url.pathname = origin ? path : `/${path}`.replace(/\/\/+/g, "/");
  return origin + url.pathname + rest;
}

/** A URL endpoint ours accepts (an http(s) URL without query or fragment), else the code ours throws. */
function endpointProblem(urlEndpoint: string): string | undefined {
  if (urlEndpoint === "") return "MISSING_URL_ENDPOINT";
  try {
    const url = new URL(urlEndpoint);
    return /^https?:$/.test(url.protocol) && !url.search && !url.hash ? undefined : "INVALID_URL_ENDPOINT";
  } catch {
    return "INVALID_URL_ENDPOINT";
  }
}

/**
 * The endpoint as v5 can take it: v5 removes the endpoint's path from the endpoint by string replacement of the
 * parsed (escaped) path, so on an endpoint written with non-ASCII or a space it finds nothing and writes the path
 * twice, and where the path also occurs in the host (`https://test.io/test`) it cuts the host. Given the parsed
 * path and an upper-case host (the same host: the parser lower-cases it again), v5 writes ours.
 */
function endpointForV5(urlEndpoint: string): string {
  const url = new URL(urlEndpoint);
  return `${url.protocol}//${url.host.toUpperCase()}${url.pathname}`;
}

/**
 * `build(input)` for `input` without the #fragment of its src, with the fragment (as `fragmentOf` writes it) put
 * back at the end: v5 and node-v7 append `?tr=` and node-v7 `ik-t`/`ik-s` after everything, so inside the fragment,
 * which a browser never sends (the transformation and signature are lost); ours puts the fragment last.
 */
function fragmentLast(input: Options, build: (input: Options) => string, fragmentOf: (input: Options) => string) {
  const at = input.src.indexOf("#");
  if (at === -1) return build(input);
  const fragment = fragmentOf(input);
  const built = build({ ...input, src: input.src.slice(0, at) || "/" });
  return built && built + fragment.slice(fragment.indexOf("#"));
}

/** What ours must be for `opts`: v5's URL with the divergences of `v5Part` and above, or the code ours throws. */
function expectedV5(opts: Options): Result {
  const input = structuredClone({ ...opts, transformation: v5Steps(opts.transformation) });
  input.src = resolveDots(input.src);
  if (input.src && !ABSOLUTE.test(input.src)) {
    // A missing or invalid endpoint is configuration, not data: ours throws where v5 returns "" (or a broken URL).
    const problem = endpointProblem(input.urlEndpoint);
    if (problem) return { code: problem };
    input.urlEndpoint = endpointForV5(input.urlEndpoint);
  }
  const v5 = (options: Options) => v5BuildSrc(structuredClone(options) as never);
  return { url: fragmentLast(input, v5, (options) => v5({ ...options, transformation: [], queryParameters: {} })) };
}

/** node-v7's text for one parameter on its own, `undefined` when it writes nothing for it. */
function nodeAlone(key: string, value: unknown): string | undefined {
  const marked = nodeV7.helper.buildTransformationString([{ "~": "~", [key]: value }] as never);
  return marked === "~-~" ? undefined : marked.slice(4);
}

/** True when a layer (or a layer inside its steps) has something node-v7 writes differently from v5 (see below). */
function nodeLayerDiverges(overlay: Record<string, unknown>): boolean {
  const position = overlay.position as Record<string, unknown> | undefined;
  if (position?.anchorPoint && position.focus) return true;
  const steps = Array.isArray(overlay.transformation) ? (overlay.transformation as Record<string, unknown>[]) : [];
  return steps.some((step) => Object.entries(step).some(([key, value]) => nodeDiverges(key, value)));
}

/**
 * True when node-v7's text for `key: value` is not ours: v5's divergences (`v5Part`; node-v7 has `color`), and
 * - a name v5's table has and node-v7's lacks (`density`, `layerMode`): node-v7 writes `density-300`, which ImageKit
 *   does not understand, where v5 writes `dn-300`;
 * - a layer with both `anchorPoint` and `focus`: node-v7 writes `lfo` before `lap`, v5 and ours `lap` first (the same
 *   layer: ImageKit reads layer parameters by name).
 */
function nodeDiverges(key: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (key === "overlay" && typeof value === "object") {
    const type = (value as { type?: unknown }).type;
    return (
      !["text", "image", "video", "subtitle", "solidColor"].includes(type as string) ||
      nodeLayerDiverges(value as never)
    );
  }
  if (key !== "color" && v5Diverges(key, value)) return true;
  return nodeAlone(key, "v") === `${key}-v` && v5Part(key, "v") !== `${key}-v`;
}

/** node-v7's transformation rewritten to ours (see `nodeDiverges`). */
const stepsForNode = (steps: unknown) =>
  rewriteSteps(steps, nodeAlone, (key, value) => (nodeDiverges(key, value) ? v5Part(key, value) : undefined));

/**
 * Where node-v7 and v5 build the URL itself differently, ours is v5's (checked above):
 * - in path position node-v7 writes the transformation into the path unescaped (`tr:l-text,i-Hello World`) and
 *   unfolded, after the URL parser ran; v5 and ours write it as the parser would;
 * - node-v7 sets a relative src as a path: `?` and `#` in it are escaped, trailing spaces kept, `\` not read as `/`,
 *   and `..` resolves against the endpoint's path and can climb out of it; v5 and ours read src as a URL reference
 *   under the endpoint;
 * - node-v7 keeps runs of slashes in an absolute src (`https://x.io/a//b.jpg`); v5 and ours fold them;
 * - node-v7 puts the transformation into the URL with String.replace, which expands `$&`, `$$`, `` $` `` and `$'` in
 *   it (`$&` writes its placeholder `PLEASEREPLACEJUSTBEFORESIGN`); v5 and ours write the text.
 */
function nodeBuildsDifferently(opts: Options, tr: string): boolean {
  if (/\$[$&`']/.test(tr)) return true;
  if (ABSOLUTE.test(opts.src)) return URL.canParse(opts.src) && new URL(opts.src).pathname.includes("//");
  // node-v7 sets a relative src as a path: `?`, `#`, `..` and `\` stay in it, and so do trailing spaces, which v5's
  // URL parser trims (README's divergence table).
  if (/[?#\\]|[\0- ]$/.test(opts.src) || DOT_SEGMENT.test(opts.src)) return true;
  if (!tr || opts.transformationPosition !== "path") return false;
  const parsed = new URL("http://h/?");
  parsed.pathname = `/tr:${tr}/`.replace(/\/\/+/g, "/");
  return parsed.pathname !== `/tr:${tr}/`;
}

/** What ours must be for `opts` by node-v7's URL (signed with `sign` when given). */
function expectedNode(opts: Options, sign?: { signed?: boolean; expiresIn?: number }): Result | "v5" {
  const transformation = stepsForNode(opts.transformation);
  const tr = nodeV7.helper.buildTransformationString(transformation as never);
  if (nodeBuildsDifferently(opts, tr)) return "v5";
  const input = structuredClone({ ...opts, transformation });
  if (input.src && !ABSOLUTE.test(input.src)) {
    const problem = endpointProblem(input.urlEndpoint);
    if (problem) return { code: problem };
  }
  input.src = resolveDots(input.src);
  const node = (options: Options) => nodeV7.helper.buildSrc(structuredClone(options) as never);
  const fragmentOf = (options: Options) => node({ ...options, transformation: [], queryParameters: {} });
  if (sign && (sign.signed === true || (sign.expiresIn ?? 0) > 0)) {
    // Like imagekit 6, node-v7 removes the endpoint from the URL by string replacement before signing: given the
    // endpoint as the URL parser writes it, it signs what ImageKit verifies.
    const problem = endpointProblem(input.urlEndpoint);
    if (problem) return { code: problem };
    input.urlEndpoint = new URL(input.urlEndpoint).href;
    const unsigned = node(input);
    if (!unsigned.startsWith(input.urlEndpoint.replace(/\/?$/, "/"))) return { code: "URL_NOT_UNDER_ENDPOINT" };
    const signed = fragmentLast(input, (options) => node({ ...options, ...sign } as Options), fragmentOf);
    return { url: signedAsSent(signed, input.urlEndpoint) };
  }
  return { url: fragmentLast(input, node, fragmentOf) };
}

const NON_ASCII = /[^\x00-\x7f]+/g;
// node-v7's signed URL: what it signed, then its `ik-t`/`ik-s`, then what fragmentLast put back.
const SIGNED = /^(.*?)[?&](?:ik-t=(\d+)&)?ik-s=[0-9a-f]+(#.*)?$/s;

/**
 * node-v7's signed URL where ImageKit would reject its signature, signed as ImageKit checks it: node-v7 signs
 * - non-ASCII characters (a transformation in the query is not escaped) as they are, but a browser sends them
 *   escaped and ImageKit checks the signature of what it receives;
 * - a `#` in the transformation and what follows, which a browser never sends, and appends the signature after it;
 * - after a bare `?` with `?ik-s=`, so the parameter reads `?ik-s`.
 * Ours escapes, signs what is sent and puts `ik-t`/`ik-s` before any fragment (kept as it is), joined by `&` to any
 * query. So:
 * node-v7's URL so changed, signed by imagekit 6's getSignature (which escapes before signing).
 */
function signedAsSent(signed: string, urlEndpoint: string): string {
  const [, unsigned = "", expiry, fragment = ""] = SIGNED.exec(signed) ?? [];
  if (!/[^\x00-\x7f]|#|\?$/.test(unsigned)) return signed;
  const before = unsigned.split("#")[0] as string;
  const sent = before.replace(NON_ASCII, encodeURIComponent);
  const expiryTimestamp = expiry ?? "9999999999";
  const signature = getSignature({ privateKey, url: sent, urlEndpoint, expiryTimestamp });
  const hash = unsigned.slice(before.length) + fragment;
  return `${sent}${sent.includes("?") ? "&" : "?"}${expiry ? `ik-t=${expiry}&` : ""}ik-s=${signature}${hash}`;
}

// ---- the properties ------------------------------------------------------------------------------------------------

describe("buildSrc against the official SDKs", () => {
  // v5 logs the error of a URL it cannot build before returning "".
  beforeAll(() => {
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it("gives @imagekit/javascript 5.5.1's URL for 2,000 random option sets", () => {
    fc.assert(
      fc.property(options, (opts) => {
        expect(ours(() => buildSrc(structuredClone(opts) as never))).toEqual(expectedV5(opts as Options));
      }),
      { numRuns: 2000, seed: 5_005_001 },
    );
  });

  it("gives @imagekit/nodejs 7.11.0 helper.buildSrc's URL for 1,200 (v5's where the two build differently)", () => {
    fc.assert(
      fc.property(options, (opts) => {
        const expected = expectedNode(opts as Options);
        expect(ours(() => buildSrc(structuredClone(opts) as never))).toEqual(
          expected === "v5" ? expectedV5(opts as Options) : expected,
        );
      }),
      { numRuns: 1200, seed: 7_011_001 },
    );
  });

  describe("signed by node-v7 (signed, expiresIn), on a fixed clock", () => {
    beforeAll(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
    });
    afterAll(() => {
      vi.useRealTimers();
    });

    it("await signUrl(buildSrc(…)) gives node-v7's signed URL for 200 random option sets", async () => {
      const signing = fc.record(
        { signed: fc.constantFrom(true, false), expiresIn: fc.constantFrom(0, 1, 300, 1.5, 86_400) },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(
          options,
          signing,
          fc.integer({ min: 10 ** 12, max: 9 * 10 ** 12 }),
          async (opts, sign, now) => {
            vi.setSystemTime(now);
            const expected = expectedNode(opts as Options, sign);
            fc.pre(expected !== "v5");
            const signs = sign.signed === true || (sign.expiresIn ?? 0) > 0;
            const result = await (async (): Promise<Result> => {
              try {
                const unsigned = buildSrc(structuredClone(opts) as never);
                if (!signs) return { url: unsigned };
                const expireSeconds = sign.expiresIn ? { expireSeconds: sign.expiresIn } : {};
                return {
                  url: await signUrl(unsigned, { urlEndpoint: opts.urlEndpoint, privateKey, ...expireSeconds }),
                };
              } catch (error) {
                if (error instanceof IkitError) return { code: error.code };
                throw error;
              }
            })();
            expect(result).toEqual(expected);
          },
        ),
        { numRuns: 200, seed: 7_011_002 },
      );
    });
  });
});

describe("getResponsiveImageAttributes against @imagekit/javascript 5.5.1", () => {
  const breakpoints = fc.option(
    fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom(0, 0.5, 640, 3840),
        // Numeric strings, as v5 takes them (split from an environment variable).
        fc.constantFrom("0", "0.5", "640", "1080", "0640"),
      ),
      { maxLength: 6 },
    ),
    { nil: undefined },
  );
  const responsive = fc.record(
    {
      urlEndpoint: fc.constantFrom("https://ik.imagekit.io/demo", "https://ik.imagekit.io/ü/"),
      src: fc.constantFrom("/hero.jpg", "/a b/ü.jpg", "https://x.io/a.jpg?v=1", ""),
      transformation: fc.array(simpleStep, { maxLength: 2 }),
      transformationPosition: fc.constantFrom(undefined, "path", "query"),
      queryParameters: inputs.queryParameters,
      sizes: fc.constantFrom("100vw", "(min-width: 768px) 50vw, 100vw", "33vw", "200vw", "5vw 150vw", "1200px", ""),
      width: fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.constantFrom(0, 0.5, 400, Number.NaN)),
      deviceBreakpoints: breakpoints,
      imageBreakpoints: breakpoints,
    },
    { requiredKeys: ["urlEndpoint", "src"] },
  );

  it("gives v5's src, srcSet, sizes and width for 500 random option sets (breakpoints of 0 and numeric strings included)", () => {
    fc.assert(
      fc.property(responsive, (opts) => {
        const theirs = v5Responsive(
          structuredClone({
            ...opts,
            urlEndpoint: endpointForV5(opts.urlEndpoint),
            transformation: v5Steps(opts.transformation),
          }) as never,
        );
        // The one divergence (README): without a URL v5 writes bare descriptors (" 1x,  2x"); ours no srcSet.
        if (theirs.src === "") {
          expect(theirs.srcSet ?? "").toMatch(/^(?: \d+(?:\.\d+)?[wx](?:, |$))*$/);
          delete theirs.srcSet;
        }
        expect(getResponsiveImageAttributes(structuredClone(opts) as never)).toEqual(theirs);
      }),
      { numRuns: 500, seed: 5_005_002 },
    );
  });
});
