import { readFile } from "node:fs/promises";
import { parseUrl, type Transformation } from "@ikit/core";
import type { App } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { currentVersion } from "../library/versions.js";
import { applyTransformation, codeOf } from "../media/transform.js";
import { verifySignedUrl } from "./signed-url.js";

/** A delivery URL resolved to a stored file version and the transformation asked of it. */
export interface Resolved {
  file: FileRecord;
  version: FileVersion;
  steps: Transformation[];
}

/**
 * Resolves a URL under the URL endpoint to a file version, enforcing publication and, when `checkSignature`,
 * ImageKit's signed-URL rules (always for private files; for every file with `restrictUnsignedUrls`).
 *
 * @example
 * ```ts
 * const { file, version, steps } = resolveDeliveryUrl(app, `${urlEndpoint}/tr:w-100/a.jpg`, true);
 * ```
 */
export function resolveDeliveryUrl(app: App, url: string, checkSignature: boolean): Resolved {
  const { settings, store } = app;
  let parsed: ReturnType<typeof parseUrl>;
  try {
    parsed = parseUrl(url, { urlEndpoint: settings.urlEndpoint });
  } catch {
    throw apiErrors.resourceNotFound();
  }
  let path: string;
  try {
    path = parsed.path.split("/").map(decodeURIComponent).join("/");
  } catch {
    throw apiErrors.malformedPath();
  }
  const file = store.fileAt(path);
  if (!file) throw apiErrors.noFileAt(path);
  const versionId = parsed.query["ik-obj-version"];
  const version = versionId ? file.versions.find((v) => v.versionId === versionId) : currentVersion(file);
  if (!version) throw apiErrors.noVersionAt(versionId ?? "", path);
  if (!version.isPublished) throw apiErrors.notPublished(path);
  if (checkSignature && (settings.restrictUnsignedUrls || version.isPrivateFile)) {
    const problem = verifySignedUrl(url, settings.urlEndpoint, settings.privateKey);
    if (problem) throw apiErrors.signedUrl(problem);
  }
  return { file, version, steps: parsed.transformation };
}

/**
 * The stored bytes, transformed as asked when the file is an image (steps on other files are reported as ignored).
 *
 * @example
 * ```ts
 * const { body, mime, ignored } = await renderResolved(app, resolved, "image/webp,*\/*");
 * ```
 */
export async function renderResolved(
  app: App,
  resolved: Resolved,
  accept: string,
): Promise<{ body: Buffer; mime: string; ignored: string[] }> {
  const bytes = await readFile(app.store.blobs.path(resolved.version.blobId));
  if (resolved.steps.length === 0) return { body: bytes, mime: resolved.version.mime, ignored: [] };
  if (resolved.version.fileType !== "image") {
    const ignored = resolved.steps.flatMap((step) => Object.entries(step).map(([key, value]) => codeOf(key, value)));
    return { body: bytes, mime: resolved.version.mime, ignored };
  }
  try {
    return await applyTransformation(bytes, resolved.steps, accept);
  } catch (error) {
    // Bytes that sharp read the header of but cannot decode (truncated, corrupt, over the pixel limit).
    throw apiErrors.untransformable((error as Error).message);
  }
}
