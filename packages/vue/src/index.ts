// @ikit/vue: ImageKit in Vue 3. Options (plugin, provider) → <IkImage> (core URLs or the worker's signed ones), <IkVideo>,
// and useUpload() (@ikit/upload's queue as reactive state) with <IkDropZone>; imageAttributes(), imagePreload() and
// workerImageUrl() for markup the components do not write. Importing it touches no browser global.

// The upload list's shapes are @ikit/upload's, shared with @ikit/react.
export type { UploadItem, UploadStatus } from "@ikit/upload";
// From @ikit/worker/url, where the route's URLs are built (for @ikit/react as well).
export { type WorkerImageParams, type WorkerImageTarget, workerImageUrl } from "@ikit/worker/url";
export {
  type ImageAttributes,
  type ImagePreload,
  type ImageProps,
  imageAttributes,
  imagePreload,
} from "./attributes.js";
export { ImageKit, type ImageKitOptions, ImageKitProvider, type ImagePlaceholder, useImageKit } from "./config.js";
export { IkDropZone } from "./drop-zone.js";
export { IkImage } from "./image.js";
export { type UseUpload, type UseUploadOptions, useUpload } from "./upload.js";
export { IkVideo } from "./video.js";
