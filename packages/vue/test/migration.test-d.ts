// Checked by `tsc` (the package's typecheck): code written for @imagekit/vue 4.0.1 keeps compiling against ours.
// Every prop of their Image, Video and ImageKitProvider assigns to ours under the same name, and `h()` takes their props.
import type { IKImageProps, IKVideoProps, ImageKitProviderProps } from "@imagekit/vue";
import { h } from "vue";
import { IkImage, type IkVideo, type ImageKitOptions, type ImageKitProvider } from "../src/index.ts";

type OurImageProps = InstanceType<typeof IkImage>["$props"];
type OurProviderProps = InstanceType<typeof ImageKitProvider>["$props"];

export const imageProps = (props: IKImageProps): OurImageProps => props;
export const providerProps = (props: ImageKitProviderProps): OurProviderProps => props;
export const pluginOptions = (props: ImageKitProviderProps): ImageKitOptions => props;

export const rendered = (props: IKImageProps) => h(IkImage, props);

// Their documented usage, written out: every prop at once.
export const full: OurImageProps = {
  src: "/default-image.jpg",
  urlEndpoint: "https://ik.imagekit.io/your_imagekit_id",
  transformation: [{ width: 400, height: 300 }, { rotation: 90 }],
  transformationPosition: "path",
  queryParameters: { v: 2 },
  responsive: false,
  width: "400",
  sizes: "(max-width: 600px) 100vw, 50vw",
  loading: "eager",
  deviceBreakpoints: [640, 1080],
  imageBreakpoints: [16, 32],
};

// Ours is stricter where theirs is untyped: a transformation name neither SDK knows is a compile error.
// @ts-expect-error `widht` is not a transformation parameter
export const typo: OurImageProps = { src: "/a.jpg", transformation: [{ widht: 300 }] };

type OurVideoProps = InstanceType<typeof IkVideo>["$props"];
export const videoProps = (props: IKVideoProps): OurVideoProps => props;
