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

  it("writes the seed's effect names: '-' bare, other values appended, false left out", () => {
    expect(
      url({
        urlEndpoint,
        path: "/a.jpg",
        transformation: [{ effectSharpen: "-", effectContrast: "1", effectGray: true, effectShadow: false } as never],
      }),
    ).toBe("https://ik.imagekit.io/demo/tr:e-sharpen,e-contrast-1,e-grayscale/a.jpg");
  });
});
