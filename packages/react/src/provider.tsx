import type { TransformationPosition } from "@ikit/core";
import { createContext, type ReactNode, useContext, useMemo } from "react";

/**
 * What an {@link ImageKitProvider} hands to every component and hook below it. Each value can also be given to a
 * component directly, which wins.
 *
 * @example
 * ```ts
 * const config: ImageKitConfig = { urlEndpoint: "https://ik.imagekit.io/demo", workerUrl: "https://img.example.com" };
 * ```
 */
export interface ImageKitConfig {
  /** Your ImageKit URL endpoint, e.g. `https://ik.imagekit.io/your_imagekit_id`. */
  urlEndpoint?: string;
  /** Where the transformation goes in built URLs. @default "query" */
  transformationPosition?: TransformationPosition;
  /**
   * The origin of your `@ikit/worker`: signed images come from its `/img` route and upload tokens from its `/auth`
   * route, so the private key stays on the worker.
   */
  workerUrl?: string;
  /** Where the worker mounts its image route (its `imagePath`). @default "/img" */
  workerImagePath?: string;
  /** Where upload tokens come from. @default `${workerUrl}/auth` */
  authEndpoint?: string;
  /** Your ImageKit public key, for uploads. */
  publicKey?: string;
  /** The upload API URL, e.g. the emulator's. @default "https://upload.imagekit.io/api/v1/files/upload" */
  uploadEndpoint?: string;
  /** Device widths `srcset` offers. @default [640, 750, 828, 1080, 1200, 1920, 2048, 3840] */
  deviceBreakpoints?: number[];
  /** Smaller widths, used with `sizes` or `width`. @default [16, 32, 48, 64, 96, 128, 256, 384] */
  imageBreakpoints?: number[];
}

/**
 * The context behind {@link ImageKitProvider}; read it with {@link useImageKit}. Exported under `@imagekit/react`'s
 * name for code that reads it directly.
 *
 * @example
 * ```tsx
 * const { urlEndpoint } = useContext(ImageKitContext);
 * ```
 */
export const ImageKitContext = createContext<ImageKitConfig>({});

/**
 * Props of {@link ImageKitProvider}: the configuration plus children.
 *
 * @example
 * ```ts
 * const props: ImageKitProviderProps = { urlEndpoint: "https://ik.imagekit.io/demo", children: null };
 * ```
 */
export type ImageKitProviderProps = ImageKitConfig & { children?: ReactNode };

const KEYS = [
  "urlEndpoint",
  "transformationPosition",
  "workerUrl",
  "workerImagePath",
  "authEndpoint",
  "publicKey",
  "uploadEndpoint",
  "deviceBreakpoints",
  "imageBreakpoints",
] as const satisfies readonly (keyof ImageKitConfig)[];

/**
 * Sets the URL endpoint, the worker and upload settings for every `<Image>`, `<Video>` and `useUpload()` below it.
 * A nested provider overrides only what it sets. Renders no element and reads no browser global, so it works in
 * server rendering.
 *
 * @example
 * ```tsx
 * <ImageKitProvider urlEndpoint="https://ik.imagekit.io/demo" workerUrl="https://img.example.com" publicKey="public_…">
 *   <Image src="/hero.jpg" width={800} height={600} alt="Hero" />
 * </ImageKitProvider>
 * ```
 */
export function ImageKitProvider({ children, ...config }: ImageKitProviderProps) {
  const outer = useContext(ImageKitContext);
  const values = KEYS.map((key) => config[key]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the values are the dependencies, listed by KEYS.
  const value = useMemo(() => {
    const merged: ImageKitConfig = { ...outer };
    KEYS.forEach((key, i) => {
      if (values[i] !== undefined) Object.assign(merged, { [key]: values[i] });
    });
    return merged;
  }, [outer, ...values]);
  return <ImageKitContext.Provider value={value}>{children}</ImageKitContext.Provider>;
}

/**
 * The configuration of the nearest {@link ImageKitProvider}s (inner values over outer ones); `{}` without one.
 *
 * @example
 * ```tsx
 * function Avatar({ path }: { path: string }) {
 *   const { urlEndpoint } = useImageKit();
 *   return <img src={buildSrc({ urlEndpoint: urlEndpoint ?? "", src: path })} alt="" width={64} height={64} />;
 * }
 * ```
 */
export function useImageKit(): ImageKitConfig {
  return useContext(ImageKitContext);
}
