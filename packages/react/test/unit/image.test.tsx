import { IkitError } from "@ikit/core";
import { Image as TheirImage, ImageKitProvider as TheirProvider } from "@imagekit/react";
import { fireEvent, render, screen } from "@testing-library/react";
import type { ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Image, ImageKitProvider } from "../../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

afterEach(() => {
  vi.restoreAllMocks();
});
const workerUrl = "https://img.example.com";

/** The attributes of the one `<img>` in some static markup. */
function imgOf(markup: string): Record<string, string> {
  const template = document.createElement("template");
  template.innerHTML = markup;
  const img = template.content.querySelector("img");
  if (!img) throw new Error(`no <img> in ${markup}`);
  return Object.fromEntries([...img.attributes].map((a) => [a.name, a.value]));
}

// @imagekit/react 5.0.3's props, unchanged: each must give the same URLs from ours.
const CASES: ComponentProps<typeof TheirImage>[] = [
  { src: "/hero.jpg", alt: "" },
  { src: "/hero.jpg", alt: "", width: 400 },
  { src: "/hero.jpg", alt: "", width: "300" },
  { src: "/hero.jpg", alt: "", sizes: "(max-width: 600px) 50vw, 33vw" },
  { src: "/a b/ü.png", alt: "", width: 100, transformation: [{ height: "ih_div_2", crop: "at_least" }] },
  { src: "/hero.jpg", alt: "", transformationPosition: "path", transformation: [{ rotation: 90 }], width: 640 },
  {
    src: "/hero.jpg",
    alt: "",
    queryParameters: { v: 2 },
    width: 50,
    deviceBreakpoints: [320, 1000],
    imageBreakpoints: [40],
  },
  { src: "/hero.jpg", alt: "", responsive: false, transformation: [{ width: 300 }] },
  { src: "https://example.com/remote.jpg", alt: "", urlEndpoint: "https://ik.imagekit.io/other", width: 200 },
  {
    src: "/hero.jpg",
    alt: "",
    width: 300,
    transformation: [{ overlay: { type: "text", text: "Grüße", position: { x: 10, y: "bh_mul_0.8" } } }],
  },
  { src: "/hero.jpg", alt: "A hero", className: "wide", loading: "eager", height: 200, width: 300 },
];

describe("<Image> beside @imagekit/react 5.0.3", () => {
  it.each(CASES.map((props, i) => [i, props] as const))(
    "case %i: same src, srcset, sizes and attributes",
    (_, props) => {
      const theirs = imgOf(
        renderToStaticMarkup(
          <TheirProvider urlEndpoint={urlEndpoint}>
            <TheirImage {...props} />
          </TheirProvider>,
        ),
      );
      const ours = imgOf(
        renderToStaticMarkup(
          <ImageKitProvider urlEndpoint={urlEndpoint}>
            <Image {...props} />
          </ImageKitProvider>,
        ),
      );
      expect(theirs.src).toMatch(/^https:/);
      const { decoding, sizes, ...rest } = ours;
      expect(decoding).toBe("async");
      // Theirs leaves `sizes` out when a w-descriptor srcset has no sizes prop; core writes the browser's default.
      expect(sizes).toBe(
        theirs.sizes ?? (theirs.srcset?.includes("w,") || theirs.srcset?.endsWith("w") ? "100vw" : undefined),
      );
      const { sizes: _theirSizes, ...theirRest } = theirs;
      // Ours also renders the width a transformation step gives when the props do not, so the box is reserved.
      const sized = props.width === undefined && props.transformation?.find((step) => typeof step.width === "number");
      expect(rest).toEqual({ ...theirRest, ...(sized && { width: String(sized.width) }) });
    },
  );
});

