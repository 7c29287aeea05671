// @ikit/admin: the ImageKit media library API over fetch, for Node 20+, Cloudflare Workers, Deno and Bun.

export {
  AdminClient,
  type AdminOptions,
  type BulkJob,
  type BulkJobStatus,
  type CustomMetadataFieldSchema,
  type ListFilesQuery,
  type ListItem,
  type PollOptions,
  type UpdatedFiles,
  type UpdateFileRequest,
  type Usage,
} from "./client.js";
export {
  AdminError,
  AuthError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  type ResponseMetadata,
  ServerError,
  TimeoutError,
} from "./errors.js";
export type { RequestOptions, WithMetadata } from "./transport.js";
export type { UploadOptions, UploadSource } from "./upload.js";
