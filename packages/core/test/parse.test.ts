// parseUrl: an ImageKit URL taken apart into typed steps, so a CMS can read it, change it and build it again.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSrc, parseUrl, url } from "../src/index.js";
import { errorOf } from "./ikit-error.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

describe("parseUrl", () => {
  it("takes a CMS URL apart into typed v5 names so it can be changed", () => {
    const parsed = parseUrl(
      "https://ik.imagekit.io/demo/tr:w-300,h-200,q-80,e-grayscale,l-text,i-Hi,l-end:rt-90/products/shoe.jpg?v=2&ik-t=1700000000&ik-s=abc",
      { urlEndpoint },
    );
    expect(parsed).toEqual({
      urlEndpoint,
      path: "/products/shoe.jpg",
      transformationPosition: "path",
      transformation: [
        { width: 300, height: 200, quality: 80, grayscale: true, overlay: { type: "text", text: "Hi" } },
        { rotation: 90 },
      ],
      query: { v: "2" },
      signature: { signature: "abc", expires: 1700000000 },
    });
    const [first] = parsed.transformation;
    expect((first?.quality ?? 0) + 10).toBe(90);
    if (first) first.width = 600;
    expect(url({ ...parsed, queryParameters: parsed.query })).toBe(
      "https://ik.imagekit.io/demo/tr:w-600,h-200,q-80,e-grayscale,l-text,i-Hi,l-end:rt-90/products/shoe.jpg?v=2",
    );
  });

  it("finds the tr: segment without urlEndpoint, after an endpoint of two segments (the seed's example)", () => {
    const parsed = parseUrl("https://ik.imagekit.io/your_imagekit_id/endpoint/tr:h-300,w-400/default-image.jpg");
    expect(parsed).toMatchObject({
      urlEndpoint: "https://ik.imagekit.io/your_imagekit_id/endpoint",
      path: "/default-image.jpg",
      transformationPosition: "path",
      transformation: [{ height: 300, width: 400 }],
    });
    expect(parseUrl("https://images.example.com/tr:w-100/a/b.jpg")).toMatchObject({
      urlEndpoint: "https://images.example.com",
      path: "/a/b.jpg",
      transformation: [{ width: 100 }],
    });
  });

  it("takes only the ImageKit ID as the endpoint on ik.imagekit.io, and never guesses a folder on a custom domain", () => {
    const imagekit = parseUrl("https://ik.imagekit.io/your_id/a/b.jpg?tr=h-300%2Cw-400%3Art-90");
    expect(imagekit.urlEndpoint).toBe("https://ik.imagekit.io/your_id");
    expect(imagekit.path).toBe("/a/b.jpg");
    expect(imagekit.transformation).toEqual([{ height: 300, width: 400 }, { rotation: 90 }]);
    const custom = parseUrl("https://cdn.example.com/products/shoe.jpg?tr=w-300");
    expect(custom.urlEndpoint).toBe("https://cdn.example.com");
    expect(custom.path).toBe("/products/shoe.jpg");
    expect(custom.transformationPosition).toBe("query");
    // With the endpoint given, the split is the given one.
    expect(
      parseUrl("https://cdn.example.com/products/shoe.jpg?tr=w-300", {
        urlEndpoint: "https://cdn.example.com/products",
      }).path,
    ).toBe("/shoe.jpg");
  });

  it("looks for tr: only right after a given endpoint", () => {
    const parsed = parseUrl("https://ik.imagekit.io/demo/folder/tr:w-100/a.jpg", { urlEndpoint });
    expect(parsed.path).toBe("/folder/tr:w-100/a.jpg");
    expect(parsed.transformation).toEqual([]);
  });

  it("keeps a non-numeric ik-t in the query, and a __proto__ key as data", () => {
    const parsed = parseUrl(`${urlEndpoint}/a.jpg?ik-t=soon&__proto__=x&constructor=y`);
    expect(parsed.signature).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.query)).toBe(Object.prototype);
    expect(Object.entries(parsed.query)).toEqual([
      ["ik-t", "soon"],
      ["__proto__", "x"],
      ["constructor", "y"],
    ]);
  });

  it("round-trips tr:constructor-x and other Object.prototype names", () => {
    for (const tr of ["constructor-x", "toString-1,w-10", "__proto__-x:valueOf"]) {
      const built = `${urlEndpoint}/tr:${tr}/a.jpg`;
      const parsed = parseUrl(built);
      expect(url({ ...parsed, queryParameters: parsed.query })).toBe(built);
    }
  });

  it("reads a file named tr:… as a file, with or without urlEndpoint", () => {
    for (const options of [{}, { urlEndpoint }]) {
      const parsed = parseUrl(`${urlEndpoint}/folder/tr:name.jpg`, options);
      expect(parsed).toMatchObject({ urlEndpoint, path: "/folder/tr:name.jpg", transformation: [] });
    }
  });

  it("reads an empty tr: segment as part of the path, so the URL is built again as it was", () => {
    // url() writes a `raw` of "\\" into the path as `tr:\\`, which the URL parser turns into `tr:/`.
    const built = url({ urlEndpoint, path: "/", transformation: [{ raw: "\\" }], transformationPosition: "path" });
    expect(built).toBe(`${urlEndpoint}/tr:/`);
    const parsed = parseUrl(built);
    expect(parsed).toMatchObject({ urlEndpoint, path: "/tr:/", transformation: [] });
    expect(url({ ...parsed, queryParameters: parsed.query })).toBe(built);
  });

  it("rejects a URL outside the given endpoint and a non-URL", () => {
    expect(errorOf(() => parseUrl("https://other.example.com/a.jpg", { urlEndpoint })).code).toBe(
      "URL_NOT_UNDER_ENDPOINT",
    );
    expect(errorOf(() => parseUrl("/a.jpg")).code).toBe("INVALID_URL");
  });

  it.each([
    ["ik.imagekit.io/demo", "INVALID_URL_ENDPOINT"],
    ["ftp://ik.imagekit.io/demo", "INVALID_URL_ENDPOINT"],
    [`${urlEndpoint}?x=1`, "INVALID_URL_ENDPOINT"],
    [42, "INVALID_URL_ENDPOINT"],
    [{}, "INVALID_URL_ENDPOINT"],
    ["", "MISSING_URL_ENDPOINT"],
    [null, "MISSING_URL_ENDPOINT"],
  ])("throws for the endpoint %j the typed error every other entry point throws (%s)", (endpoint, code) => {
    expect(errorOf(() => parseUrl(`${urlEndpoint}/a.jpg`, { urlEndpoint: endpoint as never })).code).toBe(code);
  });
});

