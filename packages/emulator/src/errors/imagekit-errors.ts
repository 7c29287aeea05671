// Every error the emulator answers, written once: ImageKit's own wording where its API answers or documents one, and
// a message that says what was wrong and how to fix it where ImageKit gives none. Handlers throw these by name, so a
// wording is fixed here for every route that uses it (as Azurite's StorageErrorFactory does for Azure's errors).
import { type Limits, limitName, MAX_NESTING } from "../limits.js";
import { ApiError } from "./api-error.js";

const MISSING = { reason: "MISSING_PARAMETER" };
const INVALID_TRANSFORMATION = "The file could not be uploaded because the transformation field is invalid.";

/** A pixel count in megapixels for messages: `468.8`, `100`. */
function megapixels(pixels: number): string {
  return String(Number((pixels / 1e6).toFixed(1)));
}

/** `"text"` cut to `max` characters, JSON-quoted, for echoing a client's value in a message. */
function quote(value: string, max: number): string {
  return JSON.stringify(value.slice(0, max));
}

/**
 * The emulator's errors, one named constructor each. Throw what they return.
 *
 * @example
 * ```ts
 * if (!file) throw apiErrors.fileNotFound(); // 404 "The requested file does not exist."
 * throw apiErrors.invalidParameter("fileId"); // 400 "Your request contains invalid fileId parameter."
 * ```
 */
