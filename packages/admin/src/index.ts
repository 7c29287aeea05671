// @ikit/admin: the ImageKit media library API over fetch, for Node 20+, Cloudflare Workers, Deno and Bun.

// The API shapes have one home, @ikit/core (generated from ImageKit's OpenAPI file); re-exported for convenience.
export type { BulkJob, BulkJobStatus, ListFilesQuery, UpdatedFiles, UpdateFileRequest, Usage } from "@ikit/core";
export {
  AdminClient,
  type AdminOptions,
  type CustomMetadataFieldSchema,
  type ListItem,
  type PollOptions,
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
