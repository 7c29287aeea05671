// Chromium: what the loading defaults mean in a real browser. A lazy image far below the fold is not requested
// until it is scrolled near; a priority image is requested at once with high fetch priority; the reserved box has
// the image's size before any byte arrives.

import { upload } from "@ikit/upload";
import { afterEach, describe, expect, inject, it } from "vitest";
import { type App, createApp, h } from "vue";
import { IkImage, ImageKit } from "../../src/index.ts";
import { photo } from "../support/photo.ts";

const urlEndpoint = inject("vueUrlEndpoint");
const env = inject("upload");
let app: App | undefined;

afterEach(() => {
  app?.unmount();
  document.body.replaceChildren();
});

/** Uploads a small PNG straight to the emulator and returns its path. */
async function storedImage(name: string): Promise<string> {
  const result = await upload(await photo(name, 320, 240), {
    fileName: name,
    folder: "/loading",
    publicKey: env.publicKey,
    endpoint: env.uploadUrl,
    authenticator: async () => (await fetch(env.authUrl)).json(),
  });
  return result.filePath ?? "";
}

const requested = (url: string) => performance.getEntriesByName(url, "resource").length > 0;

describe("loading in Chromium", () => {
  it("defers a lazy image below the fold until it is scrolled near, and fetches a priority one at once", async () => {
    const [hero, below] = await Promise.all([storedImage("hero.png"), storedImage("below.png")]);
    app = createApp({
      render: () => [
        h(IkImage, { src: hero, width: 320, height: 240, priority: true, alt: "hero" }),
        h("div", { style: { height: "20000px" } }),
        h(IkImage, { src: below, width: 320, height: 240, alt: "below" }),
      ],
    }).use(ImageKit, { urlEndpoint });
    const root = document.createElement("div");
    document.body.append(root);
    app.mount(root);
    const [heroImg, belowImg] = [...document.querySelectorAll("img")] as HTMLImageElement[];
    if (!heroImg || !belowImg) throw new Error("images not rendered");

    // Space is reserved from the attributes alone, before either image has loaded.
    expect([belowImg.getBoundingClientRect().width, belowImg.getBoundingClientRect().height]).toEqual([320, 240]);
    await expect.poll(() => heroImg.complete && heroImg.naturalWidth, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(heroImg.getAttribute("fetchpriority")).toBe("high");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requested(belowImg.currentSrc || (belowImg.getAttribute("src") ?? ""))).toBe(false);
    expect(belowImg.complete && belowImg.naturalWidth > 0).toBe(false);

    belowImg.scrollIntoView();
    await expect.poll(() => belowImg.complete && belowImg.naturalWidth, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(requested(belowImg.currentSrc)).toBe(true);
  });
});
