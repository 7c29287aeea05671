// Typed layers: every overlay kind, its placement, nested steps and the base64 encoding of its text.
import { describe, expect, it, vi } from "vitest";
import { buildTransformationString } from "../src/index.js";

describe("overlays", () => {
  it("base64-encodes the UTF-8 bytes of non-Latin text (v5 calls btoa and throws in browsers)", () => {
    const built = buildTransformationString([{ overlay: { type: "text", text: "日本 👋" } }]);
    const encoded = decodeURIComponent(/ie-([^,]+)/.exec(built)?.[1] ?? "");
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe("日本 👋");
  });

  it("without Buffer (a browser), base64-encodes the same UTF-8 bytes, a lone surrogate as U+FFFD", async () => {
    const texts = ["Größe 日本 👋", "Let's use ©, ®, ™", "half \ud83d of an emoji", "\udc4b", "ascii only"];
    const withBuffer = texts.map((text) => buildTransformationString([{ overlay: { type: "text", text } }]));
    vi.stubGlobal("Buffer", undefined);
    vi.resetModules();
    try {
      const browser = await import("../src/index.js");
      expect(texts.map((text) => browser.buildTransformationString([{ overlay: { type: "text", text } }]))).toEqual(
        withBuffer,
      );
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
    expect(withBuffer[2]).toBe(`l-text,ie-${encodeURIComponent(btoa("half \xef\xbf\xbd of an emoji"))},l-end`);
  });

  it("writes every layer kind with position, timing and nested steps", () => {
    expect(
      buildTransformationString([
        {
          overlay: {
            type: "video",
            input: "/clips/intro.mp4",
            position: { x: 10, anchorPoint: "top_left" },
            timing: { start: 2, duration: "idu_div_2" },
            transformation: [{ width: 200 }],
          },
        },
        {
          overlay: {
            type: "subtitle",
            input: "subs.srt",
            transformation: [{ color: "FFFFFF", fontOutline: "2_blue" }],
          },
        },
        {
          overlay: {
            type: "solidColor",
            color: "FF0000",
            layerMode: "multiply",
            transformation: [{ width: 50, alpha: 5 }],
          },
        },
      ]),
    ).toBe(
      "l-video,i-clips@@intro.mp4,lx-10,lap-top_left,lso-2,ldu-idu_div_2,w-200,l-end:" +
        "l-subtitles,i-subs.srt,co-FFFFFF,fol-2_blue,l-end:" +
        "l-image,i-ik_canvas,bg-FF0000,lm-multiply,w-50,al-5,l-end",
    );
  });
});
