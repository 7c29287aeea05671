import { getResponsiveImageAttributes, IkitError } from "@ikit/core";
import { type IKImageProps, type IKVideoProps, Image as OfficialImage, Video as OfficialVideo } from "@imagekit/vue";
import { cleanup, fireEvent, render, screen } from "@testing-library/vue";
import { afterEach, describe, expect, it } from "vitest";
import { type App, createApp, defineComponent, h, nextTick, ref } from "vue";
import {
  IkImage,
  IkVideo,
  ImageKit,
  type ImageKitOptions,
  ImageKitProvider,
  imageAttributes,
} from "../../src/index.ts";

const urlEndpoint = "https://ik.imagekit.io/demo";
const workerUrl = "https://images.example.com";

afterEach(cleanup);

/** Props and fallthrough attributes (alt, class, listeners) together, as a template writes them. */
const asProps = (props: Record<string, unknown>) => props as InstanceType<typeof IkImage>["$props"];

/** Renders one IkImage under the plugin and returns its <img>. */
function renderImage(props: Record<string, unknown>, options: ImageKitOptions = { urlEndpoint }) {
  render(IkImage, { props: asProps({ alt: "test image", ...props }), global: { plugins: [[ImageKit, options]] } });
  return screen.getByRole("img") as HTMLImageElement;
}

/** Vue's warnings while an app rendering one IkImage with `props` is set up by `run`. */
function warningsDuring(run: (app: App) => void, props: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  const app = createApp({ render: () => h(IkImage, asProps({ alt: "", ...props })) });
  app.config.warnHandler = (message) => warnings.push(message);
  run(app);
  return warnings;
}

describe("<IkImage> against @imagekit/vue's <Image>", () => {
  // Every prop of theirs under the same name; the URLs must be the same bytes.
  const cases: Record<string, unknown>[] = [
    { src: "/shoe.jpg" },
    { src: "/shoe.jpg", width: 400 },
    { src: "/shoe.jpg", width: "400" },
    { src: "/shoe.jpg", sizes: "(max-width: 600px) 50vw, 33vw" },
    { src: "/shoe.jpg", width: 300, transformation: [{ height: 200, focus: "auto" }, { rotation: 90 }] },
    { src: "/shoe.jpg", width: 300, transformationPosition: "path", queryParameters: { v: 2 } },
    { src: "/shoe.jpg", responsive: false, width: 250, transformation: [{ width: 250 }] },
    { src: "/a b/ü.png", deviceBreakpoints: [320, 1024], imageBreakpoints: [50, 100], sizes: "50vw" },
    { src: "https://other.example.com/x.jpg", width: 120 },
    { src: "/shoe.jpg", loading: "eager", width: 64 },
  ];
  for (const props of cases) {
    it(`renders the same src, srcset, sizes, width and loading for ${JSON.stringify(props)}`, () => {
      render(OfficialImage, { props: { urlEndpoint, alt: "theirs", ...props } as unknown as IKImageProps });
      // Some cases have no height: the layout warning is tested below, not here.
      render(IkImage, {
        props: asProps({ urlEndpoint, alt: "ours", ...props }),
        global: { config: { warnHandler: () => {} } },
      });
      const theirs = screen.getByAltText("theirs");
      const ours = screen.getByAltText("ours");
      for (const name of ["src", "srcset", "width", "loading"]) {
        expect(ours.getAttribute(name), name).toBe(theirs.getAttribute(name));
      }
      // Deliberate: a `w` srcset without `sizes` gets core's sizes="100vw" (theirs leaves it out; browsers assume
      // 100vw, so both pick the same candidate).
      const wDescriptors = /\d+w$/.test(theirs.getAttribute("srcset") ?? "");
      expect(ours.getAttribute("sizes")).toBe(theirs.getAttribute("sizes") ?? (wDescriptors ? "100vw" : null));
    });
  }

  it("renders what imageAttributes() computes for the same props, for markup the component does not write", () => {
    const props = { src: "/a.jpg", width: 300, height: 200, priority: true, placeholder: "blur" as const };
    const img = renderImage(props);
    const { placeholder, ...attrs } = imageAttributes({ urlEndpoint, ...props });
    for (const [name, value] of Object.entries(attrs)) expect(img.getAttribute(name), name).toBe(String(value));
    expect(img.style.backgroundImage).toBe(`url("${placeholder}")`);
  });

  it("passes other attributes and listeners through to the <img>, as theirs does", async () => {
    let clicks = 0;
    const img = renderImage({
      src: "/a.jpg",
      width: 10,
      height: 10,
      class: "hero",
      "data-x": "1",
      onClick: () => clicks++,
    });
    expect(img.className).toBe("hero");
    expect(img.dataset.x).toBe("1");
    await fireEvent.click(img);
    expect(clicks).toBe(1);
  });
});

