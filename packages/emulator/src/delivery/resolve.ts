import { parseUrl, type Transformation } from "@ikit/core";
import type { App } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { currentVersion } from "../library/versions.js";
import type { ImageWork } from "../media/image-queue.js";
import { applyTransformation, codeOf } from "../media/transform.js";
import { verifySignedUrl } from "./signed-url.js";

// A control character as it is or percent-encoded: core's parseUrl keeps most values as written in the URL (`%0A`).
const CONTROL = /[\u0000-\u001f\u007f]|%[01][0-9a-f]|%7f/i;

/** A control character (newline, NUL, …) anywhere in the parsed transformation, which no parameter may hold. */
function controlCharacter(value: unknown): string | undefined {
  if (typeof value === "string") {
    const found = CONTROL.exec(value)?.[0];
    return found && found.length === 3 ? String.fromCharCode(Number.parseInt(found.slice(1), 16)) : found;
  }
  if (typeof value !== "object" || value === null) return undefined;
  for (const item of Object.values(value)) {
    const found = controlCharacter(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

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
  const control = controlCharacter(parsed.transformation);
  if (control !== undefined) throw apiErrors.controlCharacter(control);
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
 * The stored bytes transformed as asked, when the file is an image and a transformation was asked for. Otherwise no
 * `body`: the stored bytes serve as they are, streamed from disk (for a file that is not an image, every parameter is
 * named as ignored).
 *
 * @example
 * ```ts
 * const { body, mime, ignored } = await renderResolved(app, resolved, "image/webp,*\/*", imageWork(ctx));
 * ```
 */
export async function renderResolved(
  app: App,
  resolved: Resolved,
  accept: string,
  work: ImageWork,
): Promise<{ body?: Buffer; mime: string; ignored: string[] }> {
  const { version, steps } = resolved;
  if (steps.length === 0) return { mime: version.mime, ignored: [] };
  if (version.fileType !== "image") {
    const ignored = steps.flatMap((step) => Object.entries(step).map(([key, value]) => codeOf(key, value)));
    return { mime: version.mime, ignored };
  }
  try {
    return await applyTransformation(app.store.blobs.path(version.blobId), steps, accept, work);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // Bytes that sharp read the header of but cannot decode (truncated, corrupt).
    throw apiErrors.untransformable((error as Error).message);
  }
}
