// Review findings (core-review-2) in the URL builders against the official SDKs: a transformationPosition other than
// "path" or "query" and an endpoint with user info, where v5 and @imagekit/nodejs agree and ours differs without a
// line in the README's divergence tables. Each test fails until fixed.
import { buildSrc as v5BuildSrc } from "@imagekit/javascript";
import ImageKitNode from "@imagekit/nodejs";
import ImageKit from "imagekit";
import { describe, expect, it } from "vitest";
import { buildSrc, IkitError, url } from "../src/index.js";

/** The URL `build` writes, or the code of the IkitError it throws (anything else it throws fails the test). */
function urlOrCode(build: () => string): string {
  try {
    return build();
  } catch (error) {
    expect(error).toBeInstanceOf(IkitError);
    return (error as IkitError).code;
  }
}

const urlEndpoint = "https://ik.imagekit.io/demo";
const nodeV7 = new ImageKitNode({ privateKey: "private_review_key" });

describe('transformationPosition as v5 and node-v7 read it: query only when falsy or "query"', () => {
  it.each(["PATH", "Path", " path", "inline"])(
    "%j puts the transformation in the path, as both SDKs do",
    (position) => {
      const opts = {
        urlEndpoint,
        src: "/a.jpg",
        transformationPosition: position as never,
        transformation: [{ width: 10 }],
      };
      // v5: `opts.transformationPosition || "query"`, then path unless it is "query"; ours: path only for "path".
      const v5 = v5BuildSrc({ ...opts });
      expect(v5).toBe("https://ik.imagekit.io/demo/tr:w-10/a.jpg");
      expect(nodeV7.helper.buildSrc({ ...opts })).toBe(v5);
      // Today: "https://ik.imagekit.io/demo/a.jpg?tr=w-10".
      expect(buildSrc(opts)).toBe(v5);
    },
  );
});

describe("an endpoint with user info is kept or refused, never silently dropped", () => {
  const withUser = "https://user:pass@ik.imagekit.io/demo";

  it("buildSrc: v5's URL, or INVALID_URL_ENDPOINT", () => {
    const opts = { urlEndpoint: withUser, src: "/a.jpg", transformation: [{ width: 10 }] };
    expect(v5BuildSrc({ ...opts })).toBe("https://user:pass@ik.imagekit.io/demo/a.jpg?tr=w-10");
    // Today: "https://ik.imagekit.io/demo/a.jpg?tr=w-10": the credentials are gone, the request gets a 401.
    expect([v5BuildSrc({ ...opts }), "INVALID_URL_ENDPOINT"]).toContain(urlOrCode(() => buildSrc(opts)));
  });

  it("url(): imagekit 6's URL, or INVALID_URL_ENDPOINT", () => {
    const imagekit6 = new ImageKit({ publicKey: "public", privateKey: "private", urlEndpoint: withUser });
    const expected = imagekit6.url({ path: "/a.jpg", transformation: [{ width: 10 }] });
    expect(expected).toBe("https://user:pass@ik.imagekit.io/demo/tr:w-10/a.jpg");
    const ours = urlOrCode(() => url({ urlEndpoint: withUser, path: "/a.jpg", transformation: [{ width: 10 }] }));
    expect([expected, "INVALID_URL_ENDPOINT"]).toContain(ours);
  });
});

describe("url() takes an http(s) src only, as buildSrc and every urlEndpoint do", () => {
  it.each([
    "javascript://%0aalert(document.domain)",
    "JAVASCRIPT://x/%0aalert(1)",
    "data://text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "ftp://x.io/a.jpg",
  ])("%s is INVALID_SRC", (src) => {
    // Today: returned as it is plus `?tr=w-10`; `javascript://%0aalert(…)` runs script from an <a href> (the `//`
    // starts a comment that the decoded newline ends). buildSrc already treats a non-http(s) src as a path.
    expect(urlOrCode(() => url({ src, transformation: [{ width: 10 }] }))).toBe("INVALID_SRC");
  });
});
