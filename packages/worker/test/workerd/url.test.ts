// @ikit/worker/url against the worker itself: every URL it builds is one the worker's handler accepts and turns into
// the transformation asked for (read back from the signed ImageKit URL it redirects to), and every value it refuses
// is one the worker refuses when written into the route by hand.
import { IkitError, parseUrl, type Transformation } from "@ikit/core";
import { describe, expect, it } from "vitest";
import type { ImageWorkerConfig } from "../../src/index.js";
import { workerImageAttributes, workerImageUrl, workerParams } from "../../src/url.js";
import { call, testWorker, upstream } from "./helpers.js";

const workerUrl = "https://shop.example";
const allow: ImageWorkerConfig["allow"] = {
  paths: ["/products/", "/media/"],
  widths: [1, 32, 64, 640, 10_000],
  heights: [48, 480],
  qualities: [1, 80, 100],
  dprs: [0.5, 1, 1.5, 2, 2.25],
};
const worker = testWorker({ mode: "redirect", allow });

/** The worker's answer to a URL of ours: its status, and the steps of the ImageKit URL it redirects to. */
async function served(url: string) {
  const response = await call(worker, url.slice(workerUrl.length));
  const location = response.headers.get("location");
  const parsed = location ? parseUrl(location, { urlEndpoint: upstream.urlEndpoint }) : undefined;
  return { status: response.status, path: parsed?.path, steps: parsed && (parsed.transformation ?? []) };
}

describe("URLs of @ikit/worker/url, served by the worker", () => {
  const accepted: Transformation[][] = [
    [],
    [{ width: 640 }],
    [{ width: 10_000, height: 480, quality: 80 }],
    [{ width: "64" as unknown as number }],
    [{ quality: 1, dpr: 1.5 }],
    [{ dpr: 2.25, format: "webp" }],
    [{ width: 32, crop: "maintain_ratio" }],
    [{ width: 32, crop: "at_max", format: "auto" }],
    [{ height: 48, crop: "force", format: "avif" }],
    [{ width: 64, height: 48, cropMode: "pad_resize", format: "png", quality: 100, dpr: 0.5 }],
    [{ format: "jpg" }],
  ];
  for (const transformation of accepted) {
    it(`serves ${JSON.stringify(transformation)} as asked`, async () => {
      const url = workerImageUrl({ workerUrl, path: "/products/red shoe.png", params: workerParams(transformation) });
      const { status, path, steps } = await served(url);
      expect(status, url).toBe(302);
      expect(path).toBe("/products/red%20shoe.png");
      const asked = transformation.map((step) =>
        Object.fromEntries(
          Object.entries(step).map(([key, value]) => [
            key,
            typeof value === "string" && /^\d/.test(value) ? Number(value) : value,
          ]),
        ),
      );
      expect(steps, url).toEqual(asked);
    });
  }

  it("serves a preset, at each density, and the srcset candidates of a signed image", async () => {
    const preset = await served(
      workerImageUrl({ workerUrl, path: "/media/a.png", preset: "thumb", params: { dpr: 2 } }),
    );
    expect(preset).toMatchObject({ status: 302, steps: [{ width: 48, height: 48, dpr: 2 }] });
    const { src, srcset = "" } = workerImageAttributes({
      workerUrl,
      path: "/media/a.png",
      width: 32,
      deviceBreakpoints: [640],
      imageBreakpoints: [32, 64],
      transformation: [{ quality: 80, format: "webp" }],
    });
    const urls = [src, ...srcset.split(", ").map((candidate) => candidate.split(" ")[0] as string)];
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      const { status, steps } = await served(url);
      expect(status, url).toBe(302);
      expect(steps?.[0]).toMatchObject({
        quality: 80,
        format: "webp",
        width: Number(new URL(url).searchParams.get("w")),
      });
    }
  });
});