describe("<IkImage> loading and layout", () => {
  it("is lazy and async by default, eager with high fetch priority for priority images", () => {
    const lazy = renderImage({ src: "/a.jpg", width: 10, height: 10 });
    expect([lazy.getAttribute("loading"), lazy.getAttribute("decoding"), lazy.getAttribute("fetchpriority")]).toEqual([
      "lazy",
      "async",
      null,
    ]);
    cleanup();
    const hero = renderImage({ src: "/a.jpg", width: 10, height: 10, priority: true, loading: "lazy" });
    expect([hero.getAttribute("loading"), hero.getAttribute("fetchpriority")]).toEqual(["eager", "high"]);
  });

  it("renders width and height from the props, else from the transformation's size or aspect ratio", () => {
    const sized = (props: Record<string, unknown>) => {
      cleanup();
      const img = renderImage({ src: "/a.jpg", ...props });
      return [img.getAttribute("width"), img.getAttribute("height")];
    };
    expect(sized({ width: 400, height: 300 })).toEqual(["400", "300"]);
    expect(sized({ transformation: [{ width: 640, height: 480 }] })).toEqual(["640", "480"]);
    expect(sized({ width: 320, transformation: [{ width: 640, height: 480 }] })).toEqual(["320", "240"]);
    expect(sized({ width: 300, transformation: [{ aspectRatio: "16-9" }] })).toEqual(["300", "169"]);
  });

  it("warns through Vue when neither props nor transformation give a height, and not otherwise", () => {
    const warnings = (props: Record<string, unknown>) =>
      warningsDuring((app) => app.use(ImageKit, { urlEndpoint }).mount(document.createElement("div")), props);
    expect(warnings({ src: "/no-size.jpg", width: 300 }).join("\n")).toContain(
      '<IkImage src="/no-size.jpg">: pass width and height',
    );
    expect(warnings({ src: "/sized.jpg", width: 300, height: 200 })).toEqual([]);
  });

  it("paints a tiny blurred version behind the image until it loads", async () => {
    const img = renderImage({ src: "/a.jpg", width: 400, height: 300, placeholder: "blur" });
    expect(img.style.backgroundImage).toBe(`url("${urlEndpoint}/a.jpg?tr=w-24,q-20,bl-10")`);
    expect(img.style.backgroundSize).toBe("cover");
    await fireEvent.load(img);
    expect(img.style.backgroundImage).toBe("");
  });

  it("takes the placeholder default from the plugin, and keeps the caller's own style", () => {
    const img = renderImage(
      { src: "/a.jpg", width: 4, height: 3, style: { borderRadius: "4px" } },
      { urlEndpoint, placeholder: "blur" },
    );
    expect(img.style.borderRadius).toBe("4px");
    expect(img.style.backgroundImage).toContain("bl-10");
  });

  it("throws core's MISSING_URL_ENDPOINT when no endpoint is set anywhere", () => {
    expect(() => render(IkImage, { props: { src: "/a.jpg", width: 1, height: 1 } })).toThrow(
      expect.objectContaining({ code: "MISSING_URL_ENDPOINT" }),
    );
  });
});

