import { buildSrc } from "@ikit/core";
import type { ComponentPropsWithRef } from "react";
import type { ImageSource } from "./image-attributes.js";
import { useImageKit } from "./provider.js";

/**
 * Props of {@link Video}: every native `<video>` prop and `@imagekit/react`'s `<Video>` props under their names.
 *
 * @example
 * ```ts
 * const props: VideoProps = { src: "/intro.mp4", controls: true, transformation: [{ width: 640 }] };
 * ```
 */
export type VideoProps = Omit<ComponentPropsWithRef<"video">, "src"> &
  Pick<ImageSource, "src" | "urlEndpoint" | "transformation" | "transformationPosition" | "queryParameters">;

/**
 * A `<video>` for an ImageKit file, its `src` built by `@ikit/core` with the provider's endpoint: `@imagekit/react`'s
 * `<Video>`, kept so code moving over keeps compiling.
 *
 * @example
 * ```tsx
 * <Video src="/intro.mp4" controls width={640} height={360} transformation={[{ width: 640, height: 360 }]} />
 * ```
 */
export function Video({
  src,
  urlEndpoint,
  transformation,
  transformationPosition,
  queryParameters,
  ...rest
}: VideoProps) {
  const config = useImageKit();
  const position = transformationPosition ?? config.transformationPosition;
  const url = buildSrc({
    urlEndpoint: urlEndpoint ?? config.urlEndpoint ?? "",
    src,
    ...(transformation && { transformation }),
    ...(position && { transformationPosition: position }),
    ...(queryParameters && { queryParameters }),
  });
  // React warns about src="" (an empty src fetches the page itself): none is rendered instead.
  return <video {...rest} src={url || undefined} />;
}