export const apiErrors = {
  // Parameters, in ImageKit's wording.

  /** 400 `Your request contains invalid <name> parameter[: <detail>].` */
  invalidParameter: (name: string, detail?: string, extra?: Record<string, unknown>) =>
    new ApiError(400, `Your request contains invalid ${name} parameter${detail ? `: ${detail}` : ""}.`, extra),
  /** 400 `Your request contains invalid value for <name> parameter. <detail>` */
  invalidValue: (name: string, detail: string) =>
    new ApiError(400, `Your request contains invalid value for ${name} parameter. ${detail}`),
  /** 400 `<name> parameter is missing.` (with `reason: "MISSING_PARAMETER"` where ImageKit sends it). */
  missingParameter: (name: string, withReason = false) =>
    new ApiError(400, `${name} parameter is missing.`, withReason ? MISSING : {}),
  /** 400 for copy and move: `<name> is required`. */
  requiredParameter: (name: string) =>
    new ApiError(
      400,
      `Your request is missing parameters / contains invalid parameters: ${name} is required.`,
      MISSING,
    ),
  /** 400 `Your request contains invalid syntax for the <name> parameter: <detail>.` (`checks`, `searchQuery`). */
  invalidSyntax: (name: "checks" | "searchQuery", detail: string) =>
    new ApiError(400, `Your request contains invalid syntax for the ${name} parameter: ${detail}.`),
  /** 400 for a body key the endpoint does not take. */
  unknownParameter: (key: string, known: string[]) =>
    new ApiError(400, `Your request contains unknown parameter ${quote(key, 100)}. Updatable: ${known.join(", ")}.`),

  // Authentication.

  /** 401 without credentials. */
  noPrivateKey: () => new ApiError(401, "Your request does not contain private API key."),
  /** 403 for a wrong private or public key. */
  notAuthenticated: () => new ApiError(403, "Your account cannot be authenticated."),
  /** 400 for a client-side upload missing one of its four auth fields. */
  missingUploadAuth: (field: string) =>
    new ApiError(
      400,
      `Your request is missing ${field} parameter. A client-side upload needs publicKey, signature, expire and token; a server-side one needs HTTP Basic auth with the private key.`,
    ),
  /** 400 for an `expire` in the past or more than an hour ahead. */
  invalidExpire: () =>
    new ApiError(
      400,
      "Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.",
    ),
  /** 400 for an upload signature that does not match. */
  invalidSignature: () =>
    new ApiError(
      400,
      "Your request contains invalid signature. It should be the lowercase hex HMAC-SHA1 of token + expire, keyed with your private API key.",
    ),
  /** 400 for an upload with both HTTP Basic and a signature. */
  bothAuthMethods: () =>
    new ApiError(
      400,
      "Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.",
    ),
  /** 400 for a spent upload token. */
  tokenReused: (token: string) =>
    new ApiError(
      400,
      `The token with value '${token.slice(0, 200)}' has been used before. We suggest using V4 UUIDs, or another random string with enough entropy to avoid collisions.`,
    ),
  /** 401 for a delivery URL whose `ik-s`/`ik-t` is missing, malformed, tampered with or expired. */
  signedUrl: (problem: "missing" | "malformed" | "mismatch" | "expired") =>
    new ApiError(
      401,
      {
        missing:
          "This URL needs a signature: the file is private or unsigned URLs are restricted. Sign it with ik-s (and ik-t to expire).",
        malformed: "The URL's ik-s or ik-t parameter is malformed.",
        mismatch:
          "The URL's signature (ik-s) does not match: it was signed with another private key, another URL endpoint, or the URL changed after signing.",
        expired: "The signed URL has expired (ik-t is in the past).",
      }[problem],
      { reason: `SIGNATURE_${problem.toUpperCase()}` },
    ),

  // Request bodies and routing.

  /** 404 for a method and path the emulator does not serve. */
  noRoute: (method: string, path: string) =>
    new ApiError(
      404,
      `The emulator has no ${method} ${path.slice(0, 200)}: check the path and method against ImageKit's API reference.`,
    ),
  /** 413 for a JSON body over 5 MB. */
  bodyTooLarge: () => new ApiError(413, "Your request body is larger than 5 MB."),
  /** 400 for a body that is not JSON. */
  invalidJsonBody: () => new ApiError(400, "Your request contains invalid JSON in its body."),
  /** 400 for a JSON body that is not an object. */
  bodyNotObject: () => new ApiError(400, "Your request body must be a JSON object."),
  /** 400 for a form field holding JSON that does not parse. */
  invalidJsonField: (name: string, value: string) =>
    new ApiError(
      400,
      `Your request contains invalid JSON in the ${name} parameter: ${quote(value, 80)} does not parse.`,
    ),
  /** 400 for an upload that is not `multipart/form-data`. */
  notMultipart: (contentType: string) =>
    new ApiError(
      400,
      `The upload API takes multipart/form-data; this request's Content-Type is ${quote(contentType, 100)}.`,
    ),
  /** 400 for a multipart body busboy cannot parse. */
  malformedMultipart: (detail: string) =>
    new ApiError(400, `Your request contains malformed multipart data: ${detail}.`),
  /** 400 for a text form field other than `file` over 1 MB. */
  fieldTooLarge: (name: string) => new ApiError(400, `The ${name.slice(0, 100)} field is larger than 1 MB.`),
  /** 400 for text form fields other than `file` adding up to more than 4 MB. */
  fieldsTooLarge: () => new ApiError(400, "The form fields other than file add up to more than 4 MB."),
  /** 400 for an upload sending `file` more than once. */
  repeatedFile: () => new ApiError(400, "Your request has more than one file parameter."),
  /** 400 for a multipart body with too many parts. */
  tooManyParts: () => new ApiError(400, "Your request has too many multipart parts."),
  /** 400 for a multipart body with too many fields. */
  tooManyFields: () => new ApiError(400, "Your request has too many form fields."),
  /** 400 for a body cut off before its end. */
  requestAborted: () => new ApiError(400, "The request was aborted before its body was complete."),
  /** 400 for a body the socket failed to deliver. */
  bodyUnreadable: (detail: string) => new ApiError(400, `The request body could not be read: ${detail}.`),
  /** 400 for any other failure while reading a body. */
  requestUnreadable: (detail: string) => new ApiError(400, `Your request could not be read: ${detail}.`),
  /** 429 with ImageKit's `X-RateLimit-*` headers. */
  rateLimited: (limit: number, intervalMs: number, resetMs: number) =>
    new ApiError(
      429,
      `Too many requests: this endpoint allows ${limit} requests per ${intervalMs} ms. Retry after ${resetMs} ms (X-RateLimit-Reset).`,
      {},
      {
        "X-RateLimit-Limit": String(limit),
        "X-RateLimit-Reset": String(resetMs),
        "X-RateLimit-Interval": String(intervalMs),
      },
    ),

  // The upload API.

  /** 400 for an upload without `file`. */
  missingFile: () => new ApiError(400, "Your request is missing file parameter."),
  /** 400 for an upload (or rename) without a file name. */
  missingFileName: (field = "fileName") => new ApiError(400, `Missing ${field} parameter for upload.`),
  /** 400 for a file over the size limit. */
  fileTooLarge: () => new ApiError(400, "Your request contains invalid file parameter. The file size exceeds limits."),
  /** 400 for a text `file` that is neither base64, a data URI nor an http(s) URL, or that decodes to nothing. */
  invalidFileSource: (detail?: string) =>
    new ApiError(
      400,
      `Your request contains invalid file parameter. Send the file as binary, as base64, as a data URI or as an http(s) URL.${detail ? ` ${detail}` : ""}`,
    ),
  /** 400 when a file exists at the path and neither overwriting nor a unique name is allowed. */
  fileExistsNoOverwrite: () =>
    new ApiError(
      400,
      "A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.",
    ),
  /** 400 for a `transformation` field that is not `{ pre, post }` of valid transformations. */
  invalidTransformation: (detail?: string) =>
    new ApiError(400, detail ? `${INVALID_TRANSFORMATION} ${detail}` : INVALID_TRANSFORMATION),
  /** 400 for a `transformation` on a file that is neither an image nor a video. */
  transformationNeedsMedia: () =>
    new ApiError(
      400,
      "The file could not be uploaded because transformations are supported only for image and video files.",
    ),
  /** The `pre` transformation failed: a limit's error keeps its status (400, or 429 when the image queue is full). */
  preTransformationFailed: (error: Error) =>
    error instanceof ApiError
      ? new ApiError(
          error.status,
          `The file could not be uploaded because the pre-transformation failed: ${error.message}`,
          error.extra,
          error.headers,
        )
      : new ApiError(400, `The file could not be uploaded because the pre-transformation failed: ${error.message}.`),
  /** 400 when `checks` do not hold. */
  checksFailed: () => new ApiError(400, "Your request failed 'checks' validation."),

  // Files, versions and tags.

  /** 404 for an unknown file id. */
  fileNotFound: () => new ApiError(404, "The requested file does not exist."),
  /** 404 naming the unknown ids of a bulk request. */
  filesNotFound: (missingFileIds: string[]) =>
    new ApiError(404, "The requested file(s) does not exist.", { missingFileIds }),
  /** 404 for an unknown version id when reading or restoring. */
  versionNotFound: () => new ApiError(404, "The requested file version does not exist."),
  /** 404 for an unknown version id when deleting. */
  assetNotFound: () => new ApiError(404, "The requested asset does not exist."),
  /** 400 for deleting the current version. */
  deleteCurrentVersion: () => new ApiError(400, "You cannot delete current version of a file."),
  /** 400 for `fileIds` that is not an array of strings. */
  fileIdsNotArray: () => new ApiError(400, "fileIds should be an Array."),
  /** 400 for empty `fileIds`. */
  fileIdsEmpty: () => new ApiError(400, "fileIds is empty."),
  /** 400 for a batch delete of more than 100 files. */
  tooManyToDelete: () => new ApiError(400, "fileIds cannot have more than 100 items."),
  /** 400 for a tag edit of more than 50 files. */
  tooManyToEdit: () => new ApiError(400, "A maximum of 50 files can be edited at a time."),
  /** 400 for tags (or AI tags) to add or remove that are not an array of strings. */
  invalidTagList: (key: "tags" | "AITags") =>
    new ApiError(
      400,
      `Your request contains invalid value for ${key}. Please provide an array of strings. Example - ['t-shirt','summer-sale'].`,
    ),
  /** 400 for an empty tag list. */
  emptyTagList: (key: "tags" | "AITags") => new ApiError(400, `${key} array cannot be empty.`),
  /** 400 for `removeAITags` that is neither `"all"` nor an array of strings. */
  invalidRemoveAITags: () =>
    new ApiError(400, 'Your request contains invalid value for removeAITags. Send an array of strings or "all".'),

  // Copy, move and rename.

  /** 404 for a copy or move source that does not exist. */
  sourceFileNotFound: (filePath: string) =>
    new ApiError(404, `No file found with filePath \`${filePath.slice(0, 200)}\`.`, { reason: "SOURCE_FILE_MISSING" }),
  /** 404 for a rename of a file that does not exist. */
  renameFileNotFound: (filePath: string) =>
    new ApiError(404, `No file found in media library at filePath ${filePath.slice(0, 200)}`, {
      reason: "FILE_MISSING",
    }),
  /** 400 for a copy or move into the folder the file is in. */
  sameFolder: () =>
    new ApiError(400, "sourceFilePath and destinationPath are the same folder.", {
      reason: "SAME_SOURCE_AND_DESTINATION",
    }),
  /** 400 for a rename to the same name. */
  sameName: () =>
    new ApiError(400, "newFileName cannot be the same as its existing name.", { reason: "SAME_OLD_AND_NEW_NAME" }),
  /** 409 for a rename onto a taken name. */
  fileNameTaken: (name: string) =>
    new ApiError(409, `File with name ${name} already exists at the same location.`, { reason: "FILE_ALREADY_EXISTS" }),

  // Folders and bulk jobs.

  /** 400 for a folder name that is `.`, `..` or a path. */
  invalidFolderName: () =>
    new ApiError(400, "'.' & '..' can not be used as folder-name", { reason: "INVALID_FOLDER_PATH" }),
  /** 404 for deleting a folder that does not exist. */
  folderNotFound: (folderPath: string) =>
    new ApiError(404, `No folder found with folderPath \`${folderPath.slice(0, 200)}\`.`, {
      reason: "FOLDER_NOT_FOUND",
    }),
  /** 400 for copying or moving the root. */
  sourceIsRoot: () => new ApiError(400, "sourceFolderPath cannot be root.", { reason: "SOURCE_IS_ROOT" }),
  /** 400 for copying or moving a folder onto itself. */
  sameSourceFolder: () =>
    new ApiError(400, "sourceFolderPath and destinationPath is same", { reason: "SAME_SOURCE_AND_DESTINATION" }),
  /** 400 for moving a folder into its own sub-folder. */
  parentIntoChild: () =>
    new ApiError(400, "This operation is not allowed because parent folder cannot be moved into child folder.", {
      reason: "INVALID_PARAMETER",
    }),
  /** 404 for copying or moving a folder that does not exist. */
  noFilesAtSource: (folderPath: string) =>
    new ApiError(404, `No files & folder found at sourceFolderPath \`${folderPath.slice(0, 200)}\`.`, {
      reason: "NO_FILES_FOLDER",
    }),
  /** 400 for renaming the root. */
  renameRoot: () => new ApiError(400, "folderPath cannot be root."),
  /** 404 for renaming a folder that does not exist. */
  renameFolderNotFound: () => new ApiError(404, "Source folder not found."),
  /** 409 for renaming a folder onto a taken name. */
  folderNameTaken: (name: string) => new ApiError(409, `Folder with name ${name} already exists at the same location.`),
  /** 404 for an unknown bulk job. */
  jobNotFound: () => new ApiError(404, "The requested job does not exist."),

  // Custom metadata fields and values.

  /** 400 for a field schema ImageKit would refuse. */
  invalidSchema: (detail: string) => new ApiError(400, `Invalid schema object. ${detail}`),
  /** 400 for custom metadata values that do not fit the fields (`errors`: field → problem). */
  invalidCustomMetadata: (detail: string, errors?: Record<string, string>) =>
    new ApiError(400, `Invalid custom metadata. ${detail}`, errors ? { errors } : {}),
  /** 400 for a missing or empty `name` or `label`. */
  missingText: (name: string) => new ApiError(400, `${name} parameter is missing or not a string.`),
  /** 400 for a field name with other characters. */
  invalidFieldName: () => new ApiError(400, "name may only contain letters, digits, _ and - (up to 100 characters)."),
  /** 400 for a field name used before (deleted fields keep theirs). */
  fieldNameTaken: () => new ApiError(400, "A custom metadata field with this name already exists."),
  /** 400 for a label used by a live field. */
  fieldLabelTaken: () => new ApiError(400, "A custom metadata field with this label already exists."),
  /** 404 for an unknown or deleted field. */
  fieldNotFound: () => new ApiError(404, "No such custom metadata field exists."),
  /** 400 for updating a deleted field. */
  fieldDeleted: () => new ApiError(400, "Cannot update a deleted custom metadata fields."),
  /** 400 for changing a field's name. */
  fieldNameFixed: () => new ApiError(400, "Name cannot be updated."),
  /** 400 for an update with neither label nor schema. */
  fieldUpdateEmpty: () => new ApiError(400, "Either label or schema should be provided."),

  // Listing, search, purge, metadata and usage.

  /** 400 for a `sort` that is not `ASC_`/`DESC_` and a known key. */
  invalidSort: () => new ApiError(400, "Your request contains invalid value for sort parameters."),
  /** 400 for a negative or non-integer `skip`. */
  skipTooSmall: (sent: string | null) =>
    new ApiError(
      400,
      `The value of skip parameter should be greater than or equal to 0. Value sent is ${String(sent).slice(0, 50)}.`,
    ),
  /** 400 for a `limit` below 1 or not an integer. */
  limitTooSmall: (sent: string | null) =>
    new ApiError(400, `Minimum value of limit parameter is 1. Value sent is ${String(sent).slice(0, 50)}.`),
  /** 400 for a `limit` above 1000. */
  limitTooLarge: (sent: number) =>
    new ApiError(400, `Maximum value of limit parameter is 1000. Value sent is ${sent}.`),

  /** 400 for a `searchQuery` field or operator the emulator does not evaluate. */
  unsupportedSearch: (detail: string) => new ApiError(400, `Your request contains unsupported searchQuery: ${detail}`),
  /** 400 for a purge URL outside the URL endpoint. */
  purgeUrlOutside: (urlEndpoint: string) =>
    new ApiError(
      400,
      `The URL is not valid for cache purging. It must start with this emulator's URL endpoint ${urlEndpoint}/.`,
    ),
  /** 400 for an unknown purge request (ImageKit answers 400, not 404). */
  purgeNotFound: () => new ApiError(400, "No request found for this requestId."),
  /** 400 for a metadata URL outside the URL endpoint. */
  metadataUrlOutside: (urlEndpoint: string) =>
    new ApiError(
      400,
      `The url should be accessible using your ImageKit.io account: it must start with ${urlEndpoint}/.`,
    ),
  /** 404 for a metadata URL that serves nothing. */
  urlInaccessible: () => new ApiError(404, "The requested file does not exist or is inaccessible at this time."),
  /** 400 for usage without both dates. */
  usageDatesMissing: () => new ApiError(400, "startDate and endDate are required in query parameters."),
  /** 400 for usage dates not in YYYY-MM-DD. */
  usageDateFormat: () => new ApiError(400, "startDate and endDate should be in format YYYY-MM-DD."),
  /** 400 for a start after the end. */
  usageDatesReversed: () => new ApiError(400, "startDate should be before endDate."),
  /** 400 for more than 90 days. */
  usageRangeTooLong: () => new ApiError(400, "startDate and endDate should be within 90 days."),

  // What one request may cost (see limits.ts): each message names the limit's option and CLI flag.

  /** 400 for a request target that is not a path (`//`, `//[`, an absolute URL). */
  targetNotPath: (target: string) =>
    new ApiError(
      400,
      `The request target ${quote(target, 100)} is not a path: send a path such as /v1/files, starting with a single /.`,
    ),
  /** 414 for a request target over `maxUrlLength`. */
  targetTooLong: (length: number, limits: Pick<Limits, "maxUrlLength">) =>
    new ApiError(
      414,
      `The request target is ${length} characters long, over the emulator's limit of ${limits.maxUrlLength} (${limitName("maxUrlLength")}).`,
    ),
  /** 400 for JSON (a body or a field) or a query nested deeper than the parsers go. */
  nestedTooDeep: (name: string) =>
    new ApiError(
      400,
      name === "body"
        ? `Your request body is nested deeper than ${MAX_NESTING} levels.`
        : `Your request contains invalid ${name} parameter: it is nested deeper than ${MAX_NESTING} levels.`,
    ),
  /** 400 for an image whose pixels are over `maxInputPixels`: it is stored and served, never decoded. */
  inputTooLarge: (width: number, height: number, limits: Pick<Limits, "maxInputPixels">) =>
    new ApiError(
      400,
      `The image is ${width}×${height} (${megapixels(width * height)} megapixels), over the ${megapixels(limits.maxInputPixels)} megapixels the emulator decodes (${limitName("maxInputPixels")}). It is stored and served as it is, but not transformed.`,
    ),
  /** 400 for a step that would make a side longer than `maxOutputDimension`. */
  outputSideTooLong: (width: number, height: number, limits: Pick<Limits, "maxOutputDimension">) =>
    new ApiError(
      400,
      `The transformation asks for a ${width}×${height} image; the emulator's longest side is ${limits.maxOutputDimension} px (${limitName("maxOutputDimension")}). Ask for a smaller size.`,
    ),
  /** 400 for a step that would make more pixels than `maxOutputPixels`. */
  outputTooLarge: (width: number, height: number, limits: Pick<Limits, "maxOutputPixels">) =>
    new ApiError(
      400,
      `The transformation would make a ${width}×${height} image (${megapixels(width * height)} megapixels), over the emulator's limit of ${megapixels(limits.maxOutputPixels)} megapixels (${limitName("maxOutputPixels")}). Ask for a smaller size.`,
    ),
  /** 400 for an AVIF over a quarter of `maxOutputPixels` (AV1 encoding takes four times the memory per pixel). */
  avifTooLarge: (width: number, height: number, limits: Pick<Limits, "maxOutputPixels">) =>
    new ApiError(
      400,
      `The transformation would make a ${width}×${height} AVIF image (${megapixels(width * height)} megapixels), over the emulator's AVIF limit of ${megapixels(limits.maxOutputPixels / 4)} megapixels, a quarter of maxOutputPixels (${limitName("maxOutputPixels")}): AVIF encoding takes four times the memory per pixel. Ask for a smaller size or another format.`,
    ),
  /** 400 for more chained steps than `maxTransformationSteps`. */
  tooManySteps: (steps: number, limits: Pick<Limits, "maxTransformationSteps">) =>
    new ApiError(
      400,
      `The transformation has ${steps} steps, over the emulator's limit of ${limits.maxTransformationSteps} chained steps (${limitName("maxTransformationSteps")}).`,
    ),
  /** 400 for image work running past `transformTimeoutMs`. */
  transformTimedOut: (limits: Pick<Limits, "transformTimeoutMs">) =>
    new ApiError(
      400,
      `The transformation took longer than ${limits.transformTimeoutMs} ms, the emulator's limit (${limitName("transformTimeoutMs")}). Ask for fewer or smaller steps.`,
    ),
  /** 429 when the image queue is full. */
  imageQueueFull: () =>
    new ApiError(
      429,
      `Too many image transformations are running or waiting (${limitName("imageConcurrency")}); retry in a moment.`,
      {},
      { "Retry-After": "1" },
    ),
  /** For work whose client closed the connection: nobody reads the answer, the work just stops. */
  clientGone: () => new ApiError(400, "The client closed the connection before the work for it finished."),
  /** 400 for a URL source whose headers and body take longer than `urlSourceTimeoutMs`. */
  urlSourceTimedOut: (url: string, limits: Pick<Limits, "urlSourceTimeoutMs">) =>
    new ApiError(
      400,
      `Your request contains invalid file parameter: fetching ${url.slice(0, 200)} took longer than ${limits.urlSourceTimeoutMs} ms, the emulator's limit (${limitName("urlSourceTimeoutMs")}).`,
    ),

  // Delivery.

  /** 400 for a transformation holding a control character (a newline, NUL, …). */
  controlCharacter: (char: string) =>
    new ApiError(
      400,
      `The transformation contains a control character (U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}), which no transformation parameter may hold.`,
    ),

  /** 404 for a URL that does not parse under the URL endpoint. */
  resourceNotFound: () => new ApiError(404, "The requested resource does not exist."),
  /** 400 for a path with broken percent-encoding. */
  malformedPath: () => new ApiError(400, "The URL path contains malformed percent-encoding."),
  /** 404 for a path with no file. */
  noFileAt: (path: string) => new ApiError(404, `No file found at ${path.slice(0, 200)}.`),
  /** 404 for an `ik-obj-version` the file does not have. */
  noVersionAt: (versionId: string, path: string) =>
    new ApiError(404, `No version ${versionId.slice(0, 64)} of ${path.slice(0, 200)}.`),
  /** 404 for an unpublished file. */
  notPublished: (path: string) => new ApiError(404, `${path.slice(0, 200)} is not published.`),
  /** 400 for stored bytes sharp cannot transform. */
  untransformable: (detail: string) => new ApiError(400, `The image could not be transformed: ${detail}.`),
};
