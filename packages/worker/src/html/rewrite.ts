import { getResponsiveImageAttributes, type Transformation } from "@ikit/core";
import type { ResolvedConfig } from "../config.js";
import { encodedPath, pathSegments } from "../path.js";
import { type HtmlRewriter, htmlRewriter, type RewrittenElement } from "../runtime.js";
import { imagekitUrl, roundedExpiry, signAt } from "../signing.js";
import { formatSrcset, parseSrcset } from "./srcset.js";

type HtmlSettings = NonNullable<ResolvedConfig["html"]>;

/**
 * What the element handlers need for one page.
 *
 * @example
 * ```ts
 * const page: RewriteContext = { config, html, privateKey, pageUrl, originHost: "origin.example.com", expiresAt: undefined, widths };
 * ```
 */
export interface RewriteContext {
  config: ResolvedConfig;
  html: HtmlSettings;
  privateKey: string;
  /** The page's URL as the browser asked for it: relative `src` values resolve against it. */
  pageUrl: URL;
  /** The origin's host: absolute URLs pointing there are rewritten too. */
  originHost: string;
  /** The Unix time rewritten URLs expire at, or `undefined` for URLs that never expire. */
  expiresAt: number | undefined;
  /** The widths a `w` descriptor may ask ImageKit for, ascending: see {@link breakpointWidths}. */
  widths: readonly number[];
}

/** The file path segments of `src` when it points into the configured media paths on this site, else `undefined`. */
function mediaSegments(src: string | null, page: RewriteContext): string[] | undefined {
  if (!src) return undefined;
  let url: URL;
  try {
    url = new URL(src, page.pageUrl);
  } catch {
    return undefined;
  }
  if ((url.host !== page.pageUrl.host && url.host !== page.originHost) || url.search || url.hash) return undefined;
  if (!page.html.paths.some((prefix) => url.pathname.startsWith(prefix))) return undefined;
  try {
    return pathSegments(url.pathname);
  } catch {
    return undefined;
  }
}

/** A positive whole number from an attribute, else `undefined`. */
function whole(value: string | null): number | undefined {
  const n = value !== null && /^\d{1,5}$/.test(value.trim()) ? Number(value) : 0;
  return n > 0 ? n : undefined;
}

const sign = (url: string, page: RewriteContext) =>
  signAt(url, page.config.urlEndpoint, page.privateKey, page.expiresAt);

/**
 * Every width core's responsive helper may offer under this configuration (its breakpoints, defaults included),
 * ascending: the only widths the HTML may ask for, so a page that carries user content cannot get a signed `w-99999`.
 *
 * @example
 * ```ts
 * breakpointWidths(config, html); // [16, 32, 48, 64, 96, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840]
 * ```
 */
export function breakpointWidths(config: ResolvedConfig, html: HtmlSettings): number[] {
  // With a `sizes` that has no `vw` in it, core lists every breakpoint as a `w` candidate.
  const { srcSet = "" } = getResponsiveImageAttributes({
    urlEndpoint: config.urlEndpoint,
    src: "/breakpoints.jpg",
    sizes: "1px",
    ...(html.deviceBreakpoints && { deviceBreakpoints: [...html.deviceBreakpoints] }),
    ...(html.imageBreakpoints && { imageBreakpoints: [...html.imageBreakpoints] }),
  });
  return parseSrcset(srcSet).map(({ descriptor }) => Number.parseInt(descriptor, 10));
}

/** The nearest allowed width at or above `wanted`, else the widest, as core's responsive helper picks. */
function snapWidth(wanted: number, widths: readonly number[]): number {
  return widths.find((width) => width >= wanted) ?? (widths[widths.length - 1] as number);
}