describe("options: plugin and provider", () => {
  it("uses the plugin's endpoint and position, a prop overriding them", () => {
    const img = renderImage(
      { src: "/a.jpg", width: 100, height: 100, transformation: [{ width: 100 }] },
      { urlEndpoint, transformationPosition: "path" },
    );
    expect(img.getAttribute("src")).toBe(`${urlEndpoint}/tr:w-100:w-256,c-at_max/a.jpg`);
    cleanup();
    const own = renderImage(
      { src: "/a.jpg", width: 100, height: 100, urlEndpoint: "https://ik.imagekit.io/other", responsive: false },
      { urlEndpoint },
    );
    expect(own.getAttribute("src")).toBe("https://ik.imagekit.io/other/a.jpg");
  });

  it("merges a provider over the plugin, and rebuilds the URLs when a provider prop changes", async () => {
    const endpoint = ref("https://ik.imagekit.io/one");
    const Page = defineComponent({
      render: () =>
        h(ImageKitProvider, { urlEndpoint: endpoint.value }, () =>
          h(IkImage, { src: "/a.jpg", width: 10, height: 10, responsive: false, alt: "provided" }),
        ),
    });
    render(Page, { global: { plugins: [[ImageKit, { urlEndpoint, transformationPosition: "path" }]] } });
    const img = screen.getByAltText("provided");
    expect(img.getAttribute("src")).toBe("https://ik.imagekit.io/one/a.jpg");
    endpoint.value = "https://ik.imagekit.io/two";
    await nextTick();
    expect(img.getAttribute("src")).toBe("https://ik.imagekit.io/two/a.jpg");
  });
});

