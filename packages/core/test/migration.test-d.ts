// Migration type tests, checked by `tsc` (the package's typecheck script, part of `pnpm run ci` and so `npm test`):
// code written against @imagekit/javascript v5's types, or the seed README's imagekit 6 `url()`, compiles against
// ours after changing only the import; our option types and v5's assign to each other both ways.
import type * as v5 from "@imagekit/javascript";
import {
  buildSrc,
  buildTransformationString,
  type GetImageAttributesOptions,
  getResponsiveImageAttributes,
  type LegacyTransformation,
  type Overlay,
  type ResponsiveImageAttributes,
  type SolidColorOverlayTransformation,
  type SrcOptions,
  type SubtitleOverlayTransformation,
  type TextOverlayTransformation,
  type Transformation,
  type UrlOptions,
  url,
} from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/your_imagekit_id";

// ---- v5 code, unchanged but for the import ------------------------------------------------------------------------

const options: SrcOptions = {
  urlEndpoint,
  src: "/default-image.jpg",
  transformation: [
    { width: 400, height: 300, crop: "maintain_ratio_no_enlarge", focus: "auto" },
    { cropMode: "pad_extract_no_shrink", background: "FFFFFF", density: "300" },
    { cropMode: "pad_resize_no_enlarge", density: 72, streamingResolutions: ["360", "720"] },
  ],
  transformationPosition: "path",
  queryParameters: { v: 2, ref: "home" },
};
// v5's option types are mutable: code builds them up step by step.
options.transformation?.push({ rotation: 90 }, { aiRemoveBackground: true });
options.transformation?.[0]?.streamingResolutions?.push("1080");
if (options.queryParameters) options.queryParameters.v = 3;
options.src = "/other.jpg";
buildSrc(options);

const layered: Transformation[] = [
  {
    overlay: {
      type: "text",
      text: "Hello",
      position: { x: 10, y: "bh_mul_0.8", anchorPoint: "top_left", focus: "center" },
      timing: { start: 2, duration: "idu_div_2" },
      transformation: [{ fontSize: 40, fontColor: "FF0000", typography: "b_i", innerAlignment: "center", padding: 10 }],
    },
  },
  {
    overlay: {
      type: "subtitle",
      input: "/subs.srt",
      encoding: "base64",
      transformation: [{ color: "FFFFFF", typography: "b", fontSize: 20, fontOutline: "2_blue" }],
    },
  },
  {
    overlay: {
      type: "solidColor",
      color: "FF0000",
      layerMode: "multiply",
      transformation: [{ width: 50, height: "bh_div_2", alpha: 5, gradient: true }],
    },
  },
  { overlay: { type: "image", input: "/logo.png", transformation: [{ width: 100, grayscale: true }] } },
  { overlay: { type: "video", input: "/intro.mp4", transformation: [{ startOffset: 2 }] } },
];
buildTransformationString(layered);

const responsive: GetImageAttributesOptions = {
  urlEndpoint,
  src: "/hero.jpg",
  sizes: "(min-width: 768px) 50vw, 100vw",
};
responsive.deviceBreakpoints = [640, 1080];
responsive.deviceBreakpoints.push(1920);
responsive.imageBreakpoints = [16, 32];
const attributes: ResponsiveImageAttributes = getResponsiveImageAttributes(responsive);
const srcSet: string | undefined = attributes.srcSet;

// ---- both ways with v5's own types -----------------------------------------------------------------------------

