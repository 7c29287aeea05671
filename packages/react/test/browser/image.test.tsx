// <Image> in a real Chromium against the emulator's delivery: the browser picks a srcset candidate, the emulator
// transforms it, and the image decodes at the width asked for.
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, inject, it } from "vitest";
import { Image, ImageKitProvider } from "../../src/index.js";

const env = inject("react");

describe("<Image> in Chromium against the emulator", () => {
  it("loads a srcset candidate at the requested width, in the box width and height reserve", async () => {
    const [wide = "", tall = ""] = env.samples;
    render(
      <ImageKitProvider urlEndpoint={env.urlEndpoint}>
        <Image src={wide} width={300} height={200} alt="wide" priority />
        <Image
          src={tall}
          width={200}
          height={150}
          alt="cropped"
          transformation={[{ height: "ih_div_2", width: "iw", crop: "force" }]}
          placeholder="blur"
          priority
        />
      </ImageKitProvider>,
    );
    for (const alt of ["wide", "cropped"]) {
      const img = screen.getByAltText(alt) as HTMLImageElement;
      // The box is reserved before any byte arrives.
      expect(img.getBoundingClientRect().width).toBe(Number(img.getAttribute("width")));
      await waitFor(() => expect(img.complete && img.naturalWidth > 0).toBe(true), { timeout: 10_000 });
      const candidates = (img.srcset ?? "").split(", ").map((c) => c.split(" ")[0]);
      expect(candidates).toContain(img.currentSrc);
      const asked = Number(/w-(\d+),c-at_max/.exec(img.currentSrc)?.[1]);
      expect(img.naturalWidth).toBeLessThanOrEqual(asked);
      expect(img.naturalWidth).toBeGreaterThan(0);
    }
    const cropped = screen.getByAltText("cropped") as HTMLImageElement;
    // 600×900 with ih_div_2 forced: half as tall as the original's aspect, so wider than tall.
    expect(cropped.naturalWidth).toBeGreaterThan(cropped.naturalHeight);
    await waitFor(() => expect(cropped.style.backgroundImage).toBe(""));
  });
});
