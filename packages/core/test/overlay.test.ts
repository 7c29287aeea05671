// Typed layers: every overlay kind, its placement, nested steps and the base64 encoding of its text.
import { describe, expect, it } from "vitest";
import { buildTransformationString } from "../src/index.js";

describe("overlays", () => {
  it("base64-encodes the UTF-8 bytes of non-Latin text (v5 calls btoa and throws in browsers)", () => {
    const built = buildTransformationString([{ overlay: { type: "text", text: "日本 👋" } }]);
    const encoded = decodeURIComponent(/ie-([^,]+)/.exec(built)?.[1] ?? "");
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe("日本 👋");
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
