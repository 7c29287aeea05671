/**
 * Types of transformations, overlays and URL options, in the shape of `@imagekit/javascript` v5 so code moves over
 * unchanged. Values are `number | string` wherever ImageKit accepts arithmetic expressions (see `expression.ts`).
 */

/** A width, height, offset or similar: a number, or an expression such as `"iw_div_4"`. */
export type Dimension = number | string;

/** Where the transformation goes: `tr:` path segment or `?tr=` query parameter. */
export type TransformationPosition = "path" | "query";

/** HLS/DASH renditions for adaptive streaming (`sr-240_360`). */
export type StreamingResolution = "240" | "360" | "480" | "720" | "1080" | "1440" | "2160";

/** Named anchor positions of a layer (`lap-`) or a crop focus. */
export type Anchor =
  | "center"
  | "top"
  | "left"
  | "bottom"
  | "right"
  | "top_left"
  | "top_right"
  | "bottom_left"
  | "bottom_right";

/** One step of a chained transformation. Steps are joined with `:`, parameters within a step with `,`. */
export interface Transformation {
  /** `w`: width in px, a fraction (`0.5`) or an expression. @example `{ width: 300 }` → `w-300` */
  width?: Dimension;
  /** `h`: height in px, a fraction or an expression. @example `{ height: "ih_div_2" }` → `h-ih_div_2` */
  height?: Dimension;
  /** `ar`: aspect ratio, `"4-3"` or an expression such as `"iar_div_2"`. */
  aspectRatio?: Dimension;
  /** `bg`: background colour (`"FF0000"`, `"FF000080"`), `"blurred"`, `"genfill"` or `"dominant"`. */
  background?: string;
  /** `b`: border, `"<width>_<color>"`, e.g. `"5_FFF000"` or `"cw_mul_0.05_yellow"`. */
  border?: string;
  /** `c`: crop strategy. @default "maintain_ratio" on ImageKit's side */
  crop?: "force" | "at_max" | "at_max_enlarge" | "at_least" | "maintain_ratio" | "maintain_ratio_no_enlarge";
  /** `cm`: crop mode. */
  cropMode?: "pad_resize" | "extract" | "pad_extract" | "pad_resize_no_enlarge" | "pad_extract_no_shrink";
  /** `dpr`: device pixel ratio, 0.1 to 5, or `"auto"`. */
  dpr?: number | string;
  /** `fo`: focus: an {@link Anchor}, `"auto"`, `"face"` or an object name. */
  focus?: string;
  /** `q`: quality 1 to 100. */
  quality?: number;
  /** `x`: focus x coordinate for extract crops. */
  x?: Dimension;
  /** `xc`: focus x centre coordinate. */
  xCenter?: Dimension;
  /** `y`: focus y coordinate. */
  y?: Dimension;
  /** `yc`: focus y centre coordinate. */
  yCenter?: Dimension;
  /** `f`: output format. */
  format?: "auto" | "webp" | "jpg" | "jpeg" | "png" | "gif" | "svg" | "mp4" | "webm" | "avif" | "orig";
  /** `vc`: video codec. */
  videoCodec?: "h264" | "vp9" | "av1" | "none";
  /** `ac`: audio codec. */
  audioCodec?: "aac" | "opus" | "none";
  /** `r`: corner radius in px, `"max"` or per-corner `"10_20_30_40"`. */
  radius?: number | "max" | string;
  /** `rt`: rotation in degrees, `"auto"`, or `"N90"` for anticlockwise. */
  rotation?: number | string;
  /** `bl`: Gaussian blur 1 to 100. */
  blur?: number;
  /** `n`: a named transformation defined in the dashboard. */
  named?: string;
  /** `di`: default image path if the original is missing; slashes become `@@`. */
  defaultImage?: string;
  /** `fl`: flip horizontally, vertically or both. */
  flip?: "h" | "v" | "h_v" | "v_h";
  /** `orig`: serve the original file untouched. */
  original?: boolean;
  /** `so`: video start offset in seconds or an expression. */
  startOffset?: Dimension;
  /** `eo`: video end offset. */
  endOffset?: Dimension;
  /** `du`: video duration. */
  duration?: Dimension;
  /** `sr`: adaptive streaming renditions, joined with `_`. */
  streamingResolutions?: StreamingResolution[];
  /** `e-grayscale` */
  grayscale?: true;
  /** `e-upscale` (AI) */
  aiUpscale?: true;
  /** `e-retouch` (AI) */
  aiRetouch?: true;
  /** `e-genvar` (AI) */
  aiVariation?: true;
  /** `e-dropshadow` (AI), bare with `true` or with options such as `"az-45"`. */
  aiDropShadow?: true | string;
  /** `e-changebg` (AI): `"prompt-snow road"`. */
  aiChangeBackground?: string;
  /** `e-edit` (AI): `"prompt-add a hat"`. */
  aiEdit?: string;
  /** `e-bgremove` (AI, ImageKit's own). */
  aiRemoveBackground?: true;
  /** `e-removedotbg` (AI, remove.bg). */
  aiRemoveBackgroundExternal?: true;
  /** `e-contrast` */
  contrastStretch?: true;
  /** `e-shadow`, bare or with `"bl-15_st-40_x-10_y-N5"`. */
  shadow?: true | string;
  /** `e-sharpen`, bare or with an amount. */
  sharpen?: true | number;
  /** `e-usm`: unsharp mask, bare or `"2-2-0.8-0.024"`. */
  unsharpMask?: true | string;
  /** `e-gradient`, bare or `"ld-top_from-green_to-00FF0010_sp-1"`. */
  gradient?: true | string;
  /** `cr`: colour replace, `"FF0000_20_00FF00"`. */
  colorReplace?: string;
  /** `e-colorize`: `"co-red_al-50"`. */
  colorize?: string;
  /** `e-distort`: perspective or arc distortion. */
  distort?: string;
  /** `dn`: density (DPI) of rasterised vector input, e.g. `300` or an expression. */
  density?: number | string;
  /** `pr`: progressive JPEG. */
  progressive?: boolean;
  /** `lo`: lossless WebP/PNG. */
  lossless?: boolean;
  /** `cp`: keep the colour profile. */
  colorProfile?: boolean;
  /** `md`: keep metadata. */
  metadata?: boolean;
  /** `o`: opacity 0 to 9 of a layer. */
  opacity?: number;
  /** `t`: trim edges, `true` or a threshold 1 to 99. */
  trim?: true | number;
  /** `z`: zoom for face crops. */
  zoom?: number;
  /** `pg`: page or layer of a PDF/PSD, `2` or `"2_4"`. */
  page?: number | string;
  /** `lm`: layer blend mode (inside an overlay's transformation). */
  layerMode?: "multiply" | "cutter" | "cutout" | "displace";
  /** `fs`: font size of a text layer. */
  fontSize?: number | string;
  /** `ff`: font family or custom font path (slashes become `@@`). */
  fontFamily?: string;
  /** `co`: font colour of a text layer. */
  fontColor?: string;
  /** `co`: text colour of a subtitle layer. */
  color?: string;
  /** `ia`: inner alignment of a text layer. */
  innerAlignment?: "left" | "right" | "center";
  /** `pa`: padding of a text layer. */
  padding?: number | string;
  /** `al`: transparency 1 to 9 of a layer. */
  alpha?: number;
  /** `tg`: typography, `"b"`, `"i"`, `"b_i"`. */
  typography?: string;
  /** `lh`: line height of a text layer. */
  lineHeight?: number | string;
  /** `fol`: subtitle outline, `"2_blue"`. */
  fontOutline?: string;
  /** `fsh`: subtitle shadow, `"blue_2"`. */
  fontShadow?: string;
  /** A typed layer; see {@link Overlay}. */
  overlay?: Overlay;
  /** Appended verbatim, for anything the typed options do not cover. @example `{ raw: "l-text,i-Hi,l-end" }` */
  raw?: string;
}

