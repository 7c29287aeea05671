// Every row of the core README's divergence tables, as it is written there: the official package's output and ours
// for the same input. If an official package or ours changes, this fails and the README gets updated with it.
import { buildSrc as v5BuildSrc, getResponsiveImageAttributes as v5Responsive } from "@imagekit/javascript";
import ImageKitNode from "@imagekit/nodejs";
import ImageKit from "imagekit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSrc, getResponsiveImageAttributes, IkitError, signUrlSync, url } from "../src/index.js";

const privateKey = "private_key";
const E = "https://ik.imagekit.io/demo";
const imagekit6 = new ImageKit({ publicKey: "public_key", privateKey, urlEndpoint: E });
const nodeV7 = new ImageKitNode({ privateKey });

/** The URL, or `throws <code or message>`. */
function result(build: () => string): string {
  try {
    return build();
  } catch (error) {
    return `throws ${error instanceof IkitError ? error.code : (error as Error).message}`;
  }
}

type Options = Record<string, unknown>;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: 1_700_000_000_000 });
  // v5 logs the error of a URL it cannot build before returning "".
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("url() and imagekit 6", () => {
  it.each<[string, Options, string, string]>([
    ["runs of slashes", { urlEndpoint: `${E}/`, path: "/a.jpg" }, `${E}//a.jpg`, `${E}/a.jpg`],
    [
      "a backslash next to a slash in the path",
      { urlEndpoint: E, path: "/a.jpg", transformation: [{ width: "10\\" }] },
      `${E}/tr:w-10//a.jpg`,
      `${E}/tr:w-10/a.jpg`,
    ],
    ["a path without a leading slash", { urlEndpoint: E, path: "a.jpg" }, `${E}a.jpg`, `${E}/a.jpg`],
    ["`..` above the endpoint", { urlEndpoint: E, path: "/../a.jpg" }, "https://ik.imagekit.io/a.jpg", `${E}/a.jpg`],
    [
      "`..` over the transformation",
      { urlEndpoint: E, path: "/x/../../a.jpg", transformation: [{ width: 100 }] },
      `${E}/a.jpg`,
      `${E}/tr:w-100/a.jpg`,
    ],
    [
      "an empty step",
      { urlEndpoint: E, path: "/a.jpg", transformation: [{ width: 100 }, {}] },
      `${E}/tr:w-100:/a.jpg`,
      `${E}/tr:w-100/a.jpg`,
    ],
    [
      "names only v5 knows, and a layer",
      {
        urlEndpoint: E,
        path: "/a.jpg",
        transformation: [{ xCenter: 10, grayscale: true, overlay: { type: "text", text: "Hi" } }],
      },
      `${E}/tr:xCenter-10,grayscale-true,overlay-[object%20Object]/a.jpg`,
      `${E}/tr:xc-10,e-grayscale,l-text,i-Hi,l-end/a.jpg`,
    ],
    [
      "an Object.prototype name",
      { urlEndpoint: E, path: "/a.jpg", transformation: [{ toString: 5 }] },
      `${E}/tr:function%20toString()%20%7B%20[native%20code]%20%7D-5/a.jpg`,
      `${E}/tr:toString-5/a.jpg`,
    ],
    [
      "a raw of -",
      { urlEndpoint: E, path: "/a.jpg", transformation: [{ raw: "-" }] },
      `${E}/tr:raw/a.jpg`,
      `${E}/tr:-/a.jpg`,
    ],
    [
      "an endpoint with a query",
      { urlEndpoint: `${E}?v=1`, path: "/a.jpg" },
      `${E}/a.jpg?v=1`,
      "throws INVALID_URL_ENDPOINT",
    ],
    [
      "path and src",
      { urlEndpoint: E, path: "/a.jpg", src: "https://x.io/b.jpg" },
      `${E}/a.jpg`,
      "throws PATH_AND_SRC",
    ],
  ])("%s", (_, options, theirs, ours) => {
    expect(imagekit6.url(structuredClone(options) as never)).toBe(theirs);
    expect(result(() => url(options as never))).toBe(ours);
  });

  it("Node 20's parser leaves dot segments after a `.b` segment; ours resolves them", () => {
    const options = { urlEndpoint: E, path: "/a/.b/../c.jpg" };
    expect(imagekit6.url(options)).toBe(`${E}/a/.b/../c.jpg`);
    expect(url(options)).toBe(`${E}/a/c.jpg`);
  });

  it("signs as ImageKit checks: the parsed endpoint, no fragment, a valid expiry", () => {
    const sign = (options: Options, extra: Options = {}) =>
      result(() =>
        signUrlSync(url(options as never), {
          urlEndpoint: options.urlEndpoint as string,
          privateKey,
          ...(extra as { expireSeconds?: number }),
        }),
      );
    const signed = (options: Options, extra: Options = {}) =>
      imagekit6.url({ ...options, signed: true, ...extra } as never);
    const upper = { urlEndpoint: "https://IK.imagekit.io/demo", path: "/a.jpg" };
    expect(signed(upper)).toBe(`${E}/a.jpg?ik-s=971df79947c3190566bb08cfa23b33dc44cd86e4`);
    expect(sign(upper)).toBe(`${E}/a.jpg?ik-s=bde079ba2114779b5e285a49a81a7e6512b1c424`);
    expect(sign({ urlEndpoint: E, path: "/a.jpg" })).toBe(`${E}/a.jpg?ik-s=bde079ba2114779b5e285a49a81a7e6512b1c424`);
    const outside = { urlEndpoint: E, src: "https://x.io/a.jpg" };
    expect(signed(outside)).toMatch(/^https:\/\/x\.io\/a\.jpg\?ik-s=/);
    expect(sign(outside)).toBe("throws URL_NOT_UNDER_ENDPOINT");
    const fragment = { urlEndpoint: E, src: `${E}/a.jpg#top` };
    expect(signed(fragment)).toBe(`${E}/a.jpg?ik-s=76d88a07861300a419882114f5d80a91c36b4c80#top`);
    expect(sign(fragment)).toBe(`${E}/a.jpg?ik-s=bde079ba2114779b5e285a49a81a7e6512b1c424#top`);
    const path = { urlEndpoint: E, path: "/a.jpg" };
    expect(signed(path, { expireSeconds: -5 })).toContain("ik-t=1699999995&");
    expect(signed(path, { expireSeconds: Number.NaN })).not.toContain("ik-t=");
    expect(signed(path, { expireSeconds: "300" })).toContain("ik-t=1700000300&");
    for (const expireSeconds of [-5, Number.NaN, Number.POSITIVE_INFINITY, "300"]) {
      expect(sign(path, { expireSeconds })).toBe("throws INVALID_EXPIRY");
    }
  });
});

