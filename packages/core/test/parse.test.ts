// parseUrl: an ImageKit URL taken apart into v5 names, so it can be changed and built again.
import { describe, expect, it } from "vitest";
import { parseUrl, url } from "../src/index.js";
import { errorOf } from "./ikit-error.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

describe("parseUrl", () => {
  it("takes a CMS URL apart into v5 names so it can be changed", () => {
    const parsed = parseUrl(
      "https://ik.imagekit.io/demo/tr:w-300,h-200,e-grayscale,l-text,i-Hi,l-end:rt-90/products/shoe.jpg?v=2&ik-t=1700000000&ik-s=abc",
      {
        urlEndpoint,
      },
    );
    expect(parsed).toEqual({
      urlEndpoint,
      path: "/products/shoe.jpg",
      transformationPosition: "path",
      transformation: [{ width: "300", height: "200", grayscale: true, raw: "l-text,i-Hi,l-end" }, { rotation: "90" }],
      query: { v: "2" },
      signature: { signature: "abc", expires: 1700000000 },
    });
    const [first] = parsed.transformation;
    if (first) first.width = 600;
    expect(url({ ...parsed, queryParameters: parsed.query })).toBe(
      "https://ik.imagekit.io/demo/tr:w-600,h-200,e-grayscale,l-text,i-Hi,l-end:rt-90/products/shoe.jpg?v=2",
    );
  });

  it("reads url()'s percent-encoded ?tr= and guesses the endpoint when none is given", () => {
    const parsed = parseUrl("https://ik.imagekit.io/your_id/a/b.jpg?tr=h-300%2Cw-400%3Art-90");
    expect(parsed.urlEndpoint).toBe("https://ik.imagekit.io/your_id");
    expect(parsed.path).toBe("/a/b.jpg");
    expect(parsed.transformation).toEqual([{ height: "300", width: "400" }, { rotation: "90" }]);
  });

  it("rejects a URL outside the given endpoint and a non-URL", () => {
    expect(errorOf(() => parseUrl("https://other.example.com/a.jpg", { urlEndpoint })).code).toBe(
      "URL_NOT_UNDER_ENDPOINT",
    );
    expect(errorOf(() => parseUrl("/a.jpg")).code).toBe("INVALID_URL");
  });
});