/** The names of the Node.js SDK's `url()` table (`../shared/seeds`) that v5 kept. */
type SeedName =
  | "height"
  | "width"
  | "aspectRatio"
  | "quality"
  | "crop"
  | "cropMode"
  | "x"
  | "y"
  | "focus"
  | "format"
  | "radius"
  | "background"
  | "border"
  | "rotation"
  | "blur"
  | "named"
  | "progressive"
  | "lossless"
  | "trim"
  | "metadata"
  | "colorProfile"
  | "defaultImage"
  | "dpr"
  | "original"
  | "raw";

/**
 * A value of the Node.js SDK's `url()` table: imagekit 6 took a string, number or boolean for every name and wrote it
 * as it is (`progressive: "true"` → `pr-true`, `quality: "80"` → `q-80`). Editors still suggest `T`'s literals.
 */
export type SeedValue<T = never> = T | (string & Record<never, never>) | number | boolean;

type SeedParameters = { [K in keyof Pick<Transformation, SeedName>]?: SeedValue<NonNullable<Transformation[K]>> };

/**
 * One step of {@link url}: v5's {@link Transformation}, where the names of the Node.js SDK's table take any value
 * imagekit 6 took, plus that SDK's own names. Values are written as imagekit 6 wrote them (`true` as `-true`, `"-"`
 * as the bare code); the names only v5 knows keep v5's rules.
 *
 * @example
 * ```ts
 * const step: LegacyTransformation = { format: "jpg", progressive: "true", effectSharpen: "-", quality: "80" };
 * ```
 */
