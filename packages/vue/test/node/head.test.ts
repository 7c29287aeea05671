// The README's recipe for preloading <IkImage priority> with the standard head manager, @unhead/vue, rendered by
// @vue/server-renderer in plain Node: the link lands in the <head> and names the same candidates as the <img>.
import { useHead } from "@unhead/vue";
import { createHead, renderSSRHead } from "@unhead/vue/server";
import { renderToString } from "@vue/server-renderer";
import { describe, expect, it } from "vitest";
import { createSSRApp, h } from "vue";
import { IkImage, ImageKit } from "../../src/index.ts";

describe("<IkImage priority> with @unhead/vue", () => {
  it("puts the preload link in the head, with the img's srcset and sizes, and none for a lazy image", async () => {
    const head = createHead();
    const app = createSSRApp({
      render: () => [
        h(IkImage, {
          src: "/hero.jpg",
          sizes: "(max-width: 600px) 100vw, 50vw",
          width: 1200,
          height: 600,
          priority: true,
          alt: "Hero",
        }),
        h(IkImage, { src: "/card.jpg", width: 400, height: 300, alt: "Card" }),
      ],
    })
      .use(head)
      .use(ImageKit, { urlEndpoint: "https://ik.imagekit.io/demo", preload: (link) => useHead({ link: [link] }) });
    const body = await renderToString(app);
    const { headTags } = await renderSSRHead(head);

    const links = headTags.match(/<link [^>]*>/g) ?? [];
    expect(links).toHaveLength(1);
    const img = /<img [^>]*alt="Hero"[^>]*>/.exec(body)?.[0] ?? "";
    const srcset = /srcset="([^"]+)"/.exec(img)?.[1];
    expect(srcset).toContain("https://ik.imagekit.io/demo/hero.jpg?tr=w-");
    expect(links[0]).toContain('rel="preload"');
    expect(links[0]).toContain('as="image"');
    expect(links[0]).toContain(`imagesrcset="${srcset}"`);
    expect(links[0]).toContain('imagesizes="(max-width: 600px) 100vw, 50vw"');
    expect(links[0]).toContain('fetchpriority="high"');
    expect(links[0]).not.toContain("href=");
  });
});
