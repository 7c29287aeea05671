// Server render with @vue/server-renderer, then hydration of that HTML in the "browser" (happy-dom): the client
// must adopt the server's nodes without a mismatch warning, for every component and mode.
import { renderToString } from "@vue/server-renderer";
import { describe, expect, it, vi } from "vitest";
import { type Component, createSSRApp, h } from "vue";
import { IkDropZone, IkImage, ImageKit, type ImageKitOptions, type ImagePreload } from "../../src/index.ts";

const options: ImageKitOptions = {
  urlEndpoint: "https://ik.imagekit.io/demo",
  workerUrl: "https://images.example.com",
  placeholder: "blur",
};

const Page: Component = {
  render: () =>
    h("main", [
      h(IkImage, { src: "/hero.jpg", width: 1200, height: 600, priority: true, alt: "Hero" }),
      h(IkImage, {
        src: "/card.jpg",
        sizes: "(max-width: 600px) 100vw, 33vw",
        transformation: [{ width: 600, height: 400 }],
        alt: "Card",
      }),
      h(IkImage, { src: "/private/report.jpg", signed: true, width: 400, height: 300, alt: "Report" }),
      h(IkDropZone, { accept: "image/*" }),
    ]),
};

/** Server HTML for `Page`, hydrated on a client app built with `client` options; returns Vue's warnings. */
async function hydrate(client: ImageKitOptions) {
  const html = await renderToString(createSSRApp(Page).use(ImageKit, options));
  const container = document.createElement("div");
  container.innerHTML = html;
  const serverNodes = [...container.querySelectorAll("img, input, button")];
  const warnings: string[] = [];
  const app = createSSRApp(Page).use(ImageKit, client);
  app.config.warnHandler = (message) => warnings.push(message);
  app.mount(container);
  return { html, container, serverNodes, warnings, app };
}

describe("server render and hydration", () => {
  it("renders every attribute on the server, with the placeholder and the drop zone's ids", async () => {
    const { html } = await hydrate(options);
    expect(html).toContain('loading="eager"');
    expect(html).toContain('fetchpriority="high"');
    expect(html).toContain('srcset="https://images.example.com/img/private/report.jpg?w=640 1x');
    expect(html).toContain('width="600" height="400"');
    expect(html).toMatch(
      /style="background-image:url\(&quot;https:\/\/ik\.imagekit\.io\/demo\/hero\.jpg\?tr=w-24,q-20,bl-10&quot;\)/,
    );
    expect(html).toMatch(/<input id="[^"]+-input" type="file"/);
  });

  it("hydrates without a mismatch and adopts the server's nodes", async () => {
    const { container, serverNodes, warnings, app } = await hydrate(options);
    expect(warnings).toEqual([]);
    expect([...container.querySelectorAll("img, input, button")]).toEqual(serverNodes);
    // Hydrated, not just left alone: the client's listener takes the placeholder away on load.
    const hero = container.querySelector("img") as HTMLImageElement;
    hero.dispatchEvent(new Event("load"));
    await Promise.resolve();
    expect(hero.style.backgroundImage).toBe("");
    app.unmount();
  });

  it("reports a mismatch through app.config.warnHandler when the client renders other URLs", async () => {
    const summary = vi.spyOn(console, "error").mockImplementation(() => {});
    const { warnings, app } = await hydrate({ ...options, urlEndpoint: "https://ik.imagekit.io/elsewhere" });
    expect(warnings.join("\n")).toMatch(/Hydration attribute mismatch/);
    expect(summary).toHaveBeenCalledWith("Hydration completed but contains mismatches.");
    summary.mockRestore();
    app.unmount();
  });

  it("hands the plugin's preload the link of each priority image on the server (the img's own candidates), never in the browser", async () => {
    const Hero: Component = {
      render: () => [
        h(IkImage, { src: "/hero.jpg", width: 1200, height: 600, priority: true, alt: "Hero" }),
        // Written as camelCase props, which Vue passes through as they are.
        h(IkImage, {
          src: "/banner.jpg",
          sizes: "50vw",
          width: 800,
          height: 200,
          priority: true,
          alt: "Banner",
          crossOrigin: "use-credentials",
          referrerPolicy: "origin",
        }),
        h(IkImage, {
          src: "/fixed.jpg",
          responsive: false,
          width: 80,
          height: 80,
          priority: true,
          alt: "Fixed",
          crossorigin: "anonymous",
          referrerpolicy: "no-referrer",
        }),
        h(IkImage, { src: "/card.jpg", width: 400, height: 300, alt: "Card" }),
      ],
    };
    const links: ImagePreload[] = [];
    const html = await renderToString(
      createSSRApp(Hero).use(ImageKit, { ...options, preload: (link) => links.push(link) }),
    );
    const container = document.createElement("div");
    container.innerHTML = html;
    const [hero, banner, fixed] = [...container.querySelectorAll("img")];
    expect(links).toEqual([
      { rel: "preload", as: "image", imagesrcset: hero?.getAttribute("srcset"), fetchpriority: "high" },
      {
        rel: "preload",
        as: "image",
        imagesrcset: banner?.getAttribute("srcset"),
        imagesizes: "50vw",
        fetchpriority: "high",
        crossorigin: "use-credentials",
        referrerpolicy: "origin",
      },
      // The img's CORS mode and referrer policy too, or the browser would not reuse the preload.
      {
        rel: "preload",
        as: "image",
        href: fixed?.getAttribute("src"),
        fetchpriority: "high",
        crossorigin: fixed?.getAttribute("crossorigin"),
        referrerpolicy: "no-referrer",
      },
    ]);
    expect(fixed?.getAttribute("crossorigin")).toBe("anonymous");
    expect(banner?.getAttribute("crossorigin")).toBe("use-credentials");
    expect(links[0]).toHaveProperty(
      "imagesrcset",
      expect.stringMatching(/^https:\/\/ik\.imagekit\.io\/demo\/hero\.jpg\?tr=w-1200,c-at_max 1x, /),
    );

    const preload = vi.fn();
    const warnings: string[] = [];
    const app = createSSRApp(Hero).use(ImageKit, { ...options, preload });
    app.config.warnHandler = (message) => warnings.push(message);
    app.mount(container);
    expect(preload).not.toHaveBeenCalled();
    expect(warnings).toEqual([]);
    app.unmount();
  });
});
