// Named shapes of ImageKit's API, all aliases into the generated `openapi.ts` (the one home of API shapes, shared by
// the emulator that serves them and the clients that receive them). Types only: nothing here exists at run time.
import type { components, operations } from "./openapi.js";

type Schemas = components["schemas"];

/**
 * The multipart fields of `POST /api/v1/files/upload` as the API documents them (before serialization).
 *
 * @example
 * ```ts
 * const fields: UploadRequest = { file: "https://example.com/a.jpg", fileName: "a.jpg", tags: ["sale"] };
 * ```
 */
export type UploadRequest = Schemas["FileUploadV1"];

/**
 * What the upload API answers on success.
 *
 * @example
 * ```ts
 * const res: UploadResponse = await (await fetch(uploadUrl, { method: "POST", body: form })).json();
 * console.log(res.fileId, res.url);
 * ```
 */
export type UploadResponse = Schemas["Upload"];

/**
 * A key of `responseFields`: extra fields the upload response carries only when asked for.
 *
 * @example
 * ```ts
 * const fields: UploadResponseField[] = ["tags", "customMetadata"];
 * ```
 */
export type UploadResponseField = NonNullable<UploadRequest["responseFields"]>[number];

/**
 * The upload `transformation` field: a `pre` transformation string and `post` items.
 *
 * @example
 * ```ts
 * const t: UploadTransformation = { pre: "w-300,h-300", post: [{ type: "thumbnail", value: "w-150" }] };
 * ```
 */
export type UploadTransformation = Schemas["TransformationObject"];

/**
 * One item of the `extensions` field (upload and file update): an AI extension or a saved extension reference.
 *
 * @example
 * ```ts
 * const ext: UploadExtension = { name: "google-auto-tagging", minConfidence: 80, maxTags: 5 };
 * ```
 */
export type UploadExtension = Schemas["Extensions"][number];

/**
 * A file or file version of the media library (`GET /v1/files/{fileId}/details`, list items of type file).
 *
 * @example
 * ```ts
 * const file: FileDetails = await (await fetch(`${apiBase}/v1/files/${id}/details`, { headers })).json();
 * ```
 */
export type FileDetails = Schemas["FileDetails"];

/**
 * A folder of the media library (list items of type folder).
 *
 * @example
 * ```ts
 * const isFolder = (item: FileDetails | Folder): item is Folder => item.type === "folder";
 * ```
 */
export type Folder = Schemas["FolderDetails"];

/**
 * The items of `GET /v1/files`: files, file versions and folders.
 *
 * @example
 * ```ts
 * const items: ListFilesResponse = await (await fetch(`${apiBase}/v1/files?path=/shoes`, { headers })).json();
 * ```
 */
export type ListFilesResponse = operations["list-and-search-assets"]["responses"][200]["content"]["application/json"];

/**
 * A custom metadata field definition (`/v1/customMetadataFields`).
 *
 * @example
 * ```ts
 * const field: CustomMetadataField = { id: "f1", name: "price", label: "Price", schema: { type: "Number" } };
 * ```
 */
export type CustomMetadataField = Schemas["CustomMetadataField"];

/**
 * Image metadata of a stored file or a URL (`/v1/files/{fileId}/metadata`, `responseFields: ["metadata"]`).
 *
 * @example
 * ```ts
 * const { width, height, pHash }: FileMetadata = upload.metadata ?? {};
 * ```
 */
export type FileMetadata = Schemas["Metadata"];

/**
 * The body of an API error: ImageKit's `message` and `help`.
 *
 * @example
 * ```ts
 * const body: ErrorBody = await response.json();
 * throw new Error(`${response.status}: ${body.message}`);
 * ```
 */
export type ErrorBody = components["responses"]["Unauthorized"]["content"]["application/json"];

/**
 * The status of a bulk folder job (`GET /v1/bulkJobs/{jobId}`: copy, move or rename of a folder).
 *
 * @example
 * ```ts
 * const job: BulkJobStatus = await (await fetch(`${apiBase}/v1/bulkJobs/${jobId}`, { headers })).json();
 * if (job.status === "Completed") console.log(job.type, "done");
 * ```
 */
export type BulkJobStatus = operations["bulk-job-status"]["responses"][200]["content"]["application/json"];

/**
 * The status of a cache purge request (`GET /v1/files/purge/{requestId}`).
 *
 * @example
 * ```ts
 * const { status }: PurgeStatus = await (await fetch(`${apiBase}/v1/files/purge/${requestId}`, { headers })).json();
 * ```
 */
export type PurgeStatus = operations["purge-status"]["responses"][200]["content"]["application/json"];

/**
 * What `PATCH /v1/files/{fileId}/details` answers: the updated file, and the status of the extensions it started.
 *
 * @example
 * ```ts
 * const res: FileDetailsUpdateResponse = await (await fetch(detailsUrl, { method: "PATCH", headers, body })).json();
 * console.log(res.tags, res.extensionStatus?.["remove-bg"]);
 * ```
 */
export type FileDetailsUpdateResponse =
  operations["update-file-details"]["responses"][200]["content"]["application/json"];

/**
 * The query of `GET /v1/files` (list and search).
 *
 * @example
 * ```ts
 * const query: ListFilesQuery = { path: "/shoes", type: "file", sort: "DESC_CREATED", limit: 100 };
 * ```
 */
export type ListFilesQuery = NonNullable<operations["list-and-search-assets"]["parameters"]["query"]>;

/**
 * The body of `PATCH /v1/files/{fileId}/details`: the fields a details update may change.
 *
 * @example
 * ```ts
 * const update: UpdateFileRequest = { tags: ["sale"], customCoordinates: null };
 * ```
 */
export type UpdateFileRequest = Schemas["UpdateFileRequest"];

/**
 * The answer to a folder copy, move or rename: the id of the bulk job to poll.
 *
 * @example
 * ```ts
 * const { jobId }: BulkJob = await (await fetch(`${apiBase}/v1/bulkJobs/copyFolder`, { method: "POST", headers, body })).json();
 * ```
 */
export type BulkJob = Schemas["JobResponse"];

/**
 * Account usage between two dates (`GET /v1/accounts/usage`).
 *
 * @example
 * ```ts
 * const { bandwidthBytes }: Usage = await (await fetch(`${apiBase}/v1/accounts/usage?${range}`, { headers })).json();
 * ```
 */
export type Usage = operations["get-usage"]["responses"][200]["content"]["application/json"];

/**
 * The answer to adding or removing (AI) tags in bulk.
 *
 * @example
 * ```ts
 * const { successfullyUpdatedFileIds }: UpdatedFiles = await (await fetch(`${apiBase}/v1/files/addTags`, init)).json();
 * ```
 */
export type UpdatedFiles = operations["add-tags-bulk"]["responses"][200]["content"]["application/json"];
