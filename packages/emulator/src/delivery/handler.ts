import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { parseUrl, type Transformation } from "@ikit/core";
import { type App, type Ctx, imageWork } from "../context.js";
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

/**
 * The ignored parameters as a header value: a text overlay may hold any character, and a header may only hold
 * printable ASCII, so everything else is percent-encoded as UTF-8.
 */
function headerValue(codes: string[]): string {
  return codes
    .join(",")
    .replace(/[^\x20-\x7e]/gu, (char) =>
      [...Buffer.from(char)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join(""),
    );
}

/** A control character (newline, NUL, …) anywhere in the parsed transformation, which no parameter may hold. */
function controlCharacter(value: unknown): string | undefined {
  if (typeof value === "string") return /[\u0000-\u001f\u007f]/.exec(value)?.[0];
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
  const control = controlCharacter(parsed.transformation);
  if (control !== undefined) {
    throw new ApiError(
      400,
      `The transformation contains a control character (U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}), which no transformation parameter may hold.`,
    );
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

/**
 * The stored bytes transformed as asked, when the file is an image and a transformation was asked for; otherwise no
 * `body` (the stored bytes serve as they are, streamed from disk) and, for a file that is not an image, every
 * parameter named as ignored.
 */
export async function renderResolved(
  ctx: Ctx,
  resolved: Resolved,
  accept: string,
): Promise<{ body?: Buffer; mime: string; ignored: string[] }> {
  const { app } = ctx;
  const { version, steps } = resolved;
  if (steps.length === 0) return { mime: version.mime, ignored: [] };
  if (version.fileType !== "image") {
    const ignored = steps.flatMap((step) => Object.entries(step).map(([key, value]) => codeOf(key, value)));
    return { mime: version.mime, ignored };
  }
  try {
    return await applyTransformation(app.store.blobs.path(version.blobId), steps, accept, imageWork(ctx));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // Bytes that sharp read the header of but cannot decode (truncated, corrupt).
    throw new ApiError(400, `The image could not be transformed: ${(error as Error).message}.`);
  }
}

/** Streams a stored blob as the response body; a client that leaves, or a read that fails, ends both streams. */
async function stream(ctx: Ctx, resolved: Resolved, headers: Record<string, string>): Promise<void> {
  const { res, app } = ctx;
  const { version } = resolved;
  res.writeHead(200, { ...headers, "Content-Type": version.mime, "Content-Length": version.size });
  if (ctx.req.method === "HEAD") {
    res.end();
    return;
  }
  app.bandwidthBytes += version.size;
  await pipeline(createReadStream(app.store.blobs.path(version.blobId)), res).catch(() => res.destroy());
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
  const out = await renderResolved(ctx, resolved, String(ctx.req.headers.accept ?? ""));
  if (out.ignored.length) headers[IGNORED_HEADER] = headerValue(out.ignored);
  if (resolved.steps.some((step) => step.format === "auto")) {
    const vary = ctx.res.getHeader("Vary");
    headers.Vary = vary ? `${String(vary)}, Accept` : "Accept";
  }
  if (out.body === undefined && !ctx.drop) {
    await stream(ctx, resolved, headers);
    return;
  }
  const body = out.body ?? (await readFile(app.store.blobs.path(resolved.version.blobId)));
  app.bandwidthBytes += body.length;
  // For HEAD, Node sends the headers (Content-Length included) and drops the body.
  send(ctx, 200, body, { ...headers, "Content-Type": out.mime });
}
