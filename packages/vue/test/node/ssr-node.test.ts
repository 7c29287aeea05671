// The built package in plain Node: importing it must not touch `window` or `document` (there are none here), and
// @vue/server-renderer must render every component.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { renderToString } from "@vue/server-renderer";
import { describe, expect, it } from "vitest";
import { createSSRApp, defineComponent, h } from "vue";

const dist = resolve(import.meta.dirname, "../../dist/index.js");

describe("the built @ikit/vue on a server", () => {
  it("imports and renders without a DOM", async () => {
    expect(existsSync(dist), "dist/index.js is missing: build first (pnpm --filter @ikit/vue run build)").toBe(true);
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    const { IkImage, IkDropZone, ImageKit, ImageKitProvider, useUpload } = await import(dist);
    const Uploader = defineComponent({
      setup() {
        const { status, progress } = useUpload();
        return () => h("p", `${status.value} ${progress.value.fraction}`);
      },
    });
    const html = await renderToString(
      createSSRApp({
        render: () => [
          h(IkImage, { src: "/a.jpg", width: 300, height: 200, alt: "A" }),
          h(ImageKitProvider, { workerUrl: "https://images.example.com", signed: true }, () =>
            h(IkImage, { src: "/p/b.jpg", width: 300, height: 200, alt: "B" }),
          ),
          h(IkDropZone),
          h(Uploader),
        ],
      }).use(ImageKit, { urlEndpoint: "https://ik.imagekit.io/demo", publicKey: "public_x" }),
    );
    expect(html).toContain('src="https://ik.imagekit.io/demo/a.jpg?tr=w-640,c-at_max"');
    expect(html).toContain('src="https://images.example.com/img/p/b.jpg?w=640"');
    expect(html).toContain('type="file"');
    expect(html).toContain("<p>idle 0</p>");
  });
});
