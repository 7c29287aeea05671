// Migration type test, checked by `tsc` (the typecheck script): code written against @imagekit/react 5.0.3 compiles
// against ours after changing only the import, its prop types spread onto our components, and ours stay strict.
import type * as theirs from "@imagekit/react";
import {
  Image,
  ImageKitContext,
  ImageKitProvider,
  type ImageKitProviderProps,
  type ImageProps,
  Video,
  type VideoProps,
} from "../../src/index.js";

// ---- their README's usage, unchanged but for the import ----------------------------------------------------------
export const readme = (
  <ImageKitProvider urlEndpoint="https://ik.imagekit.io/your_imagekit_id" transformationPosition="path">
    <Image
      src="/default-image.jpg"
      alt="Default image"
      width={500}
      height={500}
      transformation={[{ width: 500, height: 500 }]}
    />
    <Image
      src="/default-image.jpg"
      alt="Responsive"
      width="300"
      sizes="(max-width: 600px) 100vw, 50vw"
      responsive
      deviceBreakpoints={[640, 1080]}
      imageBreakpoints={[32, 64]}
      queryParameters={{ v: 2 }}
      loading="eager"
      className="hero"
      onClick={() => {}}
    />
    <Image src="https://example.com/remote.jpg" urlEndpoint="https://ik.imagekit.io/other" responsive={false} alt="" />
    <Video src="/default-video.mp4" controls width={500} height={500} transformation={[{ width: 500, height: 500 }]} />
  </ImageKitProvider>
);

// ---- their prop types, spread onto ours ---------------------------------------------------------------------------
declare const imageProps: theirs.IKImageProps;
declare const videoProps: theirs.IKVideoProps;
declare const providerProps: theirs.ImageKitProviderProps;
export const spread = (
  <ImageKitProvider {...providerProps}>
    <Image {...imageProps} />
    <Video {...videoProps} />
  </ImageKitProvider>
);
export const asOurs: ImageProps = imageProps;
export const videoAsOurs: VideoProps = videoProps;
export const providerAsOurs: ImageKitProviderProps = providerProps;
export const context: { urlEndpoint?: string | undefined } = ImageKitContext as unknown as { urlEndpoint?: string };

// ---- what ours refuses ----------------------------------------------------------------------------------------------
// @ts-expect-error src is required, as in theirs
export const noSrc = <Image alt="" />;
// @ts-expect-error an unknown transformation name is a compile error
export const typo = <Image src="/a.jpg" alt="" transformation={[{ widht: 300 }]} />;
// @ts-expect-error signed is a boolean; the worker's options are props of their own (preset, dprs, placeholderPreset)
export const signedObject = <Image src="/a.jpg" alt="" signed={{ preset: "thumb" }} />;
// @ts-expect-error dprs are numbers
export const badDprs = <Image src="/a.jpg" alt="" signed preset="thumb" dprs={["2x"]} />;
// @ts-expect-error placeholder takes "blur" or "empty"
export const badPlaceholder = <Image src="/a.jpg" alt="" placeholder="shimmer" />;
