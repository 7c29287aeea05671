// The loaders as next/image calls them: rendered by next's own <Image> under renderToString (no Next server).
import NextImage from "next/image";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createImageKitLoader, createWorkerLoader } from "../../src/next.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

describe("next/image loaders", () => {
  it("build ImageKit URLs with next's width and quality after the configured steps", () => {
    const loader = createImageKitLoader({
      urlEndpoint,
      transformation: [{ rotation: 90 }],
      transformationPosition: "path",
    });
    expect(loader({ src: "/a.jpg", width: 640, quality: 75 })).toBe(`${urlEndpoint}/tr:rt-90:w-640,q-75/a.jpg`);
    expect(loader({ src: "/a.jpg", width: 640 })).toBe(`${urlEndpoint}/tr:rt-90:w-640/a.jpg`);
  });

  it("build the worker's /img URLs", () => {
    const loader = createWorkerLoader({ workerUrl: "https://img.example.com", format: "auto" });
    expect(loader({ src: "/private/a.jpg", width: 640, quality: 80 })).toBe(
      "https://img.example.com/img/private/a.jpg?w=640&q=80&f=auto",
    );
  });

  it("give next's <Image> its src and srcset", () => {
    const html = renderToString(
      <NextImage loader={createImageKitLoader({ urlEndpoint })} src="/hero.jpg" width={400} height={300} alt="Hero" />,
    );
    expect(html).toContain(`src="${urlEndpoint}/hero.jpg?tr=w-828"`);
    expect(html).toContain(`srcSet="${urlEndpoint}/hero.jpg?tr=w-640 1x, ${urlEndpoint}/hero.jpg?tr=w-828 2x"`);
    const withQuality = renderToString(
      <NextImage
        loader={createImageKitLoader({ urlEndpoint })}
        src="/hero.jpg"
        width={400}
        height={300}
        alt=""
        quality={60}
      />,
    );
    expect(withQuality).toContain(`src="${urlEndpoint}/hero.jpg?tr=w-828,q-60"`);
  });
});
