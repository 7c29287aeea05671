// Focused behaviour of @ikit/core beyond the official vectors: typed errors, strict mode, expressions, overlays,
// parseUrl, and signatures and webhooks checked against ImageKit's official Node packages.
import { createHmac } from "node:crypto";
import ImageKitNode from "@imagekit/nodejs";
import ImageKitLegacy from "imagekit";
import { describe, expect, it, vi } from "vitest";
import {
  buildSrc,
  buildTransformationString,
  div,
  IkitError,
  isExpression,
  mul,
  parseUrl,
  pHashDistance,
  signUrl,
  signUrlSync,
  sub,
  url,
  validateTransformation,
  verifyStandardWebhook,
} from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";
const privateKey = "private_key_test";

function errorOf(run: () => unknown): IkitError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IkitError);
    return error as IkitError;
  }
  throw new Error("expected an IkitError");
}

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
    ["no src", () => buildSrc({ urlEndpoint, src: "" }), "MISSING_SOURCE"],
    ["both path and src", () => url({ urlEndpoint, path: "/a.jpg", src: `${urlEndpoint}/a.jpg` }), "PATH_AND_SRC"],
    ["neither path nor src", () => url({ urlEndpoint }), "MISSING_SOURCE"],
    ["a relative src in url()", () => url({ src: "/a.jpg" }), "INVALID_SRC"],
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

describe("the Node SDK dialect of url()", () => {
  it("reproduces the seed's documented outputs, including no double slash", () => {
    const endpoint = "https://ik.imagekit.io/your_imagekit_id/endpoint/";
    expect(
      url({
        urlEndpoint: endpoint,
        path: "/default-image.jpg",
        transformation: [{ height: 300, width: 400 }, { rotation: 90 }],
        transformationPosition: "query",
      }),
    ).toBe("https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=h-300%2Cw-400%3Art-90");
    expect(
      url({
        urlEndpoint,
        path: "/a.jpg",
        transformation: [{ width: "iw_div_4", height: "ih_div_2", border: "cw_mul_0.05_yellow" }],
      }),
    ).toBe("https://ik.imagekit.io/demo/tr:w-iw_div_4,h-ih_div_2,b-cw_mul_0.05_yellow/a.jpg");
  });

  it("keeps `..` in a path from climbing out of the endpoint", () => {
    expect(url({ urlEndpoint, path: "/../../secret.jpg" })).toBe("https://ik.imagekit.io/demo/secret.jpg");
  });

  it("writes the seed's effect names: '-' bare, other values appended, false left out", () => {
    expect(
      url({
        urlEndpoint,
        path: "/a.jpg",
        transformation: [{ effectSharpen: "-", effectContrast: "1", effectGray: true, effectShadow: false } as never],
      }),
    ).toBe("https://ik.imagekit.io/demo/tr:e-sharpen,e-contrast-1,e-grayscale/a.jpg");
  });
});

describe("overlays", () => {
  it("base64-encodes the UTF-8 bytes of non-Latin text (v5 calls btoa and throws in browsers)", () => {
    const built = buildTransformationString([{ overlay: { type: "text", text: "日本 👋" } }]);
    const encoded = decodeURIComponent(/ie-([^,]+)/.exec(built)?.[1] ?? "");
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe("日本 👋");
  });

  it("writes every layer kind with position, timing and nested steps", () => {
    expect(
      buildTransformationString([
        {
          overlay: {
            type: "video",
            input: "/clips/intro.mp4",
            position: { x: 10, anchorPoint: "top_left" },
            timing: { start: 2, duration: "idu_div_2" },
            transformation: [{ width: 200 }],
          },
        },
        {
          overlay: {
            type: "subtitle",
            input: "subs.srt",
            transformation: [{ color: "FFFFFF", fontOutline: "2_blue" }],
          },
        },
        {
          overlay: {
            type: "solidColor",
            color: "FF0000",
            layerMode: "multiply",
            transformation: [{ width: 50, alpha: 5 }],
          },
        },
      ]),
    ).toBe(
      "l-video,i-clips@@intro.mp4,lx-10,lap-top_left,lso-2,ldu-idu_div_2,w-200,l-end:" +
        "l-subtitles,i-subs.srt,co-FFFFFF,fol-2_blue,l-end:" +
        "l-image,i-ik_canvas,bg-FF0000,lm-multiply,w-50,al-5,l-end",
    );
  });
});

describe("expressions", () => {
  it("builds and checks arithmetic expressions", () => {
    expect(div("iw", 4)).toBe("iw_div_4");
    expect(sub("ch", 20)).toBe("ch_sub_20");
    expect(mul("bw", 0.5)).toBe("bw_mul_0.5");
    expect(mul(div("ih", 2), 3)).toBe("ih_div_2_mul_3");
    expect(isExpression("ih_mul_0.8_add_iw_mul_0.4")).toBe(true);
    expect(isExpression("iw_divide_4")).toBe(false);
    expect(isExpression("zz_div_2")).toBe(false);
    expect(errorOf(() => div("iw", -1)).code).toBe("INVALID_EXPRESSION");
    expect(errorOf(() => div("nope" as never, 2)).code).toBe("INVALID_EXPRESSION");
  });
});

