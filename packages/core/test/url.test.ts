// url(): the Node.js SDK (imagekit 6) dialect, as the seed README documents it.
import { describe, expect, it } from "vitest";
import { url } from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

describe("the Node SDK dialect of url()", () => {
  it("reproduces the seed's documented outputs, including no double slash", () => {
    const endpoint = "https://ik.imagekit.io/your_imagekit_id/endpoint/";
    expect(
      url({
        urlEndpoint: endpoint,
        path: "/default-image.jpg",
        transformation: [{ height: 300, width: 400 }, { rotation: 90 }],
        transformationPosition: "query",
      }),
    ).toBe("https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=h-300%2Cw-400%3Art-90");
    expect(
      url({
        urlEndpoint,
        path: "/a.jpg",
        transformation: [{ width: "iw_div_4", height: "ih_div_2", border: "cw_mul_0.05_yellow" }],
      }),
    ).toBe("https://ik.imagekit.io/demo/tr:w-iw_div_4,h-ih_div_2,b-cw_mul_0.05_yellow/a.jpg");
  });

  it("keeps `..` in a path from climbing out of the endpoint", () => {
    expect(url({ urlEndpoint, path: "/../../secret.jpg" })).toBe("https://ik.imagekit.io/demo/secret.jpg");
  });

  it("keeps `..` in a transformation value from climbing out of the endpoint (onto another ImageKit ID)", () => {
    const endpoint = "https://ik.imagekit.io/demo/assets";
    expect(url({ urlEndpoint: endpoint, path: "/a.jpg", transformation: [{ width: "1/../../../x" }] })).toBe(
      "https://ik.imagekit.io/demo/assets/x/a.jpg",
    );
    expect(url({ urlEndpoint, path: "/a.jpg", transformation: [{ width: "a/%2e%2e/%2e%2e/evil" }] })).toBe(
      "https://ik.imagekit.io/demo/evil/a.jpg",
    );
  });

  it("writes the seed's names as imagekit 6 does: '-' bare, any other value appended, booleans included", () => {
    expect(
      url({
        urlEndpoint,
        path: "/a.jpg",
        transformation: [{ effectSharpen: "-", effectContrast: "1", effectGray: true, effectShadow: false }],
      }),
    ).toBe("https://ik.imagekit.io/demo/tr:e-sharpen,e-contrast-1,e-grayscale-true,e-shadow-false/a.jpg");
    expect(
      url({ urlEndpoint, path: "/a.jpg", transformation: [{ trim: "", defaultImage: false, ROTATE: 90 } as never] }),
    ).toBe("https://ik.imagekit.io/demo/tr:t-,di-false,rt-90/a.jpg");
  });

  it("keeps v5's rules for the names only v5 knows (imagekit 6 wrote those verbatim)", () => {
    expect(
      url({ urlEndpoint, path: "/a.jpg", transformation: [{ grayscale: true, aiRemoveBackground: false as never }] }),
    ).toBe("https://ik.imagekit.io/demo/tr:e-grayscale/a.jpg");
  });

  it("keeps the src URL's fragment and re-serialises its query as imagekit 6 does", () => {
    expect(url({ src: "https://ik.imagekit.io/demo/a.jpg?x=%20&y#top", transformation: [{ width: 100 }] })).toBe(
      "https://ik.imagekit.io/demo/a.jpg?x=+&y=&tr=w-100#top",
    );
  });
});
