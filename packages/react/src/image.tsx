import {
  type ComponentPropsWithRef,
  type CSSProperties,
  type Ref,
  type RefCallback,
  type SyntheticEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { type ImageSource, imageAttributes } from "./image-attributes.js";
import { useImageKit } from "./provider.js";

// Set by the app's bundler (React's own builds read it too): the layout warning is left out of production bundles.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Props of {@link Image}: every native `<img>` prop, every prop of `@imagekit/react`'s `<Image>` under its name
 * (`src`, `urlEndpoint`, `transformation`, `transformationPosition`, `queryParameters`, `responsive`, `width`,
 * `sizes`, `deviceBreakpoints`, `imageBreakpoints`), and ours: `height`, `priority`, `placeholder`, and for signed
 * images `signed`, `preset`, `dprs`, `placeholderPreset`, `workerUrl` (the same props as `@ikit/vue`'s `<IkImage>`).
 *
 * @example
 * ```ts
 * const props: ImageProps = { src: "/hero.jpg", width: 1200, height: 600, alt: "Hero", priority: true };
 * ```
 */
export type ImageProps = Omit<ComponentPropsWithRef<"img">, "src" | "srcSet" | "width" | "height" | "placeholder"> &
  ImageSource & {
    /** Above the fold: `loading="eager"` and `fetchpriority="high"` instead of lazy loading. @default false */
    priority?: boolean;
  };

const BLUR_STYLE: CSSProperties = {
  backgroundSize: "cover",
  backgroundPosition: "50% 50%",
  backgroundRepeat: "no-repeat",
};

/** One ref callback for ours and the caller's (an object or a function). */
function useMergedRef<T>(own: { current: T | null }, theirs: Ref<T> | undefined): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      own.current = node;
      if (typeof theirs === "function") theirs(node);
      else if (theirs) theirs.current = node;
    },
    [own, theirs],
  );
}

/**
 * An `<img>` for an ImageKit file: responsive `srcSet`/`sizes` from `@ikit/core` (the URLs `@imagekit/react`
 * renders), `width`/`height` rendered whenever they can be known (the props, else the transformation's size or aspect
 * ratio; a dev warning otherwise) so the browser reserves the box, `loading="lazy"` and
 * `decoding="async"` unless told otherwise, `priority` for the hero image, an optional blur-up placeholder, and
 * `signed` images served by `@ikit/worker` (the private key never reaches the browser). Server rendering and
 * hydration give the same markup.
 *
 * @example
 * ```tsx
 * <ImageKitProvider urlEndpoint="https://ik.imagekit.io/demo">
 *   <Image src="/hero.jpg" width={1200} height={600} alt="Hero" priority placeholder="blur" />
 *   <Image src="/shoe.jpg" width={400} height={400} alt="Shoe" transformation={[{ height: "ih_div_2", crop: "at_least" }]} />
 *   <Image src="/private/invoice.png" signed preset="thumb" width={200} height={200} alt="Invoice" />
 *   <Image src="/private/report.png" signed transformation={[{ width: 400, height: 300, quality: 80 }]} alt="Report" />
 * </ImageKitProvider>
 * ```
 */
export function Image(props: ImageProps) {
  const config = useImageKit();
  const attrs = imageAttributes(props, config);
  // What is ours leaves the props; the rest (alt, className, data-*, handlers…) goes onto the <img>.
  const {
    src: _src,
    urlEndpoint: _urlEndpoint,
    transformation: _transformation,
    transformationPosition: _transformationPosition,
    queryParameters: _queryParameters,
    responsive: _responsive,
    sizes: _sizes,
    deviceBreakpoints: _deviceBreakpoints,
    imageBreakpoints: _imageBreakpoints,
    signed: _signed,
    preset: _preset,
    dprs: _dprs,
    placeholderPreset: _placeholderPreset,
    workerUrl: _workerUrl,
    placeholder: _placeholder,
    width: _width,
    height: _height,
    priority = false,
    loading,
    decoding = "async",
    fetchPriority,
    style,
    onLoad,
    ref,
    ...rest
  } = props;
  // The src whose load ended the placeholder: a new src brings the placeholder back until it loads.
  const [loadedSrc, setLoadedSrc] = useState<string>();
  const own = useRef<HTMLImageElement>(null);
  const mergedRef = useMergedRef(own, ref);
  // An image that finished loading before hydration fired its load event before React listened.
  useEffect(() => {
    const img = own.current;
    if (attrs.placeholder && img?.complete && img.naturalWidth > 0) setLoadedSrc(attrs.src);
  }, [attrs.placeholder, attrs.src]);
  const { width, height } = attrs;
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" && (width === undefined || height === undefined))
      console.warn(
        `<Image src="${attrs.src}">: pass width and height (or a transformation with both, or an aspectRatio) so the ` +
          "browser reserves its space; without them the page shifts when it loads.",
      );
  }, [attrs.src, width, height]);
  const blurred = attrs.placeholder !== undefined && loadedSrc !== attrs.src;
  const handleLoad = (event: SyntheticEvent<HTMLImageElement, Event>) => {
    setLoadedSrc(attrs.src);
    onLoad?.(event);
  };
  return (
    // biome-ignore lint/performance/noImgElement: this is the image component (the rule is Next's, for app code).
    // biome-ignore lint/a11y/useAltText: alt is the caller's, passed through `rest` as with a plain <img>.
    <img
      {...rest}
      ref={mergedRef}
      src={attrs.src || undefined}
      srcSet={attrs.srcSet}
      sizes={attrs.sizes}
      width={attrs.width}
      height={attrs.height}
      loading={loading ?? (priority ? "eager" : "lazy")}
      decoding={decoding}
      fetchPriority={fetchPriority ?? (priority ? "high" : undefined)}
      style={blurred ? { ...BLUR_STYLE, backgroundImage: `url("${attrs.placeholder}")`, ...style } : style}
      onLoad={handleLoad}
    />
  );
}
