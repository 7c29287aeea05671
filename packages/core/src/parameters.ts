/**
 * The transformation names of `@imagekit/javascript` v5 (and `@imagekit/nodejs` v7) mapped to ImageKit's URL codes.
 * A name that is not here is written into the URL as it is, so `{ "e-sharpen": 5 }` and `{ w: 100 }` work too.
 * Both tables have no prototype: `constructor` or `toString` is an unknown name, never one of Object's methods.
 */
export const PARAMETERS = {
  __proto__: null,
  width: "w",
  height: "h",
  aspectRatio: "ar",
  background: "bg",
  border: "b",
  crop: "c",
  cropMode: "cm",
  dpr: "dpr",
  focus: "fo",
  quality: "q",
  x: "x",
  xCenter: "xc",
  y: "y",
  yCenter: "yc",
  format: "f",
  videoCodec: "vc",
  audioCodec: "ac",
  radius: "r",
  rotation: "rt",
  blur: "bl",
  named: "n",
  defaultImage: "di",
  flip: "fl",
  original: "orig",
  startOffset: "so",
  endOffset: "eo",
  duration: "du",
  streamingResolutions: "sr",
  grayscale: "e-grayscale",
  aiUpscale: "e-upscale",
  aiRetouch: "e-retouch",
  aiVariation: "e-genvar",
  aiDropShadow: "e-dropshadow",
  aiChangeBackground: "e-changebg",
  aiEdit: "e-edit",
  aiRemoveBackground: "e-bgremove",
  aiRemoveBackgroundExternal: "e-removedotbg",
  contrastStretch: "e-contrast",
  shadow: "e-shadow",
  sharpen: "e-sharpen",
  unsharpMask: "e-usm",
  gradient: "e-gradient",
  colorReplace: "cr",
  colorize: "e-colorize",
  distort: "e-distort",
  density: "dn",
  progressive: "pr",
  lossless: "lo",
  colorProfile: "cp",
  metadata: "md",
  opacity: "o",
  trim: "t",
  zoom: "z",
  page: "pg",
  layerMode: "lm",
  fontSize: "fs",
  fontFamily: "ff",
  fontColor: "co",
  color: "co",
  innerAlignment: "ia",
  padding: "pa",
  alpha: "al",
  typography: "tg",
  lineHeight: "lh",
  fontOutline: "fol",
  fontShadow: "fsh",
} as unknown as Readonly<Record<string, string>>;

/** Effects that take no value: `true`, `"true"` or `"-"` adds the bare code, anything else leaves it out. */
export const FLAG_ONLY = new Set([
  "e-grayscale",
  "e-contrast",
  "e-removedotbg",
  "e-bgremove",
  "e-upscale",
  "e-retouch",
  "e-genvar",
]);

/** Effects with an optional value: `true`, `"true"` or an empty string adds the bare code. */
export const OPTIONAL_VALUE = new Set(["e-sharpen", "e-shadow", "e-gradient", "e-usm", "e-dropshadow"]);

/**
 * The names of the Node.js SDK's `url()` table (`../shared/seeds`) that v5 renamed, and those for which v5 writes
 * some value differently (`trim: ""`, `defaultImage: false`). Only {@link url} reads them, with imagekit 6's rule:
 * `"-"` gives the bare code, any other value is appended as it is (`effectContrast: true` → `e-contrast-true`).
 */
export const SEED_PARAMETERS = {
  __proto__: null,
  rotate: "rt",
  effectSharpen: "e-sharpen",
  effectUSM: "e-usm",
  effectContrast: "e-contrast",
  effectGray: "e-grayscale",
  effectShadow: "e-shadow",
  effectGradient: "e-gradient",
  trim: "t",
  defaultImage: "di",
} as unknown as Readonly<Record<string, string>>;
