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
