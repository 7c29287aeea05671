// Review findings (core-review-2) in parseUrl: a fragment read as a query, and url()'s form-encoded `tr` of one
// parameter left encoded, so reading a URL and building it again changes it. Each test fails until fixed.
import { describe, expect, it } from "vitest";
import { IkitError, parseUrl, url } from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

describe("parseUrl reads the query, never the fragment", () => {
  it("a `?tr=` after `#` is fragment text: no transformation", () => {
    // The URL has no query: `new URL(…).search` is "" and a browser requests `/demo/a.jpg` untransformed.
    const parsed = parseUrl(`${urlEndpoint}/a.jpg#x?tr=w-100`);
    expect(parsed.transformation).toEqual([]);
    expect(parsed.query).toEqual({});
  });

  it("an `ik-s` after `#` is no signature", () => {
    const parsed = parseUrl(`${urlEndpoint}/a.jpg#top?v=1&ik-s=abc`);
    expect(parsed.signature).toBeUndefined();
    expect(parsed.query).toEqual({});
  });
});

describe("parseUrl decodes url()'s `?tr=` however many parameters it has", () => {
  // url() form-encodes the whole `tr` value; parseUrl decodes it only when it finds an encoded `,` or `:`, so a
  // one-parameter transformation keeps its escapes: `@@` reads `%40%40`, a space `+`, non-ASCII `%C3%BC`.
  it.each([
    ["a defaultImage path", [{ defaultImage: "/folder/b.jpg" }], [{ defaultImage: "folder/b.jpg" }]],
    ["a raw value with a space", [{ raw: "x y" }], [{ raw: "x y" }]],
    ["a non-ASCII background", [{ background: "ü" }], [{ background: "ü" }]],
  ])("%s reads back decoded, and builds the same URL again", (_title, transformation, expected) => {
    const built = url({ urlEndpoint, path: "/a.jpg", transformationPosition: "query", transformation });
    const parsed = parseUrl(built, { urlEndpoint });
    expect(parsed.transformation).toEqual(expected);
    expect(
      url({
        urlEndpoint: parsed.urlEndpoint,
        path: parsed.path,
        transformation: parsed.transformation,
        transformationPosition: parsed.transformationPosition,
        queryParameters: parsed.query,
      }),
    ).toBe(built);
  });

  it("the seed's own src form: an absolute src with one defaultImage", () => {
    const built = url({ src: `${urlEndpoint}/a.jpg`, transformation: [{ defaultImage: "/folder/b.jpg" }] });
    expect(built).toBe(`${urlEndpoint}/a.jpg?tr=di-folder%40%40b.jpg`);
    expect(parseUrl(built).transformation).toEqual([{ defaultImage: "folder/b.jpg" }]);
  });
});

describe("parseUrl takes http(s) URLs only", () => {
  it.each(["javascript://x/%0aalert(1)", "file:///etc/passwd", "data:text/plain,hi", "blob:https://x.io/uuid"])(
    '%s is INVALID_URL, never urlEndpoint "null"',
    (input) => {
      // Today: { urlEndpoint: "null", … }: URL#origin of a non-http(s) URL is the string "null".
      let result: unknown;
      try {
        result = parseUrl(input);
      } catch (error) {
        expect(error).toBeInstanceOf(IkitError);
        result = (error as IkitError).code;
      }
      expect(result).toBe("INVALID_URL");
    },
  );
});
