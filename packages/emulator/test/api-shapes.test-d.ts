// Type tests, checked by `tsc` (the package's typecheck script): the emulator's response builders return @ikit/core's
// API shapes (generated from ImageKit's OpenAPI file), so a body that drops a required field, renames a field or
// changes its type fails to compile here and in every builder, as it would in the clients that read it.
import type { BulkJobStatus, ErrorBody, FileDetails, FileMetadata, Folder, UploadResponse } from "@ikit/core";
import type { ApiError } from "../src/errors/api-error.js";
import type { fileDetails, folderDetails } from "../src/library/details.js";
import type { imageMetadata } from "../src/media/image-metadata.js";
import type { uploadResponse } from "../src/upload/response.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// The builders return the shared shapes themselves, not a loose record.
const fileIsShared: Equal<ReturnType<typeof fileDetails>, FileDetails> = true;
const folderIsShared: Equal<ReturnType<typeof folderDetails>, Folder> = true;
const uploadIsShared: Equal<ReturnType<typeof uploadResponse>, UploadResponse> = true;
const metadataIsShared: Equal<Awaited<ReturnType<typeof imageMetadata>>, FileMetadata> = true;
const errorIsShared: Equal<ReturnType<ApiError["body"]>, Required<ErrorBody> & Record<string, unknown>> = true;
// @ts-expect-error a builder typed as a loose record would let any drift through
const notLoose: Equal<ReturnType<typeof fileDetails>, Record<string, unknown>> = true;

// A file-details builder that drops the required `type` does not compile.
function fileWithoutType(): ReturnType<typeof fileDetails> {
  // @ts-expect-error `type` ("file" | "file-version") is required
  return { fileId: "f1", name: "a.jpg", filePath: "/a.jpg" };
}
// A folder entry that drops `type` does not compile either.
function folderWithoutType(): ReturnType<typeof folderDetails> {
  // @ts-expect-error `type: "folder"` is required
  return { folderId: "d1", name: "shoes", folderPath: "/shoes" };
}
// An error body needs both of ImageKit's fields.
function errorWithoutHelp(): ReturnType<ApiError["body"]> {
  // @ts-expect-error `help` is required in the emulator's error bodies
  return { message: "The requested file does not exist." };
}

const renamed: UploadResponse = {
  fileId: "f1",
  // @ts-expect-error a renamed field (ImageKit says `thumbnailUrl`) is an excess property
  thumbnailURL: "https://ik.imagekit.io/demo/tr:n-ik_ml_thumbnail/a.jpg",
};
// @ts-expect-error `size` is a number of bytes, not a string
const retyped: FileDetails = { type: "file", size: "1024" };
// @ts-expect-error a bulk job is a folder copy, move or rename
const unknownJob: BulkJobStatus = { jobId: "j1", type: "DELETE_FOLDER", status: "Pending" };

export {
  errorIsShared,
  errorWithoutHelp,
  fileIsShared,
  fileWithoutType,
  folderIsShared,
  folderWithoutType,
  metadataIsShared,
  notLoose,
  renamed,
  retyped,
  unknownJob,
  uploadIsShared,
};
