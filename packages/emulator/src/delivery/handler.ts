import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { parseUrl, type Transformation } from "@ikit/core";
import type { App, Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { send } from "../http/responses.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { currentVersion } from "../library/store.js";
import { applyTransformation, codeOf } from "../media/transform.js";
import { verifySignedUrl } from "./signed-url.js";

/** The response header naming transformation parameters the emulator served without applying. */
const IGNORED_HEADER = "x-ikit-ignored-transformation";

const SIGNATURE_MESSAGES = {
  missing:
    "This URL needs a signature: the file is private or unsigned URLs are restricted. Sign it with ik-s (and ik-t to expire).",
  malformed: "The URL's ik-s or ik-t parameter is malformed.",
  mismatch:
    "The URL's signature (ik-s) does not match: it was signed with another private key, another URL endpoint, or the URL changed after signing.",
  expired: "The signed URL has expired (ik-t is in the past).",
} as const;

/** A delivery URL resolved to a stored file version and the transformation asked of it. */
export interface Resolved {
  file: FileRecord;
  version: FileVersion;
  steps: Transformation[];
}

/**
 * Resolves a URL under the URL endpoint to a file version, enforcing publication and, when `checkSignature`,
 * ImageKit's signed-URL rules (always for private files; for every file with `restrictUnsignedUrls`).
 */
export function resolveDeliveryUrl(app: App, url: string, checkSignature: boolean): Resolved {
  const { settings, store } = app;
  let parsed: ReturnType<typeof parseUrl>;
  try {
    parsed = parseUrl(url, { urlEndpoint: settings.urlEndpoint });
  } catch {
    throw new ApiError(404, "The requested resource does not exist.");
  }
  let path: string;
  try {
    path = parsed.path.split("/").map(decodeURIComponent).join("/");
  } catch {
    throw new ApiError(400, "The URL path contains malformed percent-encoding.");
  }
  const file = store.fileAt(path);
  if (!file) throw new ApiError(404, `No file found at ${path}.`);
  const versionId = parsed.query["ik-obj-version"];
  const version = versionId ? file.versions.find((v) => v.versionId === versionId) : currentVersion(file);
  if (!version) throw new ApiError(404, `No version ${versionId} of ${path}.`);
  if (!version.isPublished) throw new ApiError(404, `${path} is not published.`);
  if (checkSignature && (settings.restrictUnsignedUrls || version.isPrivateFile)) {
    const problem = verifySignedUrl(url, settings.urlEndpoint, settings.privateKey);
    if (problem) throw new ApiError(401, SIGNATURE_MESSAGES[problem], { reason: `SIGNATURE_${problem.toUpperCase()}` });
  }
  return { file, version, steps: parsed.transformation };
}

/** The stored bytes, transformed as asked when the file is an image. */
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
    throw new ApiError(400, `The image could not be transformed: ${(error as Error).message}.`);
  }
}

/** `GET`/`HEAD <urlEndpoint>/<path>`: serves a stored file, transformed and signature-checked as ImageKit would. */
export async function deliver(ctx: Ctx): Promise<void> {
  const { app } = ctx;
  const url = app.settings.origin + (ctx.req.url ?? "/");
  const resolved = resolveDeliveryUrl(app, url, true);
  const headers: Record<string, string> = {
    "Cache-Control": resolved.version.isPrivateFile ? "private, max-age=0" : "public, max-age=31536000",
    ETag: `"${resolved.version.versionId}"`,
  };
  if (resolved.steps.length === 0 && !ctx.drop) {
    const { res } = ctx;
    res.writeHead(200, { ...headers, "Content-Type": resolved.version.mime, "Content-Length": resolved.version.size });
    if (ctx.req.method === "HEAD") {
      res.end();
      return;
    }
    app.bandwidthBytes += resolved.version.size;
    const stream = createReadStream(app.store.blobs.path(resolved.version.blobId));
    await new Promise<void>((resolve) => {
      stream.on("error", () => {
        res.destroy();
        resolve();
      });
      res.on("close", resolve);
      stream.pipe(res);
    });
    return;
  }
  const out = await renderResolved(app, resolved, String(ctx.req.headers.accept ?? ""));
  if (out.ignored.length) headers[IGNORED_HEADER] = out.ignored.join(",");
  if (resolved.steps.some((step) => step.format === "auto")) {
    const vary = ctx.res.getHeader("Vary");
    headers.Vary = vary ? `${String(vary)}, Accept` : "Accept";
  }
  app.bandwidthBytes += out.body.length;
  // For HEAD, Node sends the headers (Content-Length included) and drops the body.
  send(ctx, 200, out.body, { ...headers, "Content-Type": out.mime });
}