describe("<Image>", () => {
  it("renders width and height, lazy loading and async decoding by default", () => {
    render(<Image urlEndpoint={urlEndpoint} src="/a.jpg" width={400} height={300} alt="A" />);
    const img = screen.getByAltText("A");
    expect(img).toHaveAttribute("width", "400");
    expect(img).toHaveAttribute("height", "300");
    expect(img).toHaveAttribute("loading", "lazy");
    expect(img).toHaveAttribute("decoding", "async");
    expect(img).not.toHaveAttribute("fetchpriority");
    expect(img.getAttribute("srcset")).toBe(
      `${urlEndpoint}/a.jpg?tr=w-640,c-at_max 1x, ${urlEndpoint}/a.jpg?tr=w-828,c-at_max 2x`,
    );
  });

  it("derives width and height from the transformation when the props do not give them, and warns when unknown", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    render(
      <>
        <Image urlEndpoint={urlEndpoint} src="/a.jpg" alt="both" transformation={[{ width: 400, height: 300 }]} />
        <Image
          urlEndpoint={urlEndpoint}
          src="/a.jpg"
          alt="ratio"
          width={400}
          transformation={[{ aspectRatio: "16-9" }]}
        />
        <Image
          urlEndpoint={urlEndpoint}
          src="/a.jpg"
          alt="props win"
          width="300"
          height={80}
          transformation={[{ width: 400, height: 300 }]}
        />
      </>,
    );
    const size = (alt: string) => ["width", "height"].map((name) => screen.getByAltText(alt).getAttribute(name));
    expect(size("both")).toEqual(["400", "300"]);
    expect(size("ratio")).toEqual(["400", "225"]);
    expect(size("props win")).toEqual(["300", "80"]);
    expect(warn).not.toHaveBeenCalled();
    render(<Image urlEndpoint={urlEndpoint} src="/unsized.jpg" width={400} alt="unsized" />);
    expect(size("unsized")).toEqual(["400", null]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unsized\.jpg.*pass width and height.*page shifts/));
  });

  it("loads priority images eagerly with high fetch priority", () => {
    render(<Image urlEndpoint={urlEndpoint} src="/a.jpg" width={400} height={300} alt="A" priority />);
    const img = screen.getByAltText("A");
    expect(img).toHaveAttribute("loading", "eager");
    expect(img).toHaveAttribute("fetchpriority", "high");
  });

  it("lets explicit loading, decoding and fetchPriority win over the defaults", () => {
    render(
      <Image
        urlEndpoint={urlEndpoint}
        src="/a.jpg"
        alt="A"
        priority
        loading="lazy"
        decoding="sync"
        fetchPriority="low"
      />,
    );
    const img = screen.getByAltText("A");
    expect(img).toHaveAttribute("loading", "lazy");
    expect(img).toHaveAttribute("decoding", "sync");
    expect(img).toHaveAttribute("fetchpriority", "low");
  });

  it("shows a tiny blurred version as the background until the image loads, then removes it", () => {
    render(
      <Image
        urlEndpoint={urlEndpoint}
        src="/a.jpg"
        width={400}
        height={300}
        alt="A"
        placeholder="blur"
        transformation={[{ rotation: 90 }]}
        style={{ borderRadius: 4 }}
      />,
    );
    const img = screen.getByAltText("A");
    expect(img.style.backgroundImage).toBe(`url("${urlEndpoint}/a.jpg?tr=rt-90:w-32,q-20,bl-20")`);
    expect(img.style.backgroundSize).toBe("cover");
    expect(img.style.borderRadius).toBe("4px");
    fireEvent.load(img);
    expect(img.style.backgroundImage).toBe("");
    expect(img.style.borderRadius).toBe("4px");
  });

  it("calls the caller's onLoad and ref", () => {
    const loads: string[] = [];
    let node: HTMLImageElement | null = null;
    render(
      <Image
        urlEndpoint={urlEndpoint}
        src="/a.jpg"
        alt="A"
        onLoad={(event) => loads.push(event.currentTarget.alt)}
        ref={(el) => {
          node = el;
        }}
      />,
    );
    fireEvent.load(screen.getByAltText("A"));
    expect(loads).toEqual(["A"]);
    expect(node).toBe(screen.getByAltText("A"));
  });

  it("takes urlEndpoint and transformationPosition from the nearest provider, props winning", () => {
    render(
      <ImageKitProvider urlEndpoint="https://ik.imagekit.io/outer" transformationPosition="path">
        <ImageKitProvider urlEndpoint={urlEndpoint}>
          <Image src="/a.jpg" alt="inner" responsive={false} transformation={[{ width: 10 }]} />
          <Image
            src="/a.jpg"
            alt="prop"
            responsive={false}
            transformationPosition="query"
            transformation={[{ width: 10 }]}
          />
        </ImageKitProvider>
      </ImageKitProvider>,
    );
    expect(screen.getByAltText("inner")).toHaveAttribute("src", `${urlEndpoint}/tr:w-10/a.jpg`);
    expect(screen.getByAltText("prop")).toHaveAttribute("src", `${urlEndpoint}/a.jpg?tr=w-10`);
  });

  it("uses the provider's breakpoints", () => {
    render(
      <ImageKitProvider urlEndpoint={urlEndpoint} deviceBreakpoints={[500, 1000]} imageBreakpoints={[]}>
        <Image src="/a.jpg" alt="A" />
      </ImageKitProvider>,
    );
    expect(screen.getByAltText("A").getAttribute("srcset")).toBe(
      `${urlEndpoint}/a.jpg?tr=w-500,c-at_max 500w, ${urlEndpoint}/a.jpg?tr=w-1000,c-at_max 1000w`,
    );
  });

  it("throws core's MISSING_URL_ENDPOINT for a relative src without an endpoint (theirs renders nothing)", () => {
    expect(() => renderToStaticMarkup(<Image src="/a.jpg" alt="" />)).toThrow(
      expect.objectContaining({ constructor: IkitError, code: "MISSING_URL_ENDPOINT" }),
    );
  });

  it("renders no src attribute for an empty src, as React warns about src=''", () => {
    const html = renderToStaticMarkup(<Image urlEndpoint={urlEndpoint} src="" alt="none" />);
    expect(imgOf(html).src).toBeUndefined();
  });
});

