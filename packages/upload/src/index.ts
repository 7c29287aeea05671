// @ikit/upload: direct browser uploads to ImageKit. validate → auth (fresh token) → form → transport → retry → queue.
// The token endpoint helper lives in "@ikit/upload/server", never imported from here.

export { endpointAuthenticator } from "./auth.js";
export { UploadError, type UploadErrorCode } from "./errors.js";
export type { UploadItem, UploadListOptions, UploadStatus } from "./item.js";
export { uploadItem, uploadSources, uploadStatus } from "./list.js";
export type {
  Authenticator,
  UploadAuth,
  UploadBehaviour,
  UploadOptions,
  UploadParameters,
  UploadProgress,
  UploadResult,
  UploadRetry,
  UploadRules,
  UploadSource,
} from "./options.js";
export {
  createUploader,
  progressOf,
  type Uploader,
  type UploaderEvents,
  type UploaderOptions,
  type UploadTask,
  type UploadTaskStatus,
} from "./queue.js";
export { upload } from "./upload.js";