describe("strict mode", () => {
  it("is off by default, as permissive as ImageKit's SDKs", () => {
    expect(buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ widht: 300 } as never] })).toBe(
      "https://ik.imagekit.io/demo/a.jpg?tr=widht-300",
    );
  });

  it.each([
    [[{ widht: 300 }], "UNKNOWN_PARAMETER", 'transformation[0]: unknown transformation parameter "widht"'],
    [
      [{ width: 100 }, { quality: 150 }],
      "INVALID_VALUE",
      "transformation[1].quality (q): expected a number from 1 to 100, got 150",
    ],
    [
      [{ width: "iw_divide_4" }],
      "INVALID_VALUE",
      "transformation[0].width (w): expected a number or an arithmetic expression",
    ],
    [[{ height: "ih_div_x_mul_2" }], "INVALID_EXPRESSION", "transformation[0].height (h)"],
    [[{ crop: "fit" }], "INVALID_VALUE", "transformation[0].crop (c): expected one of"],
    [[{ overlay: { type: "text", text: "" } }], "INVALID_VALUE", "transformation[0].overlay.text"],
    [
      [{ overlay: { type: "image", input: "/a.png", position: { x: "lots" } } }],
      "INVALID_VALUE",
      "transformation[0].overlay.position.x",
    ],
    [
      [{ overlay: { type: "image", input: "/a.png", transformation: [{ blur: 0 }] } }],
      "INVALID_VALUE",
      "transformation[0].overlay.transformation[0].blur (bl)",
    ],
  ])("rejects %j with %s naming the step and key", (steps, code, message) => {
    for (const run of [
      () => buildSrc({ urlEndpoint, src: "/a.jpg", transformation: steps as never, strict: true }),
      () => url({ urlEndpoint, path: "/a.jpg", transformation: steps as never, strict: true }),
      () => validateTransformation(steps as never),
    ]) {
      const error = errorOf(run);
      expect(error.code).toBe(code);
      expect(error.message).toContain(message);
    }
  });

  it("accepts valid steps, expressions, raw codes and the seed's names in url()", () => {
    const transformation = [
      { width: div("iw", 4), height: 300, quality: 80, dpr: "auto", rotation: "N90", raw: "l-text,i-x,l-end" },
    ];
    expect(() => buildSrc({ urlEndpoint, src: "/a.jpg", transformation, strict: true })).not.toThrow();
    expect(() =>
      url({ urlEndpoint, path: "/a.jpg", transformation: [{ effectSharpen: "-", rotate: 90 }], strict: true }),
    ).not.toThrow();
  });
});

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

describe("pHashDistance", () => {
  it("counts differing bits, and rejects non-hex or unequal hashes", () => {
    expect(pHashDistance("f06830ca9f1e3e90", "f06830ca9f1e3e90")).toBe(0);
    expect(pHashDistance("a4a65595ac94518b", "7838873e791f8400")).toBe(37);
    expect(errorOf(() => pHashDistance("xyz", "abc")).code).toBe("INVALID_PHASH");
    expect(errorOf(() => pHashDistance("abcd", "abc")).code).toBe("INVALID_PHASH");
    expect(errorOf(() => pHashDistance("", "abc")).code).toBe("INVALID_PHASH");
  });
});

describe("agreement with the official Node packages", () => {
  const client = new ImageKitNode({ privateKey });

  it("signs like @imagekit/nodejs helper.buildSrc (signed, with and without expiry)", async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    try {
      for (const [src, expiresIn] of [
        ["/a b/é.jpg", 0],
        ["/x.jpg", 600],
      ] as const) {
        const options = { urlEndpoint, src, transformation: [{ width: 300 }], transformationPosition: "path" as const };
        const theirs = client.helper.buildSrc({ ...options, signed: true, expiresIn });
        const ours = await signUrl(buildSrc(options), {
          urlEndpoint,
          privateKey,
          expireSeconds: expiresIn,
          now: Date.now(),
        });
        expect(ours).toBe(theirs);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("signs non-ASCII URLs like the Node SDK (imagekit v6) url({ signed: true })", () => {
    const legacy = new ImageKitLegacy({ publicKey: "pub", privateKey, urlEndpoint });
    const options = { path: "/aéb/test_é.jpg", transformation: [{ raw: "l-text,i-Imagekité,fs-50,l-end" }] };
    const theirs = legacy.url({ ...options, signed: true });
    const ours = signUrlSync(url({ urlEndpoint, ...options }), { urlEndpoint, privateKey });
    expect(ours.slice(ours.indexOf("ik-s="))).toBe(theirs.slice(theirs.indexOf("ik-s=")));
  });

  it("verifies Standard Webhooks signed as @imagekit/nodejs webhooks.unwrap expects", async () => {
    const secret = "whsec_test_secret_1234";
    const body = JSON.stringify({ type: "file.created", id: "evt_1", data: { fileId: "f1" } });
    const id = "msg_1";
    const seconds = Math.floor(Date.now() / 1000);
    const signature = createHmac("sha256", Buffer.from(secret, "utf8"))
      .update(`${id}.${seconds}.${body}`)
      .digest("base64");
    const headers = { "webhook-id": id, "webhook-timestamp": String(seconds), "webhook-signature": `v1,${signature}` };
    expect(new ImageKitNode({ privateKey, webhookSecret: secret }).webhooks.unwrap(body, { headers })).toEqual(
      JSON.parse(body),
    );
    const ours = await verifyStandardWebhook(body, headers, secret);
    expect(ours.event).toEqual(JSON.parse(body));
    await expect(verifyStandardWebhook(body, headers, `${secret}x`)).rejects.toMatchObject({
      code: "WEBHOOK_SIGNATURE_MISMATCH",
    });
  });

  it("imports the CryptoKey once per private key", async () => {
    const spy = vi.spyOn(crypto.subtle, "importKey");
    const key = `fresh_key_${Math.random()}`;
    for (let i = 0; i < 5; i++) await signUrl(`${urlEndpoint}/a${i}.jpg`, { urlEndpoint, privateKey: key });
    expect(spy.mock.calls.filter((call) => call[0] === "raw").length).toBe(1);
    spy.mockRestore();
  });
});
