// Node-only helpers (file paths). The client itself needs no `node:` module; this entry is for servers with a disk.
import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import type { AdminClient } from "./client.js";
import type { RequestOptions } from "./transport.js";
import type { UploadOptions } from "./upload.js";

/**
 * Uploads a file from disk. `openAsBlob` gives a file-backed Blob, so the bytes stream from disk and are never held
 * whole in memory, and a rate-limited upload can be sent again.
 *
 * @example
 * ```ts
 * import { uploadFromPath } from "@ikit/admin/node";
 * const res = await uploadFromPath(admin, "./photos/cat.jpg", { folder: "/cats" });
 * ```
 */
export async function uploadFromPath(
  client: AdminClient,
  path: string,
  fields: Omit<UploadOptions, "file" | "fileName"> & { fileName?: string } = {},
  options?: RequestOptions,
) {
  const file = await openAsBlob(path);
  return client.upload({ ...fields, fileName: fields.fileName ?? basename(path), file }, options);
}
