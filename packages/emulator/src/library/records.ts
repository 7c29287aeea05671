// The records the emulator keeps. One JSON document per record on disk (see storage/persistence.ts).
import type { BulkJobStatus, CustomMetadataField } from "@ikit/core";
import type { Analysis } from "../media/analyse.js";
import type { Shape } from "../storage/shape.js";

/** An AI tag as ImageKit returns it. */
export interface AITag {
  name: string;
  confidence: number;
  source: string;
}

/** One version of a file: its bytes (by blob id) and the attributes that belong to that version. */
export interface FileVersion extends Pick<Analysis, "mime" | "fileType" | "format" | "width" | "height" | "hasAlpha"> {
  versionId: string;
  /** `Version 1`, `Version 2`, … */
  name: string;
  blobId: string;
  size: number;
  tags: string[] | null;
  AITags: AITag[] | null;
  customCoordinates: string | null;
  customMetadata: Record<string, unknown>;
  isPrivateFile: boolean;
  isPublished: boolean;
  description?: string;
  createdAt: string;
  updatedAt: string;
}

/** A file in the media library: where it is, and its versions (the current one by id). */
export interface FileRecord {
  fileId: string;
  name: string;
  /** The folder, cleaned: `""` for the root, else `/a/b`. */
  folder: string;
  currentVersionId: string;
  versions: FileVersion[];
}

/** A folder, created explicitly or by an upload into it. */
export interface FolderRecord {
  folderId: string;
  /** The full path, e.g. `/products/shoes`. */
  path: string;
  createdAt: string;
  updatedAt: string;
}

/** The value types a custom metadata field can hold. */
export type FieldType = CustomMetadataField["schema"]["type"];

/**
 * A custom metadata field definition: ImageKit's shape (from @ikit/core, generated from the OpenAPI file), plus the
 * emulator's `deleted` mark. A schema's `defaultValue` is checked against its type before it is stored
 * (`checkFieldSchema`).
 */
export interface FieldRecord extends CustomMetadataField {
  deleted?: boolean;
}

/** An asynchronous folder job (`/v1/bulkJobs/...`). */
export interface JobRecord {
  jobId: string;
  type: NonNullable<BulkJobStatus["type"]>;
  status: NonNullable<BulkJobStatus["status"]>;
  purgeRequestId?: string;
  createdAt: number;
}

/** A cache purge request. The emulator has no CDN cache: a purge completes after a short delay. */
export interface PurgeRecord {
  requestId: string;
  url: string;
  createdAt: number;
}

/** A client-side upload token that has been used; kept until its `expire` so it cannot be replayed. */
export interface TokenRecord {
  id: string;
  expire: number;
}

/** The collections kept by the store, by name. */
export interface Collections {
  files: FileRecord;
  folders: FolderRecord;
  fields: FieldRecord;
  jobs: JobRecord;
  purges: PurgeRecord;
  tokens: TokenRecord;
}

/** The names of the {@link Collections}, in load order. */
export const COLLECTIONS: (keyof Collections)[] = ["files", "folders", "fields", "jobs", "purges", "tokens"];

const VERSION_SHAPE: Shape = {
  versionId: "string",
  name: "string",
  blobId: "string",
  size: "number",
  mime: "string",
  fileType: "string",
  format: "string?",
  width: "number?",
  height: "number?",
  hasAlpha: "boolean?",
  tags: "string[]|null",
  AITags: "object[]|null",
  customCoordinates: "string|null",
  customMetadata: "object",
  isPrivateFile: "boolean",
  isPublished: "boolean",
  description: "string?",
  createdAt: "string",
  updatedAt: "string",
};

/**
 * What each collection's records must look like when read back from disk: a record edited by hand into another
 * shape stops start-up with a message naming it, instead of failing a request later.
 *
 * @example
 * ```ts
 * shapeProblem(JSON.parse(text), RECORD_SHAPES.files); // "versions is missing, expected a non-empty array"
 * ```
 */
export const RECORD_SHAPES: { [C in keyof Collections]: Shape } = {
  files: { fileId: "string", name: "string", folder: "string", currentVersionId: "string", versions: [VERSION_SHAPE] },
  folders: { folderId: "string", path: "string", createdAt: "string", updatedAt: "string" },
  fields: { id: "string", name: "string", label: "string", schema: { type: "string" }, deleted: "boolean?" },
  jobs: { jobId: "string", type: "string", status: "string", purgeRequestId: "string?", createdAt: "number" },
  purges: { requestId: "string", url: "string", createdAt: "number" },
  tokens: { id: "string", expire: "number" },
};