describe("what @ikit/worker/url refuses, the worker refuses", () => {
  // Each: a transformation the builder refuses, and the same request written into the route by hand.
  const refused: [Transformation[], string][] = [
    [[{ width: 640.5 }], "?w=640.5"],
    [[{ width: 0 }], "?w=0"],
    [[{ width: -64 }], "?w=-64"],
    [[{ width: 1_000_000 }], "?w=1000000"],
    [[{ width: 1e21 }], "?w=1e%2B21"],
    [[{ width: "iw_div_2" }], "?w=iw_div_2"],
    [[{ height: 48.5 }], "?h=48.5"],
    [[{ quality: 80.5 }], "?q=80.5"],
    [[{ dpr: 2.255 }], "?dpr=2.255"],
    [[{ dpr: 10 }], "?dpr=10"],
    [[{ dpr: 0 }], "?dpr=0"],
    [[{ crop: "at_least" }], "?fit=at_least"],
    [[{ crop: "pad_resize" } as unknown as Transformation], "?fit=pad_resize"],
    [[{ format: "gif" } as unknown as Transformation], "?f=gif"],
    [[{ rotation: 90 }], "?rt=90"],
    [[{ blur: 10 }], "?bl=10"],
    [[{ width: 64 }, { rotation: 90 }], "?w=64&rt=90"],
  ];
  for (const [transformation, query] of refused) {
    it(`${JSON.stringify(transformation)}: an IkitError naming it, and a 4xx for /img/products/a.png${query}`, async () => {
      let error: unknown;
      try {
        workerParams(transformation);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(IkitError);
      expect((error as IkitError).code).toBe("INVALID_OPTIONS");
      const key = transformation.length > 1 ? "several steps" : Object.keys(transformation[0] ?? {})[0];
      expect((error as IkitError).message).toContain(key);
      const { status } = await served(`${workerUrl}/img/products/a.png${query}`);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    });
  }

  it("refuses a missing workerUrl, an absolute URL or an empty path, and a preset with a transformation", () => {
    const message = (build: () => unknown) => {
      try {
        build();
      } catch (error) {
        expect(error).toBeInstanceOf(IkitError);
        return (error as IkitError).message;
      }
      throw new Error("built a URL");
    };
    expect(message(() => workerImageUrl({ workerUrl: "", path: "/a.png" }))).toMatch(/set workerUrl/);
    expect(message(() => workerImageUrl({ workerUrl, path: "https://x.io/a.png" }))).toMatch(/pass its path/);
    expect(message(() => workerImageUrl({ workerUrl, path: "/" }))).toMatch(/pass its path/);
    expect(
      message(() =>
        workerImageAttributes({ workerUrl, path: "/a.png", preset: "thumb", transformation: [{ width: 32 }] }),
      ),
    ).toMatch(/a preset or a transformation/);
  });
});

describe("hostile input to @ikit/worker/url", () => {
  /** The error a build throws: always an IkitError with a code, never a TypeError or URIError. */
  const codeOf = (build: () => unknown) => {
    try {
      build();
    } catch (error) {
      expect(error).toBeInstanceOf(IkitError);
      return (error as IkitError).code;
    }
    throw new Error("built a URL");
  };

  it("keeps every path it accepts under the worker's origin and /img route", () => {
    const paths = [
      "/products/%2e%2e/%2E%2E/secret.png",
      "//evil.com/x.png",
      "/products\\..\\..\\secret.png",
      "/products/a?w=1#frag.png",
      "/products/a\u0000\r\n.png",
      `/products/${"a".repeat(5000)}.png`,
      "/products/\ud83d\ude00.png",
    ];
    for (const path of paths) {
      const url = new URL(workerImageUrl({ workerUrl: `${workerUrl}/base`, path, params: { w: 640 } }));
      expect(url.origin).toBe(workerUrl);
      expect(url.pathname, path).toMatch(/^\/base\/img\/(products|evil\.com)(\/|%5C)/);
      expect(url.search).toBe("?w=640");
      expect(url.hash).toBe("");
    }
  });

  it("refuses dot segments and lone surrogates in the path, preset and imagePath", () => {
    for (const path of ["/products/../../secret.png", "/products/./a.png", "..", "/a\ud800.png", "/\udc00"])
      expect(codeOf(() => workerImageUrl({ workerUrl, path }))).toBe("INVALID_OPTIONS");
    for (const preset of ["..", ".", "a/b", "\ud800"])
      expect(codeOf(() => workerImageUrl({ workerUrl, path: "/a.png", preset }))).toBe("INVALID_OPTIONS");
    expect(codeOf(() => workerImageUrl({ workerUrl, path: "/a.png", imagePath: "/img/.." }))).toBe("INVALID_OPTIONS");
    expect(codeOf(() => workerImageAttributes({ workerUrl, path: "/p/../../x.png", width: 100 }))).toBe(
      "INVALID_OPTIONS",
    );
  });

  it("refuses a workerUrl that is not an http(s) origin, and drops its trailing slashes", () => {
    for (const bad of [
      "javascript:alert(1)//",
      "images.example.com",
      "/relative",
      "https://shop.example/?a=1",
      "https://shop.example/#x",
      "https://user:pw@shop.example",
      "data:text/html,x",
    ])
      expect(codeOf(() => workerImageUrl({ workerUrl: bad, path: "/a.png" }))).toBe("INVALID_OPTIONS");
    expect(workerImageUrl({ workerUrl: `${workerUrl}///`, path: "/a.png" })).toBe(`${workerUrl}/img/a.png`);
  });

  it("refuses route parameters the worker cannot read: NaN, Infinity, negative, objects, unknown names", () => {
    const bad: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5, {}, [640], "640&x=1", 1e21];
    for (const w of bad)
      expect(codeOf(() => workerImageUrl({ workerUrl, path: "/a.png", params: { w: w as number } }))).toBe(
        "INVALID_VALUE",
      );
    for (const params of [{ dpr: 1.555 }, { dpr: 10 }, { fit: "__proto__" }, { fit: "toString" }, { f: "gif" }])
      expect(codeOf(() => workerImageUrl({ workerUrl, path: "/a.png", params: params as never }))).toBe(
        "INVALID_VALUE",
      );
    expect(codeOf(() => workerImageAttributes({ workerUrl, path: "/a.png", preset: "p", dprs: [1.555] }))).toBe(
      "INVALID_VALUE",
    );
  });

  it("refuses hostile transformation steps with an IkitError", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const steps: unknown[] = [
      [JSON.parse('{"__proto__": {"width": 1}}')],
      [{ crop: cycle }],
      [{ rotation: 10n }],
      [{ width: Number.NaN }],
      [{ width: Number.POSITIVE_INFINITY }],
      [{ width: -5 }],
      [{ width: { valueOf: () => 5 } }],
      [null],
      { width: 5 },
      null,
    ];
    for (const transformation of steps)
      expect(codeOf(() => workerParams(transformation as Transformation[]))).toBe("INVALID_OPTIONS");
  });
});