describe("<IkImage signed>: URLs from the worker's /img route", () => {
  const signed = { urlEndpoint, workerUrl, signed: true } satisfies ImageKitOptions;

  it("offers the widths core would, as w= on the worker, with the same descriptors and sizes", () => {
    const img = renderImage({ src: "/private/report 1.jpg", width: 400, height: 300 }, signed);
    const unsigned = getResponsiveImageAttributes({ urlEndpoint, src: "/x", width: 400 });
    expect(unsigned.srcSet).toContain("w-640,c-at_max 1x");
    expect(img.getAttribute("srcset")).toBe(
      `${workerUrl}/img/private/report%201.jpg?w=640 1x, ${workerUrl}/img/private/report%201.jpg?w=828 2x`,
    );
    expect(img.getAttribute("src")).toBe(`${workerUrl}/img/private/report%201.jpg?w=828`);
    cleanup();
    const fluid = renderImage({ src: "/p/a.jpg", sizes: "50vw", height: 1, width: "100%" }, signed);
    expect(fluid.getAttribute("sizes")).toBe("50vw");
    expect(fluid.getAttribute("srcset")?.split(", ")[0]).toBe(`${workerUrl}/img/p/a.jpg?w=384 384w`);
  });

  it("maps the route's parameters from a one-step transformation", () => {
    const img = renderImage(
      {
        src: "/p/a.jpg",
        responsive: false,
        transformation: [{ width: 640, height: 480, quality: 80, crop: "at_max", format: "webp", dpr: 2 }],
      },
      signed,
    );
    expect(img.getAttribute("src")).toBe(`${workerUrl}/img/p/a.jpg?w=640&h=480&q=80&dpr=2&fit=contain&f=webp`);
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["640", "480"]);
  });

  it("serves a preset as /img/<preset>/<path>, with no query", () => {
    const img = renderImage({ src: "/p/a.jpg", preset: "thumb", width: 200, height: 200 }, signed);
    expect(img.getAttribute("src")).toBe(`${workerUrl}/img/thumb/p/a.jpg`);
    expect(img.getAttribute("srcset")).toBeNull();
  });

  it("offers a preset at the densities asked for, each as ?dpr=", () => {
    const img = renderImage({ src: "/p/a.jpg", preset: "card", dprs: [1, 2], width: 640, height: 360 }, signed);
    expect(img.getAttribute("src")).toBe(`${workerUrl}/img/card/p/a.jpg`);
    expect(img.getAttribute("srcset")).toBe(
      `${workerUrl}/img/card/p/a.jpg?dpr=1 1x, ${workerUrl}/img/card/p/a.jpg?dpr=2 2x`,
    );
  });

  it("draws the placeholder with the worker's placeholder preset when one is named", () => {
    const options = { ...signed, placeholder: "blur", placeholderPreset: "tiny" } satisfies ImageKitOptions;
    const img = renderImage({ src: "/p/a.jpg", width: 400, height: 300 }, options);
    expect(img.style.backgroundImage).toBe(`url("${workerUrl}/img/tiny/p/a.jpg")`);
    cleanup();
    const preset = renderImage({ src: "/p/a.jpg", preset: "card", width: 640, height: 360 }, options);
    expect(preset.style.backgroundImage).toBe(`url("${workerUrl}/img/tiny/p/a.jpg")`);
  });

  it("refuses what the route cannot express, naming the parameter", () => {
    const refused = (props: Record<string, unknown>, options: ImageKitOptions = signed) => {
      try {
        renderImage({ src: "/p/a.jpg", width: 1, height: 1, ...props }, options);
      } catch (error) {
        expect(error).toBeInstanceOf(IkitError);
        return `${(error as IkitError).code}: ${(error as IkitError).message}`;
      }
      throw new Error("rendered");
    };
    expect(refused({ transformation: [{ rotation: 90 }] })).toMatch(/^INVALID_OPTIONS: .*transformation rotation/);
    expect(refused({ transformation: [{ width: "iw_div_2" }] })).toMatch(/width must be a whole number/);
    expect(refused({ transformation: [{ width: 10 }, { height: 10 }] })).toMatch(/several steps/);
    expect(refused({ preset: "thumb", transformation: [{ width: 10 }] })).toMatch(/a preset or a transformation/);
    expect(refused({ src: "https://x.io/a.jpg" })).toMatch(/pass its path/);
    expect(refused({}, { urlEndpoint, signed: true })).toMatch(/set workerUrl to its origin/);
  });

  it("follows the worker's image path when it is not /img", () => {
    const img = renderImage(
      { src: "/p/a.jpg", preset: "thumb", width: 1, height: 1 },
      { ...signed, workerImagePath: "/images" },
    );
    expect(img.getAttribute("src")).toBe(`${workerUrl}/images/thumb/p/a.jpg`);
  });

  it("lets one image opt out of the plugin's signed default", () => {
    const img = renderImage({ src: "/a.jpg", width: 10, height: 10, signed: false, responsive: false }, signed);
    expect(img.getAttribute("src")).toBe(`${urlEndpoint}/a.jpg`);
  });

  it("uses the smallest offered width as the placeholder without a placeholder preset", () => {
    const img = renderImage({ src: "/p/a.jpg", width: 400, height: 300, placeholder: "blur" }, signed);
    expect(img.style.backgroundImage).toBe(`url("${workerUrl}/img/p/a.jpg?w=640")`);
  });
});

describe("<IkVideo> against @imagekit/vue's <Video>", () => {
  const cases: Record<string, unknown>[] = [
    { src: "/clips/intro.mp4" },
    { src: "/clips/intro.mp4", transformation: [{ width: 640, height: 360 }], queryParameters: { v: 3 } },
    { src: "/clips/intro.mp4", transformation: [{ width: 640 }], transformationPosition: "path" },
    { src: "https://other.example.com/x.mp4", transformation: [{ width: 320 }] },
  ];
  for (const props of cases) {
    it(`builds the same src for ${JSON.stringify(props)}, passing attributes through`, () => {
      render(OfficialVideo, { props: { urlEndpoint, "data-who": "theirs", ...props } as unknown as IKVideoProps });
      render(IkVideo, {
        props: { "data-who": "ours", controls: true, ...props } as unknown as { src: string },
        global: { plugins: [[ImageKit, { urlEndpoint }]] },
      });
      const [theirs, ours] = ["theirs", "ours"].map((who) => document.querySelector(`video[data-who="${who}"]`));
      expect(ours?.getAttribute("src")).toBe(theirs?.getAttribute("src"));
      expect(ours?.hasAttribute("controls")).toBe(true);
    });
  }
});