describe("<Image signed>", () => {
  it("takes its URLs from the worker's /img route, with the widths an unsigned image would get", () => {
    render(
      <ImageKitProvider urlEndpoint={urlEndpoint} workerUrl={workerUrl}>
        <Image src="/private/a b.jpg" width={400} height={300} alt="signed" signed />
        <Image src="/private/a b.jpg" width={400} height={300} alt="plain" />
      </ImageKitProvider>,
    );
    const signed = screen.getByAltText("signed");
    expect(signed).toHaveAttribute("src", `${workerUrl}/img/private/a%20b.jpg?w=828`);
    expect(signed).toHaveAttribute(
      "srcset",
      `${workerUrl}/img/private/a%20b.jpg?w=640 1x, ${workerUrl}/img/private/a%20b.jpg?w=828 2x`,
    );
    const widths = (img: HTMLElement) =>
      [...(img.getAttribute("srcset") ?? "").matchAll(/w[=-](\d+)/g)].map((m) => m[1]);
    expect(widths(signed)).toEqual(widths(screen.getByAltText("plain")));
    for (const attribute of ["src", "srcset"]) expect(signed.getAttribute(attribute)).not.toMatch(/ik-s|ik-t|tr[:=]/);
  });

  it("maps a one-step transformation onto the route's parameters, in the worker's order", () => {
    render(
      <>
        <Image
          workerUrl={`${workerUrl}/`}
          src="/p/a.jpg"
          width={400}
          height={200}
          alt="A"
          signed
          transformation={[{ quality: 80, format: "auto", crop: "maintain_ratio" }]}
        />
        <Image
          workerUrl={workerUrl}
          src="/p/a.jpg"
          alt="fixed"
          signed
          responsive={false}
          transformation={[{ format: "auto", crop: "maintain_ratio", quality: 80, height: 200, width: 400 }]}
        />
      </>,
    );
    // Responsive: each candidate sets its own width, so a height would have to be in allow.heights at every width.
    expect(screen.getByAltText("A")).toHaveAttribute("src", `${workerUrl}/img/p/a.jpg?w=828&q=80&fit=cover&f=auto`);
    const fixed = screen.getByAltText("fixed");
    expect(fixed).toHaveAttribute("src", `${workerUrl}/img/p/a.jpg?w=400&h=200&q=80&fit=cover&f=auto`);
    // No width or height props: both from the transformation, so the box is reserved.
    expect([fixed.getAttribute("width"), fixed.getAttribute("height")]).toEqual(["400", "200"]);
  });

  it("uses a preset route, with dpr candidates only when asked, and the provider's image path", () => {
    render(
      <ImageKitProvider workerUrl={workerUrl} workerImagePath="/images/">
        <Image src="/p/a.jpg" width={200} height={200} alt="one" signed preset="thumb" />
        <Image src="/p/a.jpg" width={200} height={200} alt="dprs" signed preset="thumb" dprs={[1, 2]} />
      </ImageKitProvider>,
    );
    const one = screen.getByAltText("one");
    expect(one).toHaveAttribute("src", `${workerUrl}/images/thumb/p/a.jpg`);
    expect(one).not.toHaveAttribute("srcset");
    expect(screen.getByAltText("dprs")).toHaveAttribute(
      "srcset",
      `${workerUrl}/images/thumb/p/a.jpg?dpr=1 1x, ${workerUrl}/images/thumb/p/a.jpg?dpr=2 2x`,
    );
  });

  it("takes its blur placeholder from a worker preset, else the smallest candidate (the route cannot blur)", () => {
    render(
      <ImageKitProvider workerUrl={workerUrl}>
        <Image src="/p/a.jpg" alt="preset" placeholder="blur" signed placeholderPreset="blur" />
        <Image src="/p/a.jpg" alt="smallest" placeholder="blur" signed />
        <Image src="/p/a.jpg" alt="none" signed />
      </ImageKitProvider>,
    );
    expect(screen.getByAltText("preset").style.backgroundImage).toBe(`url("${workerUrl}/img/blur/p/a.jpg")`);
    expect(screen.getByAltText("smallest").style.backgroundImage).toBe(`url("${workerUrl}/img/p/a.jpg?w=640")`);
    expect(screen.getByAltText("none").style.backgroundImage).toBe("");
  });

  it.each([
    [<Image key="a" src="/a.jpg" alt="" signed />, /set workerUrl to its origin/],
    [<Image key="b" workerUrl={workerUrl} src="https://x.example/a.jpg" alt="" signed />, /pass its path/],
    [
      <Image key="c" workerUrl={workerUrl} src="/a.jpg" alt="" signed transformation={[{ rotation: 90 }]} />,
      /transformation rotation \(90\) has no equivalent on the route/,
    ],
    [
      <Image key="d" workerUrl={workerUrl} src="/a.jpg" alt="" signed transformation={[{ width: "iw_div_2" }]} />,
      /width must be a whole number/,
    ],
    [
      <Image key="e" workerUrl={workerUrl} src="/a.jpg" alt="" signed preset="p" transformation={[{ width: 5 }]} />,
      /a preset or a transformation, not both/,
    ],
  ])("refuses a configuration it cannot serve: %#", (element, message) => {
    expect(() => renderToStaticMarkup(element)).toThrow(
      expect.objectContaining({
        constructor: IkitError,
        code: "INVALID_OPTIONS",
        message: expect.stringMatching(message),
      }),
    );
  });

  it("answers hostile props with an IkitError or a URL on the configured origin, never a TypeError", () => {
    const cases: Array<Record<string, unknown>> = [
      { src: "/a.jpg", transformation: { width: 5 } },
      { src: "/a.jpg", transformation: { width: 5 }, placeholder: "blur" },
      { src: "/a.jpg", transformation: [null, { width: 5 }], placeholder: "blur" },
      { src: "/a.jpg", signed: true, transformation: { width: 5 } },
      { src: "/p/../../x.jpg", signed: true },
      { src: "//evil.example/x.jpg", signed: true },
      { src: "javascript:alert(1)", signed: true },
      { src: "/a\ud800.jpg", signed: true },
      { src: "/a.jpg", signed: true, workerUrl: "javascript:alert(1)//" },
      { src: "/a.jpg", signed: true, transformation: [{ width: Number.NaN }] },
      { src: "/a.jpg", signed: true, transformation: [{ crop: 10n }] },
    ];
    for (const props of cases) {
      let html = "";
      try {
        html = renderToStaticMarkup(
          <ImageKitProvider urlEndpoint={urlEndpoint} workerUrl={workerUrl}>
            <Image alt="" {...(props as unknown as ComponentProps<typeof Image>)} />
          </ImageKitProvider>,
        );
      } catch (error) {
        expect(
          error,
          JSON.stringify(props, (_, v) => (typeof v === "bigint" ? `${v}n` : v)),
        ).toBeInstanceOf(IkitError);
        continue;
      }
      for (const [, url = ""] of html.matchAll(/(?:src|srcSet)="([^" ]+)/g))
        expect(new URL(url).origin).toBe(new URL(props.signed ? workerUrl : urlEndpoint).origin);
    }
  });
});
