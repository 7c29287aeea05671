// @vitest-environment node
// Importing and server-rendering everything with no DOM at all: a module that touched window, document or
// XMLHttpRequest on import or in render would throw here.
import { renderToString } from "react-dom/server";
import { expect, it } from "vitest";
import { Image, ImageKitProvider, UploadDropZone, useUpload, Video } from "../../src/index.js";

function Uploads() {
  const { add, status } = useUpload();
  return (
    <UploadDropZone onFiles={(files) => add(files)}>
      <output>{status}</output>
    </UploadDropZone>
  );
}

it("imports and renders on a server without browser globals", () => {
  expect(typeof window).toBe("undefined");
  expect(typeof document).toBe("undefined");
  const html = renderToString(
    <ImageKitProvider urlEndpoint="https://ik.imagekit.io/demo">
      <Image src="/a.jpg" width={100} height={100} alt="A" placeholder="blur" />
      <Video src="/v.mp4" controls />
      <Uploads />
    </ImageKitProvider>,
  );
  expect(html).toContain('src="https://ik.imagekit.io/demo/a.jpg?tr=w-256,c-at_max"');
  expect(html).toContain('src="https://ik.imagekit.io/demo/v.mp4"');
  expect(html).toContain('type="file"');
  expect(html).toContain("<output>idle</output>");
});

it("has React preload a priority image's srcset in the server render, and no lazy one", () => {
  const html = renderToString(
    <ImageKitProvider urlEndpoint="https://ik.imagekit.io/demo">
      <Image src="/hero.jpg" width={400} height={300} alt="Hero" priority />
      <Image src="/other.jpg" width={400} height={300} alt="Other" />
    </ImageKitProvider>,
  );
  const preloads = html.match(/<link rel="preload"[^>]*>/g) ?? [];
  expect(preloads).toHaveLength(1);
  expect(preloads[0]).toContain('imageSrcSet="https://ik.imagekit.io/demo/hero.jpg?tr=w-640,c-at_max 1x');
  expect(preloads[0]).toContain('fetchPriority="high"');
});