/** Rewrites each candidate under the media paths; a `640w` descriptor asks ImageKit for the breakpoint that covers it. */
function rewriteSrcset(srcset: string, page: RewriteContext): string {
  const candidates = parseSrcset(srcset).map(({ url, descriptor }) => {
    const segments = mediaSegments(url, page);
    if (!segments) return { url, descriptor };
    const width = /^(\d{1,9})w$/.exec(descriptor)?.[1];
    const steps: Transformation[] = width
      ? [...page.html.transformation, { width: snapWidth(Number(width), page.widths), crop: "at_max" }]
      : [...page.html.transformation];
    return { url: sign(imagekitUrl(page.config.urlEndpoint, segments, steps), page), descriptor };
  });
  return formatSrcset(candidates);
}

/** `<img>`: a signed `src`, `srcset` and `sizes` from core's responsive helper; `width`/`height` kept or added. */
function rewriteImg(element: RewrittenElement, page: RewriteContext): void {
  const segments = mediaSegments(element.getAttribute("src"), page);
  if (!segments) return;
  const { html, config } = page;
  const path = `/${segments.join("/")}`;
  const width = whole(element.getAttribute("width"));
  const height = whole(element.getAttribute("height"));
  const sizes = element.getAttribute("sizes") ?? undefined;
  const known = html.dimensions?.[path];
  const attrs = getResponsiveImageAttributes({
    urlEndpoint: config.urlEndpoint,
    src: encodedPath(segments),
    transformation: [...html.transformation],
    transformationPosition: "path",
    ...(width !== undefined && { width }),
    ...((sizes ?? (width === undefined ? html.sizes : undefined)) !== undefined && {
      sizes: sizes ?? (html.sizes as string),
    }),
    ...(html.deviceBreakpoints && { deviceBreakpoints: [...html.deviceBreakpoints] }),
    ...(html.imageBreakpoints && { imageBreakpoints: [...html.imageBreakpoints] }),
  });
  const own = element.getAttribute("srcset");
  const srcset =
    own !== null
      ? rewriteSrcset(own, page)
      : attrs.srcSet && formatSrcset(parseSrcset(attrs.srcSet).map((c) => ({ ...c, url: sign(c.url, page) })));
  element.setAttribute("src", sign(attrs.src, page));
  if (srcset) element.setAttribute("srcset", srcset);
  if (own === null && attrs.sizes && sizes === undefined) element.setAttribute("sizes", attrs.sizes);
  if (known && width === undefined && height === undefined) {
    element.setAttribute("width", String(known.width));
    element.setAttribute("height", String(known.height));
  } else if (known && width !== undefined && height === undefined) {
    element.setAttribute("height", String(Math.round((width * known.height) / known.width)));
  }
}

/** `<source>`: `srcset` candidates (in `<picture>`) and `src` (in `<video>`, signed as is) under the media paths. */
function rewriteSource(element: RewrittenElement, page: RewriteContext): void {
  const srcset = element.getAttribute("srcset");
  if (srcset !== null) element.setAttribute("srcset", rewriteSrcset(srcset, page));
  const segments = mediaSegments(element.getAttribute("src"), page);
  if (segments) element.setAttribute("src", sign(imagekitUrl(page.config.urlEndpoint, segments, []), page));
}

/**
 * The `HTMLRewriter` for one page: `<img>` and `<source>` pointing into `html.paths` (relative, or absolute on this
 * site or the origin) get signed ImageKit URLs; everything else passes through untouched, streamed.
 *
 * @example
 * ```ts
 * return imageRewriter(page).transform(originResponse);
 * ```
 */
export function imageRewriter(page: RewriteContext): HtmlRewriter {
  return htmlRewriter()
    .on("img", { element: (element) => rewriteImg(element, page) })
    .on("source", { element: (element) => rewriteSource(element, page) });
}

/**
 * When rewritten URLs expire: `html.expireSeconds` from now, rounded like redirects so pages stay cacheable.
 *
 * @example
 * ```ts
 * const expiresAt = htmlExpiry(config, html); // undefined without html.expireSeconds
 * ```
 */
export function htmlExpiry(config: ResolvedConfig, html: HtmlSettings): number | undefined {
  return html.expireSeconds === undefined
    ? undefined
    : roundedExpiry(Date.now(), html.expireSeconds, config.redirect.roundSeconds);
}