describe("buildSrc and v5, node-v7", () => {
  it.each<[string, Options, string, string, string]>([
    [
      "color",
      { urlEndpoint: E, src: "/a.srt", transformation: [{ color: "red" }] },
      `${E}/a.srt?tr=color-red`,
      `${E}/a.srt?tr=co-red`,
      `${E}/a.srt?tr=co-red`,
    ],
    [
      "defaultImage given a number",
      { urlEndpoint: E, src: "/a.jpg", transformation: [{ defaultImage: 5 }] },
      "throws value.replace is not a function",
      "throws value.replace is not a function",
      `${E}/a.jpg?tr=di-5`,
    ],
    [
      "an Object.prototype name",
      { urlEndpoint: E, src: "/a.jpg", transformation: [{ constructor: "x" }] },
      `${E}/a.jpg?tr=function Object() { [native code] }-x`,
      `${E}/a.jpg?tr=function Object() { [native code] }-x`,
      `${E}/a.jpg?tr=constructor-x`,
    ],
    [
      "a layer of an unknown type",
      {
        urlEndpoint: E,
        src: "/a.jpg",
        transformation: [{ overlay: { type: "shape", input: "x", layerMode: "multiply" } }],
      },
      `${E}/a.jpg?tr=lm-multiply,l-end`,
      `${E}/a.jpg?tr=lm-multiply,l-end`,
      `${E}/a.jpg`,
    ],
    [
      "a non-ASCII endpoint",
      { urlEndpoint: "https://ik.imagekit.io/ü", src: "/a.jpg" },
      "https://ik.imagekit.io/%C3%BC/%C3%BC/a.jpg",
      "https://ik.imagekit.io/%C3%BC/a.jpg",
      "https://ik.imagekit.io/%C3%BC/a.jpg",
    ],
    [
      "an endpoint whose path occurs in its host",
      { urlEndpoint: "https://test.io/test", src: "/a.jpg" },
      "https://.io/test/test/a.jpg",
      "https://test.io/test/a.jpg",
      "https://test.io/test/a.jpg",
    ],
    ["no endpoint", { urlEndpoint: "", src: "/a.jpg" }, "", "", "throws MISSING_URL_ENDPOINT"],
    [
      "an endpoint with a query",
      { urlEndpoint: `${E}?v=1`, src: "/a.jpg" },
      `${E}/?v=1/a.jpg`,
      `${E}/a.jpg?v=1`,
      "throws INVALID_URL_ENDPOINT",
    ],
    [
      "a fragment and a transformation in the query",
      { urlEndpoint: E, src: "https://x.io/a.jpg#top", transformation: [{ width: 100 }] },
      "https://x.io/a.jpg#top?tr=w-100",
      "https://x.io/a.jpg#top?tr=w-100",
      "https://x.io/a.jpg?tr=w-100#top",
    ],
    [
      "dot segments Node 20's parser leaves",
      { urlEndpoint: E, src: "/a/.b/../c.jpg" },
      `${E}/a/.b/../c.jpg`,
      `${E}/a/.b/../c.jpg`,
      `${E}/a/c.jpg`,
    ],
    [
      "density and layerMode",
      { urlEndpoint: E, src: "/a.svg", transformation: [{ density: 300, layerMode: "multiply" }] },
      `${E}/a.svg?tr=dn-300,lm-multiply`,
      `${E}/a.svg?tr=density-300,layerMode-multiply`,
      `${E}/a.svg?tr=dn-300,lm-multiply`,
    ],
    [
      "anchorPoint and focus",
      {
        urlEndpoint: E,
        src: "/a.jpg",
        transformation: [{ overlay: { type: "text", text: "Hi", position: { anchorPoint: "top", focus: "left" } } }],
      },
      `${E}/a.jpg?tr=l-text,i-Hi,lap-top,lfo-left,l-end`,
      `${E}/a.jpg?tr=l-text,i-Hi,lfo-left,lap-top,l-end`,
      `${E}/a.jpg?tr=l-text,i-Hi,lap-top,lfo-left,l-end`,
    ],
    [
      "a transformation in the path that needs escaping",
      { urlEndpoint: E, src: "/a.jpg", transformationPosition: "path", transformation: [{ width: "ü", raw: "x y" }] },
      `${E}/tr:w-%C3%BC,x%20y/a.jpg`,
      `${E}/tr:w-ü,x y/a.jpg`,
      `${E}/tr:w-%C3%BC,x%20y/a.jpg`,
    ],
    [
      "`?` in a relative src",
      { urlEndpoint: E, src: "/a.jpg?v=1" },
      `${E}/a.jpg?v=1`,
      `${E}/a.jpg%3Fv=1`,
      `${E}/a.jpg?v=1`,
    ],
    [
      "`..` in a relative src",
      { urlEndpoint: E, src: "/../a.jpg" },
      `${E}/a.jpg`,
      "https://ik.imagekit.io/a.jpg",
      `${E}/a.jpg`,
    ],
    [
      "runs of slashes in an absolute src",
      { urlEndpoint: E, src: "https://x.io/a//b.jpg" },
      "https://x.io/a/b.jpg",
      "https://x.io/a//b.jpg",
      "https://x.io/a/b.jpg",
    ],
    [
      "`$&` in the transformation",
      { urlEndpoint: E, src: "/a.jpg", transformation: [{ raw: "x$&y" }] },
      `${E}/a.jpg?tr=x$&y`,
      `${E}/a.jpg?tr=xPLEASEREPLACEJUSTBEFORESIGNy`,
      `${E}/a.jpg?tr=x$&y`,
    ],
  ])("%s", (_, options, v5, nodeV7Url, ours) => {
    expect(result(() => v5BuildSrc(structuredClone(options) as never))).toBe(v5);
    expect(result(() => nodeV7.helper.buildSrc(structuredClone(options) as never))).toBe(nodeV7Url);
    expect(result(() => buildSrc(options as never))).toBe(ours);
  });

  it.each<[string, Options, string, string]>([
    [
      "a fragment",
      { urlEndpoint: E, src: `${E}/a.jpg#top` },
      `${E}/a.jpg#top?ik-s=76d88a07861300a419882114f5d80a91c36b4c80`,
      `${E}/a.jpg?ik-s=bde079ba2114779b5e285a49a81a7e6512b1c424#top`,
    ],
    [
      "non-ASCII in the transformation",
      { urlEndpoint: E, src: "/a.jpg", transformation: [{ raw: "l-text,i-ü,l-end" }] },
      `${E}/a.jpg?tr=l-text,i-ü,l-end&ik-s=8128df0da01e8328e85cb63a09c8a625c3ac43f4`,
      `${E}/a.jpg?tr=l-text,i-%C3%BC,l-end&ik-s=4ddac456015874b7e6ec4bb8c1ffa1db873360d3`,
    ],
    [
      "`#` in the transformation",
      { urlEndpoint: E, src: "/a.jpg", transformation: [{ raw: "x#y" }] },
      `${E}/a.jpg?tr=x#y&ik-s=82ba8386ed45598118e6ee94dbebd4eb5bfb66c1`,
      `${E}/a.jpg?tr=x&ik-s=2272f8bc6e968fcb9300f485ba280f4714bd8912#y`,
    ],
    [
      "a bare `?`",
      { urlEndpoint: E, src: `${E}/a.jpg?` },
      `${E}/a.jpg??ik-s=a9522153a5008b7d00111c57960eaf86c05c7171`,
      `${E}/a.jpg?&ik-s=a9522153a5008b7d00111c57960eaf86c05c7171`,
    ],
  ])("signed, %s", (_, options, nodeV7Url, ours) => {
    expect(nodeV7.helper.buildSrc({ ...structuredClone(options), signed: true } as never)).toBe(nodeV7Url);
    expect(signUrlSync(buildSrc(options as never), { urlEndpoint: E, privateKey })).toBe(ours);
  });
});

describe("getResponsiveImageAttributes and v5", () => {
  /** The attributes as JSON, or `throws <code>`. */
  const attributes = (build: () => unknown) => result(() => JSON.stringify(build()));

  it.each<[string, Options, string, string]>([
    [
      "no src",
      { urlEndpoint: E, src: "", width: 100 },
      '{"src":"","srcSet":" 1x,  2x","width":100}',
      '{"src":"","width":100}',
    ],
    [
      "a NaN breakpoint",
      { urlEndpoint: E, src: "/a.jpg", deviceBreakpoints: [Number.NaN, 640] },
      `{"src":"${E}/a.jpg?tr=w-640,c-at_max","srcSet":"${E}/a.jpg?tr=w-NaN,c-at_max NaNw, ${E}/a.jpg?tr=w-640,c-at_max 640w","sizes":"100vw"}`,
      "throws INVALID_VALUE",
    ],
  ])("%s", (_, options, v5, ours) => {
    expect(attributes(() => v5Responsive(structuredClone(options) as never))).toBe(v5);
    expect(attributes(() => getResponsiveImageAttributes(structuredClone(options) as never))).toBe(ours);
  });
});
