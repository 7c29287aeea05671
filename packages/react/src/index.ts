"use client";

// @ikit/react: ImageKit in React. provider → <Image> (core URLs, or @ikit/worker's signed route) / <Video>;
// useUpload (over @ikit/upload's queue) → <UploadDropZone>. The next/image loaders are in "@ikit/react/next".

// The upload list's shapes are @ikit/upload's, shared with @ikit/vue.
export type { UploadItem, UploadStatus } from "@ikit/upload";
// From @ikit/worker/url, where the route's URLs are built (for @ikit/vue as well).
export { type WorkerImageParams, type WorkerImageTarget, workerImageUrl } from "@ikit/worker/url";
export { UploadDropZone, type UploadDropZoneProps } from "./drop-zone.js";
export { Image, type ImageProps } from "./image.js";
export { type ImageAttributes, type ImageSource, imageAttributes } from "./image-attributes.js";
export {
  type ImageKitConfig,
  ImageKitContext,
  ImageKitProvider,
  type ImageKitProviderProps,
  useImageKit,
} from "./provider.js";
export { type UseUploadOptions, type UseUploadResult, useUpload } from "./use-upload.js";
export { Video, type VideoProps } from "./video.js";