// Random URLs from both builders: parsing and building again gives the same bytes.
const value = fc.oneof(
  fc.constantFrom("", "true", "80", "0.5", "N10", "iw_div_4", "auto"),
  fc.integer({ min: 0, max: 5000 }),
  fc.boolean(),
);
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.dictionary(
      fc.constantFrom("width", "height", "quality", "progressive", "grayscale", "sharpen", "crop", "e-new"),
      value,
      { maxKeys: 4 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      overlay: fc.record({ type: fc.constant("text"), text: fc.constantFrom("Hi", "Grüße 👋", "a b") }),
    }),
  },
);
const options = fc.record({
  urlEndpoint: fc.constantFrom(
    "https://ik.imagekit.io/demo",
    "https://ik.imagekit.io/your_imagekit_id/endpoint/",
    "https://cdn.example.com",
    "https://cdn.example.com/img/v1",
  ),
  path: fc
    .array(fc.constantFrom("a", "b c", "ü", "x.jpg", "(1)"), { minLength: 1, maxLength: 3 })
    .map((p) => `/${p.join("/")}`),
  transformation: fc.array(step, { minLength: 1, maxLength: 3 }),
  transformationPosition: fc.constantFrom("path" as const, "query" as const),
  queryParameters: fc.dictionary(fc.constantFrom("v", "w", "cache"), fc.constantFrom("1", "a b", "x&y"), {
    maxKeys: 2,
  }),
});

describe("parseUrl round trip", () => {
  it("rebuilds 1,000 random buildSrc and url() URLs byte for byte, from the parts parseUrl gives", () => {
    fc.assert(
      fc.property(options, fc.boolean(), (opts, legacy) => {
        const built = legacy
          ? url(opts)
          : buildSrc({ ...opts, src: opts.path, transformation: opts.transformation as never });
        const parsed = parseUrl(built, { urlEndpoint: opts.urlEndpoint });
        const again = { ...parsed, queryParameters: parsed.query };
        expect(legacy ? url(again) : buildSrc({ ...again, src: parsed.path })).toBe(built);
      }),
      { numRuns: 1000, seed: 9 },
    );
  });

  it("finds the endpoint of every path-position URL without being told, and rebuilds it", () => {
    fc.assert(
      fc.property(options, (opts) => {
        const built = url({ ...opts, transformationPosition: "path" });
        fc.pre(built.includes("/tr:"));
        const parsed = parseUrl(built);
        expect(`${parsed.urlEndpoint}/`.replace(/\/+$/, "")).toBe(opts.urlEndpoint.replace(/\/+$/, ""));
        expect(url({ ...parsed, queryParameters: parsed.query })).toBe(built);
      }),
      { numRuns: 500, seed: 10 },
    );
  });
});