const sameSrcOptions = [(o: v5.SrcOptions): SrcOptions => o, (o: SrcOptions): v5.SrcOptions => o];
const sameTransformation = [(t: v5.Transformation): Transformation => t, (t: Transformation): v5.Transformation => t];
// v5's index exports its layer types only through Transformation["overlay"].
type V5Overlay = NonNullable<v5.Transformation["overlay"]>;
type V5Steps<T extends V5Overlay["type"]> = Extract<V5Overlay, { type: T }>["transformation"];
const sameOverlay = [(o: V5Overlay): Overlay => o, (o: Overlay): V5Overlay => o];
const sameLayerSteps = [
  (t: V5Steps<"text">): TextOverlayTransformation[] | undefined => t,
  (t: TextOverlayTransformation[] | undefined): V5Steps<"text"> => t,
  (t: V5Steps<"subtitle">): SubtitleOverlayTransformation[] | undefined => t,
  (t: SubtitleOverlayTransformation[] | undefined): V5Steps<"subtitle"> => t,
  (t: V5Steps<"solidColor">): SolidColorOverlayTransformation[] | undefined => t,
  (t: SolidColorOverlayTransformation[] | undefined): V5Steps<"solidColor"> => t,
];
const sameResponsive = [
  (o: v5.GetImageAttributesOptions): GetImageAttributesOptions => o,
  (o: GetImageAttributesOptions): v5.GetImageAttributesOptions => o,
  (a: v5.ResponsiveImageAttributes): ResponsiveImageAttributes => a,
  (a: ResponsiveImageAttributes): v5.ResponsiveImageAttributes => a,
];
// Our functions stand in for v5's wherever v5's are referenced, and v5's for ours.
const sameFunctions = [
  ((): typeof v5.buildSrc => buildSrc)(),
  (
    (): typeof buildSrc => (o) =>
      ((): typeof v5.buildSrc => buildSrc)()(o)
  )(),
  ((): typeof v5.buildTransformationString => buildTransformationString)(),
  ((): typeof v5.getResponsiveImageAttributes => getResponsiveImageAttributes)(),
];
// A helper typed with v5's shapes takes our options, as written above.
function v5Helper(opts: v5.SrcOptions): string {
  opts.transformation?.push({ quality: 80 });
  return opts.src;
}
v5Helper(options);
v5Helper({ ...responsive });

// ---- the seed README's imagekit 6 url() code, unchanged ----------------------------------------------------------

url({
  path: "/default-image.jpg",
  urlEndpoint: "https://ik.imagekit.io/your_imagekit_id/endpoint/",
  transformation: [{ height: "300", width: "400" }],
});
url({
  src: "https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg",
  transformation: [{ format: "jpg", progressive: "true", effectSharpen: "-", effectContrast: "1" }],
});
url({
  path: "/default-image.jpg",
  urlEndpoint: "https://ik.imagekit.io/your_imagekit_id/endpoint/",
  transformation: [{ height: "300", width: "400" }, { rotation: 90 }],
  transformationPosition: "query",
  queryParameters: { v: "123" },
});
url({
  src: "https://ik.imagekit.io/your_imagekit_id/default-image.jpg",
  transformation: [{ width: 400, height: 300, raw: "l-text,i-Imagekit,fs-50,l-end" }],
});
url({
  src: "https://ik.imagekit.io/your_imagekit_id/default-image.jpg",
  transformation: [{ width: "iw_div_4", height: "ih_div_2", border: "cw_mul_0.05_yellow" }],
});
// imagekit 6 took a string, number or boolean for every name of its table.
const seedSteps: LegacyTransformation[] = [
  { quality: "80", blur: "10", dpr: 2, crop: "at_max", cropMode: "extract", x: "10", y: 20 },
  { trim: "", lossless: "false", metadata: true, colorProfile: "true", original: false, defaultImage: "/a.jpg" },
  { rotate: 90, effectGray: true, effectShadow: false, effectUSM: "2-2-0.8-0.024", effectGradient: "-" },
  { aspectRatio: "4-3", radius: "max", background: "FF0000", named: "thumb", format: "auto", focus: "face" },
];
const seedOptions: UrlOptions = { urlEndpoint, path: "/a.jpg", transformation: seedSteps };
seedOptions.transformation?.push({ effectSharpen: 5 });
url(seedOptions);

// ---- deliberately stricter than the old SDKs (README, "Types") ------------------------------------------------------

// @ts-expect-error a misspelt name is a compile error in url() too (imagekit 6 typed every key as a string and wrote `widht-300`)
url({ urlEndpoint, path: "/a.jpg", transformation: [{ widht: 300 }] });

export {
  attributes,
  sameFunctions,
  sameLayerSteps,
  sameOverlay,
  sameResponsive,
  sameSrcOptions,
  sameTransformation,
  srcSet,
};
