// @ikit/vue: ImageKit in Vue 3. Options (plugin, provider) → <IkImage> (core URLs or the worker's signed ones), <IkVideo>,
// and useUpload() (@ikit/upload's queue as reactive state) with <IkDropZone>. Importing it touches no browser global.

export { ImageKit, type ImageKitOptions, ImageKitProvider, type ImagePlaceholder, useImageKit } from "./config.js";
export { IkDropZone } from "./drop-zone.js";
export { IkImage } from "./image.js";
export { type UploadItem, type UploadStatus, type UseUpload, type UseUploadOptions, useUpload } from "./upload.js";
export { IkVideo } from "./video.js";