export interface LegacyTransformation extends Omit<Transformation, SeedName>, SeedParameters {
  /** `rt`, old name of {@link Transformation.rotation}. */
  rotate?: SeedValue;
  /** `e-sharpen`; `"-"` for the bare effect. */
  effectSharpen?: SeedValue<"-">;
  /** `e-usm`; `"-"` for the bare effect. */
  effectUSM?: SeedValue<"-">;
  /** `e-contrast`; `"-"` for the bare effect. */
  effectContrast?: SeedValue<"-">;
  /** `e-grayscale`; `"-"` for the bare effect. */
  effectGray?: SeedValue<"-">;
  /** `e-shadow`; `"-"` for the bare effect. */
  effectShadow?: SeedValue<"-">;
  /** `e-gradient`; `"-"` for the bare effect. */
  effectGradient?: SeedValue<"-">;
}

/** Where a layer sits: `lx`, `ly`, `lxc`, `lyc`, `lap`, `lfo`. */
export interface OverlayPosition {
  x?: Dimension;
  y?: Dimension;
  xCenter?: Dimension;
  yCenter?: Dimension;
  anchorPoint?: Anchor;
  focus?: Anchor;
}

/** When a layer shows in a video: `lso`, `leo`, `ldu`. */
export interface OverlayTiming {
  start?: Dimension;
  end?: Dimension;
  duration?: Dimension;
}

/** How a layer's text or path is written: `i-` plain, `ie-` base64 of its UTF-8 bytes, or chosen automatically. */
export type OverlayEncoding = "auto" | "plain" | "base64";

interface BaseOverlay {
  layerMode?: "multiply" | "cutter" | "cutout" | "displace";
  position?: OverlayPosition;
  timing?: OverlayTiming;
}

/** What a text layer's own steps take (v5's `TextOverlayTransformation`). */
export interface TextOverlayTransformation {
  width?: Dimension;
  fontSize?: number | string;
  fontFamily?: string;
  fontColor?: string;
  innerAlignment?: "left" | "right" | "center";
  padding?: number | string;
  alpha?: number;
  typography?: string;
  background?: string;
  radius?: number | "max" | string;
  rotation?: number | string;
  flip?: "h" | "v" | "h_v" | "v_h";
  lineHeight?: number | string;
}

/** What a subtitle layer's own steps take (v5's `SubtitleOverlayTransformation`). */
export interface SubtitleOverlayTransformation {
  background?: string;
  fontSize?: number;
  fontFamily?: string;
  color?: string;
  typography?: "b" | "i" | "b_i";
  fontOutline?: string;
  fontShadow?: string;
}

/** What a solid colour layer's own steps take (v5's `SolidColorOverlayTransformation`). */
export interface SolidColorOverlayTransformation {
  width?: Dimension;
  height?: Dimension;
  radius?: number | "max" | string;
  alpha?: number;
  background?: string;
  gradient?: true | string;
}

/** A text layer (`l-text`). */
export interface TextOverlay extends BaseOverlay {
  type: "text";
  text: string;
  encoding?: OverlayEncoding;
  transformation?: TextOverlayTransformation[];
}

/** An image layer (`l-image`) from a path in the media library. */
export interface ImageOverlay extends BaseOverlay {
  type: "image";
  input: string;
  encoding?: OverlayEncoding;
  transformation?: Transformation[];
}

/** A video layer (`l-video`). */
export interface VideoOverlay extends BaseOverlay {
  type: "video";
  input: string;
  encoding?: OverlayEncoding;
  transformation?: Transformation[];
}

/** A subtitle layer (`l-subtitles`) from an SRT/VTT path. */
export interface SubtitleOverlay extends BaseOverlay {
  type: "subtitle";
  input: string;
  encoding?: OverlayEncoding;
  transformation?: SubtitleOverlayTransformation[];
}

/** A solid colour block (`l-image,i-ik_canvas,bg-<color>`). */
export interface SolidColorOverlay extends BaseOverlay {
  type: "solidColor";
  color: string;
  transformation?: SolidColorOverlayTransformation[];
}

/** Any typed layer. */
export type Overlay = TextOverlay | ImageOverlay | VideoOverlay | SubtitleOverlay | SolidColorOverlay;

/** Query parameters added to a URL; values are stringified. */
export type QueryParameters = { [key: string]: string | number | boolean };
