// Typed errors: bad input to the URL builders throws an IkitError whose code is stable and whose message says
// what to fix.
import { describe, expect, it } from "vitest";
import { buildSrc, url } from "../src/index.js";
import * as strict from "../src/strict.js";
import { errorOf } from "./ikit-error.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

describe("typed errors for bad input", () => {
  it.each([
    ["no endpoint", () => buildSrc({ src: "/a.jpg" } as never), "MISSING_URL_ENDPOINT"],
    [
      "an invalid endpoint",
      () => buildSrc({ urlEndpoint: "ik.imagekit.io/demo", src: "/a.jpg" }),
      "INVALID_URL_ENDPOINT",
    ],
    ["an ftp endpoint", () => url({ urlEndpoint: "ftp://x/y", path: "/a.jpg" }), "INVALID_URL_ENDPOINT"],
    [
      "an endpoint with a query",
      () => url({ urlEndpoint: `${urlEndpoint}?x=1`, path: "/a.jpg" }),
      "INVALID_URL_ENDPOINT",
    ],
    ["both path and src", () => url({ urlEndpoint, path: "/a.jpg", src: `${urlEndpoint}/a.jpg` }), "PATH_AND_SRC"],
    ["a relative src in url()", () => url({ src: "/a.jpg" }), "INVALID_SRC"],
    ["no src, strictly", () => strict.buildSrc({ urlEndpoint, src: "" }), "MISSING_SOURCE"],
    ["neither path nor src, strictly", () => strict.url({ urlEndpoint }), "MISSING_SOURCE"],
    ["signed: true in url()", () => url({ urlEndpoint, path: "/a.jpg", signed: true } as never), "SIGNED_URL_OPTION"],
  ])("%s → %s", (_title, run, code) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(30);
  });

  it("names the fix in the message", () => {
    expect(errorOf(() => buildSrc({ src: "/a.jpg" } as never)).message).toContain(
      "https://ik.imagekit.io/your_imagekit_id",
    );
    expect(errorOf(() => url({ urlEndpoint, path: "/a", signed: true } as never)).message).toContain("signUrlSync");
  });
});
